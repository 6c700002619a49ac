/// A plain-text table for the terminal: aligned by display width, safe with any cell content.
struct TextTable {
    /// One column: its header, how to align it, and the widest it may grow before cells are cut.
    struct Column {
        var header: String
        var alignRight = false
        var maxWidth: Int?
    }

    var columns: [Column]
    var rows: [[String]]

    static let separator = "  "

    /// The table as lines ending in newlines. Cells are escaped (`OutputEscaping`) and cut to their
    /// column's `maxWidth`; the header is bold when `style` allows it. No trailing spaces.
    func render(style: TextStyle) -> String {
        let cells = rows.map { row in
            columns.indices.map { index in
                let raw = index < row.count ? row[index] : ""
                let safe = OutputEscaping.escapingControls(raw)
                return columns[index].maxWidth.map { TextWidth.truncate(safe, to: $0) } ?? safe
            }
        }
        let widths = columns.indices.map { index in
            cells.reduce(TextWidth.of(columns[index].header)) { max($0, TextWidth.of($1[index])) }
        }

        var lines = [style.bold(line(columns.map(\.header), widths: widths))]
        lines += cells.map { line($0, widths: widths) }
        return lines.map { $0 + "\n" }.joined()
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let gap = String(repeating: " ", count: max(0, widths[index] - TextWidth.of(cell)))
            let isLast = index == cells.count - 1
            if columns[index].alignRight {
                parts.append(gap + cell)
            } else {
                parts.append(isLast ? cell : cell + gap)
            }
        }
        var text = parts.joined(separator: Self.separator)
        while text.hasSuffix(" ") {
            text.removeLast()
        }
        return text
    }
}

/// Whether our own output may use bold. API data never carries escapes itself.
struct TextStyle: Sendable {
    var usesColor: Bool

    static let plain = TextStyle(usesColor: false)

    func bold(_ text: String) -> String {
        usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
