/// The styles and drawing characters every widget takes from. A colour theme for terminals
/// with colours, and a monochrome one (bold, underline and reverse only) for `NO_COLOR` and
/// terminals without colours.
public struct Theme: Sendable {
    public var name: String
    public var glyphs: GlyphSet

    public var normal: Style
    /// Secondary text: hints, counts, the empty-table message.
    public var secondary: Style
    public var title: Style
    public var header: Style
    /// The selected row of the focused pane.
    public var selection: Style
    /// The selected row of a pane without focus.
    public var selectionInactive: Style
    public var marked: Style
    public var border: Style
    public var borderFocused: Style
    public var statusBar: Style
    public var statusAccent: Style
    public var statusError: Style
    public var statusWarning: Style
    public var statusSuccess: Style
    public var dialog: Style
    public var dialogTitle: Style
    public var button: Style
    public var buttonFocused: Style
    /// The confirm button of a destructive dialog.
    public var buttonDestructive: Style
    public var field: Style
    public var fieldHint: Style
    public var progressFilled: Style
    public var progressEmpty: Style
    public var helpKey: Style
    public var errorText: Style
    /// Added to the style of control-character placeholders so they differ from real text.
    public var placeholderAttributes: TextAttributes

    /// The colour theme.
    public static let standard = Theme(
        name: "standard",
        glyphs: .unicode,
        normal: .plain,
        secondary: Style(attributes: .dim),
        title: Style(foreground: .cyan, attributes: .bold),
        header: Style(foreground: .yellow, attributes: .bold),
        selection: Style(foreground: .black, background: .cyan),
        selectionInactive: Style(foreground: .black, background: .white),
        marked: Style(foreground: .yellow, attributes: .bold),
        border: Style(foreground: .blue),
        borderFocused: Style(foreground: .cyan, attributes: .bold),
        statusBar: Style(foreground: .white, background: .blue),
        statusAccent: Style(foreground: .yellow, background: .blue, attributes: .bold),
        statusError: Style(foreground: .white, background: .red, attributes: .bold),
        statusWarning: Style(foreground: .black, background: .yellow),
        statusSuccess: Style(foreground: .black, background: .green),
        dialog: .plain,
        dialogTitle: Style(foreground: .yellow, attributes: .bold),
        button: .plain,
        buttonFocused: Style(foreground: .black, background: .cyan, attributes: .bold),
        buttonDestructive: Style(foreground: .red, attributes: .bold),
        field: Style(attributes: .underline),
        fieldHint: Style(attributes: [.underline, .dim]),
        progressFilled: Style(foreground: .green),
        progressEmpty: Style(attributes: .dim),
        helpKey: Style(foreground: .cyan, attributes: .bold),
        errorText: Style(foreground: .red, attributes: .bold),
        placeholderAttributes: .underline
    )

    /// The monochrome theme: bold, underline and reverse only.
    public static let monochrome = Theme(
        name: "monochrome",
        glyphs: .unicode,
        normal: .plain,
        secondary: .plain,
        title: Style(attributes: .bold),
        header: Style(attributes: [.bold, .underline]),
        selection: Style(attributes: .reverse),
        selectionInactive: Style(attributes: .underline),
        marked: Style(attributes: .bold),
        border: .plain,
        borderFocused: Style(attributes: .bold),
        statusBar: Style(attributes: .reverse),
        statusAccent: Style(attributes: [.reverse, .bold]),
        statusError: Style(attributes: [.reverse, .bold, .underline]),
        statusWarning: Style(attributes: [.reverse, .underline]),
        statusSuccess: Style(attributes: .reverse),
        dialog: .plain,
        dialogTitle: Style(attributes: .bold),
        button: .plain,
        buttonFocused: Style(attributes: .reverse),
        buttonDestructive: Style(attributes: [.bold, .underline]),
        field: Style(attributes: .underline),
        fieldHint: Style(attributes: .underline),
        progressFilled: Style(attributes: .bold),
        progressEmpty: .plain,
        helpKey: Style(attributes: .bold),
        errorText: Style(attributes: [.bold, .underline]),
        placeholderAttributes: .underline
    )

    /// The colour theme when colours are available and wanted, otherwise the monochrome
    /// one; ASCII drawing characters when the locale is not UTF-8.
    public static func automatic(for capabilities: TerminalCapabilities) -> Theme {
        var theme = capabilities.colorCount >= 8 ? Theme.standard : Theme.monochrome
        theme.glyphs = capabilities.isUnicode ? .unicode : .ascii
        return theme
    }
}
