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
}
