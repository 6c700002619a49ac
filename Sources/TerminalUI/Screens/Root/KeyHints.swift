/// The one-line reminder of keys under a view: as many hints as fit, most useful first, never
/// one cut in half.
enum KeyHints {
    static let separator = " · "

    /// The longest run of leading `hints` that fits in `width` columns.
    static func fitting(_ hints: [String], width: Int) -> TerminalText {
        var line = TerminalText.empty
        for hint in hints {
            let next = line.isEmpty ? TerminalText(hint) : line + TerminalText(separator + hint)
            guard next.width <= width else { break }
            line = next
        }
        return line
    }
}
