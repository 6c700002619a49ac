/// One cell of a canvas. A wide character takes two cells: the first holds the text with
/// width 2, the second is a continuation (empty text, width 0) that is never drawn itself.
public struct Cell: Hashable, Sendable {
    /// A glyph from `TerminalText` (never a control character), a space, or "" for a
    /// continuation.
    public var text: String
    /// 1, 2, or 0 for the continuation of a wide character.
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(text: " ", width: 1, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
