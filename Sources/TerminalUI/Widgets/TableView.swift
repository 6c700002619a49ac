/// A scrolling table: a header row, then one row per item, with an optional mark column,
/// a sort indicator on the sorted column, and the selected row highlighted.
///
/// The table holds no data: `draw` asks for the cells of the visible rows only, so it
/// handles thousands of rows. Cell strings are data and go through `TerminalText`.
public struct TableView: Sendable {
    /// How much of the selected row the selection style covers.
    public enum SelectionSpan: Hashable, Sendable {
        /// The whole row: easiest to follow across a wide table.
        case row
        /// The mark column and the first column only. The rest of the row keeps its style,
        /// so moving the selection changes two short cells instead of two whole rows: what a
        /// terminal must be sent again for every step (over SSH, every byte counts).
        case leadingColumn
    }

    public var columns: [TableColumn]
    public var scroll: ScrollState
    /// The column the rows are sorted by, shown with ▲ or ▼ in the header.
    public var sortColumn: Int?
    public var sortAscending: Bool
    /// Whether the leftmost two columns show which rows are marked.
    public var showsMarks: Bool
    /// Shown in place of rows when there are none.
    public var emptyMessage: String
    public var selectionSpan: SelectionSpan

    public init(
        columns: [TableColumn],
        rowCount: Int = 0,
        showsMarks: Bool = false,
        emptyMessage: String = "Nothing to show.",
        selectionSpan: SelectionSpan = .row
    ) {
        self.columns = columns
        self.scroll = ScrollState(count: rowCount)
        self.sortColumn = nil
        self.sortAscending = true
        self.showsMarks = showsMarks
        self.emptyMessage = emptyMessage
        self.selectionSpan = selectionSpan
    }

    /// Width of the mark column, gap included.
    static let markColumnWidth = 2

    public var selectedRow: Int? { scroll.selectedIndex }

    public mutating func setRowCount(_ count: Int) {
        scroll.setCount(count)
    }

    public mutating func select(row: Int) {
        scroll.select(row)
    }

    /// Moves the selection for navigation keys; returns false when the key is not one.
    public mutating func handle(_ key: Key, keyMap: KeyMap = .listNavigation) -> Bool {
        guard let action = keyMap.action(for: key) else { return false }
        return scroll.perform(action)
    }

    /// Draws the header and the visible rows into `rect`, and records the viewport height.
    ///
    /// - Parameters:
    ///   - isFocused: whether the selection shows in the focused or the inactive style.
    ///   - isMarked: whether a row is marked (asked only when `showsMarks`).
    ///   - cell: the text of a cell, by row and column index.
    public mutating func draw(
        into canvas: inout Canvas,
        in rect: Rect,
        theme: Theme,
        isFocused: Bool = true,
        isMarked: (Int) -> Bool = { _ in false },
        cell: (_ row: Int, _ column: Int) -> String
    ) {
        guard !rect.isEmpty else { return }
        let (headerRect, body) = rect.splitTop(1)
        scroll.setViewportHeight(body.height)

        let markWidth = showsMarks ? min(Self.markColumnWidth, rect.width) : 0
        let widths = TableColumn.widths(for: columns, totalWidth: rect.width - markWidth)

        canvas.withClip(rect) { canvas in
            drawHeader(into: &canvas, in: headerRect, markWidth: markWidth, widths: widths,
                       theme: theme)
            guard scroll.count > 0 else {
                canvas.fill(body, style: theme.normal)
                // Wrapped rather than cut: a load error must show its status, its trackingId
                // and what to do next, which rarely fit on one line beside the detail.
                var lines = TerminalText(emptyMessage).wrapped(toWidth: body.width - 1)
                if lines.count > body.height, body.height > 0 {
                    lines = Array(lines.prefix(body.height))
                    lines[lines.count - 1] = (lines[lines.count - 1] + theme.glyphs.ellipsis)
                        .truncated(toWidth: body.width - 1, ellipsis: theme.glyphs.ellipsis)
                }
                for (index, line) in lines.enumerated() {
                    canvas.write(line, x: body.x + 1, y: body.y + index, style: theme.secondary)
                }
                return
            }
            for (line, row) in scroll.visibleRange.enumerated() {
                let isSelected = row == scroll.selection
                let selectedStyle = isFocused ? theme.selection : theme.selectionInactive
                let rowStyle = isSelected && selectionSpan == .row ? selectedStyle : theme.normal
                let leadStyle = isSelected ? selectedStyle : theme.normal
                let y = body.y + line
                canvas.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: rowStyle)
                if isSelected, selectionSpan == .leadingColumn {
                    let width = markWidth + (widths.first ?? 0)
                    canvas.fill(Rect(x: body.x, y: y, width: width, height: 1), style: leadStyle)
                }
                if markWidth > 0, isMarked(row) {
                    let markStyle = isSelected ? leadStyle : theme.marked
                    canvas.write(theme.glyphs.mark, x: body.x, y: y, style: markStyle)
                }
                drawCells(
                    into: &canvas, x: body.x + markWidth, y: y, widths: widths, theme: theme,
                    style: { $0 == 0 ? leadStyle : rowStyle }, text: { cell(row, $0) })
            }
            let drawn = scroll.visibleRange.count
            canvas.fill(
                Rect(x: body.x, y: body.y + drawn, width: body.width, height: body.height - drawn),
                style: theme.normal)
        }
    }

    private func drawHeader(
        into canvas: inout Canvas, in rect: Rect, markWidth: Int, widths: [Int], theme: Theme
    ) {
        canvas.fill(rect, style: theme.header)
        var x = rect.x + markWidth
        for (index, width) in widths.enumerated() where width > 0 {
            var title = TerminalText(columns[index].title)
            if index == sortColumn {
                // The arrow must survive truncation: it is what says how rows are sorted.
                let arrow = TerminalText(
                    sortAscending ? theme.glyphs.sortAscending : theme.glyphs.sortDescending)
                title = title.truncated(
                    toWidth: width - arrow.width - 1, ellipsis: theme.glyphs.ellipsis)
                    + " " + arrow
            }
            canvas.write(
                title.fitted(
                    toWidth: width, alignment: columns[index].alignment,
                    ellipsis: theme.glyphs.ellipsis),
                x: x, y: rect.y, style: theme.header)
            x += width + 1
        }
    }

    private func drawCells(
        into canvas: inout Canvas, x: Int, y: Int, widths: [Int], theme: Theme,
        style: (Int) -> Style, text: (Int) -> String
    ) {
        var column = x
        for (index, width) in widths.enumerated() where width > 0 {
            let fitted = TerminalText(text(index)).fitted(
                toWidth: width, alignment: columns[index].alignment,
                ellipsis: theme.glyphs.ellipsis)
            canvas.write(fitted, x: column, y: y, style: style(index))
            column += width + 1
        }
    }
}
