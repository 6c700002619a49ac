/// What the terminal can show, as the driver found out at start.
public struct TerminalCapabilities: Hashable, Sendable {
    /// Colours available to us: 0 when the terminal has none or `NO_COLOR` is set.
    public var colorCount: Int
    /// True when the terminal's own default colours can be used (`use_default_colors`).
    public var supportsDefaultColors: Bool
    /// True when the locale's codeset is UTF-8, so box lines and wide characters can be sent.
    public var isUnicode: Bool
    /// The terminfo name, such as "xterm-256color".
    public var terminalName: String

    public init(
        colorCount: Int,
        supportsDefaultColors: Bool,
        isUnicode: Bool,
        terminalName: String
    ) {
        self.colorCount = colorCount
        self.supportsDefaultColors = supportsDefaultColors
        self.isUnicode = isUnicode
        self.terminalName = terminalName
    }

    /// A colour UTF-8 terminal, the usual case; what the text driver reports by default.
    public static let standard = TerminalCapabilities(
        colorCount: 256, supportsDefaultColors: true, isUnicode: true,
        terminalName: "xterm-256color"
    )

    /// Whether colour output is wanted: the terminal has at least 8 colours and the
    /// environment does not set `NO_COLOR` to a non-empty value (see no-color.org).
    public static func colorsWanted(terminalColors: Int, environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return false
        }
        return terminalColors >= 8
    }
}
