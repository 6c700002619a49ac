/// The drawing characters widgets use: Unicode when the locale is UTF-8, ASCII otherwise.
public struct GlyphSet: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var ellipsis: TerminalText
    public var sortAscending: String
    public var sortDescending: String
    public var mark: String
    public var progressFilled: String
    public var progressEmpty: String
    public var spinnerFrames: [String]

    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", sortAscending: "▲", sortDescending: "▼", mark: "●",
        progressFilled: "█", progressEmpty: "░",
        spinnerFrames: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    )

    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", sortAscending: "^", sortDescending: "v", mark: "*",
        progressFilled: "#", progressEmpty: "-",
        spinnerFrames: ["|", "/", "-", "\\"]
    )

    /// The spinner frame for a tick count.
    public func spinner(_ tick: Int) -> String {
        spinnerFrames[((tick % spinnerFrames.count) + spinnerFrames.count) % spinnerFrames.count]
    }
}
