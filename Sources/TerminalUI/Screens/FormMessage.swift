/// The warning or error on a form's summary row (the code editor, the user pane), wrapped over
/// as many rows as it needs, up to three: a read-only site's reason names the settings file it
/// comes from, which a window 80 columns wide cannot show on one row. Text that needs more
/// rows ends with an ellipsis. Small windows give it fewer rows, so the form keeps room for
/// the field or row the cursor is on.
enum FormMessage {
    /// The most rows a message takes.
    static let maximumRows = 3

    /// The rows a message may take in a form `height` rows high: three from 18 rows up (a
    /// 24-row window), fewer below.
    static func rowLimit(forHeight height: Int) -> Int {
        min(maximumRows, max(1, height / 6))
    }

    /// `text` wrapped to `width` columns over at most `rowLimit(forHeight: formHeight)` rows.
    static func lines(_ text: String, width: Int, formHeight: Int, theme: Theme)
        -> [TerminalText]
    {
        TerminalText(text).wrapped(
            toWidth: max(1, width), maxLines: rowLimit(forHeight: formHeight),
            ellipsis: theme.glyphs.ellipsis)
    }

    /// Draws `rows` (each row's parts side by side, cut at the edge) at the top of `footer`
    /// and `hints` on its last row; nothing when `footer` has no room for both.
    static func drawFooter(
        _ rows: [[(text: TerminalText, style: Style)]], hints: String,
        into canvas: inout Canvas, in footer: Rect, theme: Theme
    ) {
        guard footer.height > rows.count else { return }
        for (index, parts) in rows.enumerated() {
            var x = footer.x
            for part in parts {
                x = canvas.write(
                    part.text.truncated(
                        toWidth: max(0, footer.maxX - x), ellipsis: theme.glyphs.ellipsis),
                    x: x, y: footer.y + index, style: part.style)
            }
        }
        canvas.write(
            TerminalText(hints).truncated(toWidth: footer.width, ellipsis: theme.glyphs.ellipsis),
            x: footer.x, y: footer.maxY - 1, style: theme.secondary)
    }
}
