/// A one-row progress bar: "Deleting [██████░░░░░░] 12/20".
public struct ProgressBar: Hashable, Sendable {
    public var completed: Int
    public var total: Int
    public var label: String

    public init(completed: Int, total: Int, label: String = "") {
        self.completed = completed
        self.total = total
        self.label = label
    }

    /// Progress from 0 to 1; 0 when the total is unknown (zero or less).
    public var fraction: Double {
        guard total > 0 else { return 0 }
        return min(1, max(0, Double(completed) / Double(total)))
    }

    /// Draws into the first row of `rect`. The label gets at most a third of the width; the
    /// bar is left out when fewer than three columns remain for it.
    public func draw(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height))
        guard !row.isEmpty else { return }
        canvas.withClip(row) { canvas in
            canvas.fill(row, style: theme.normal)
            let count = TerminalText(" \(max(0, completed))/\(max(0, total))")
            var x = row.x
            if !label.isEmpty {
                let shownLabel = TerminalText(label).truncated(
                    toWidth: max(1, row.width / 3), ellipsis: theme.glyphs.ellipsis)
                x = canvas.write(shownLabel + " ", x: x, y: row.y, style: theme.normal)
            }

            let barWidth = row.maxX - x - count.width - 2
            if barWidth >= 3 {
                let filled = Int((fraction * Double(barWidth)).rounded(.down))
                x = canvas.write("[", x: x, y: row.y, style: theme.normal)
                canvas.drawHorizontalLine(
                    x: x, y: row.y, width: filled, glyph: theme.glyphs.progressFilled,
                    style: theme.progressFilled)
                canvas.drawHorizontalLine(
                    x: x + filled, y: row.y, width: barWidth - filled,
                    glyph: theme.glyphs.progressEmpty, style: theme.progressEmpty)
                x = canvas.write("]", x: x + barWidth, y: row.y, style: theme.normal)
            }
            canvas.write(count, x: x, y: row.y, style: theme.normal)
        }
    }
}
