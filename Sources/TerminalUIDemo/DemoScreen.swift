import TerminalUI

/// One screen showing every widget: a table with filter, marks and sorting, a detail pane,
/// a site picker, a confirmation dialog, a fake bulk delete with progress and a log.
struct DemoScreen: Screen {
    enum Message: Sendable {
        case deleteStepFinished
    }

    private enum Focus {
        case table
        case detail
    }

    private var rows = DemoRow.samples(count: 300)
    private var visible: [Int] = Array(0..<300)
    private var marked: Set<Int> = []
    private var table = TableView(
        columns: [
            TableColumn("Name", width: .flexible(minimum: 16, weight: 2)),
            TableColumn("Input", width: .fixed(8)),
            TableColumn("Type", width: .fixed(8)),
            TableColumn("Value", width: .flexible(minimum: 8, weight: 1)),
        ],
        rowCount: 300, showsMarks: true)
    private var detail = TextView(wraps: true)
    private var log = TextView(maximumLines: 200)
    private var filter: TextField?
    private var picker: ListPicker?
    private var dialog: Dialog?
    private var deletion: ProgressBar?
    private var site = "example.webex.com"
    private var focus = Focus.table
    private var showsLog = false
    private var message = "Press ? for keys."
    private var ticks = 0

    private static let actions = KeyMap(title: "Demo", bindings: [
        KeyBinding([.char(" ")], "mark", help: "Mark or unmark the row"),
        KeyBinding([.char("s")], "sort", help: "Sort by the next column"),
        KeyBinding([.char("p")], "pickSite", help: "Pick a site"),
        KeyBinding([.char("d")], "deleteMarked", help: "Delete marked rows"),
        KeyBinding([.char("l")], "toggleLog", help: "Show or hide the log"),
    ])

    var keyMaps: [KeyMap] { [Self.actions, .listNavigation] }
    var wantsTicks: Bool { deletion != nil }

    mutating func render(into canvas: inout Canvas, theme: Theme) {
        let (titleRow, rest) = canvas.bounds.splitTop(1)
        let (main, statusRow) = rest.splitBottom(1)
        canvas.write(" Tracking codes — \(site)", x: 0, y: titleRow.y, style: theme.title)

        var body = main
        if filter != nil || deletion != nil {
            let (top, remainder) = body.splitTop(1)
            body = remainder
            if let deletion {
                deletion.draw(into: &canvas, in: top, theme: theme)
            } else {
                let x = canvas.write(" / ", x: top.x, y: top.y, style: theme.helpKey)
                filter?.draw(
                    into: &canvas, in: Rect(x: x, y: top.y, width: top.width - x, height: 1),
                    theme: theme)
            }
        }
        if showsLog {
            let (upper, lower) = body.splitBottom(6)
            body = upper
            log.draw(into: &canvas, in: lower, theme: theme)
        }

        let layout = PaneLayout.listAndDetail(in: body)
        let rowsShown = visible
        let allRows = rows
        let marks = marked
        table.draw(
            into: &canvas, in: layout.list, theme: theme, isFocused: focus == .table,
            isMarked: { marks.contains(rowsShown[$0]) },
            cell: { row, column in
                let item = allRows[rowsShown[row]]
                return [item.name, item.inputMode, item.type, item.value][column]
            })
        if let detailRect = layout.detail {
            canvas.drawBox(
                detailRect, style: focus == .detail ? theme.borderFocused : theme.border,
                glyphs: theme.glyphs, title: "Detail", titleStyle: theme.title)
            detail.setLines(selectedDetail())
            detail.draw(into: &canvas, in: detailRect.inset(dx: 1, dy: 1), theme: theme)
        }

        StatusBar(
            left: [StatusBar.Segment(message)],
            right: [
                StatusBar.Segment("\(marked.count) marked", kind: .accent),
                StatusBar.Segment(table.scroll.positionLabel),
            ],
            spinnerTick: deletion == nil ? nil : ticks
        ).draw(into: &canvas, in: statusRow, theme: theme)

        picker?.draw(into: &canvas, in: canvas.bounds.centered(width: 40, height: 14), theme: theme)
        dialog?.draw(into: &canvas, in: canvas.bounds, theme: theme)
    }

    mutating func handle(key: Key) -> ScreenOutcome<Message> {
        if dialog != nil { return handleDialog(key) }
        if picker != nil { return handlePicker(key) }
        if filter != nil { return handleFilter(key) }

        switch KeyMap.global.action(for: key) ?? Self.actions.action(for: key) {
        case .nextPane?, .previousPane?:
            focus = focus == .table ? .detail : .table
            return .handled
        case .filter?:
            filter = TextField(hint: "type to filter by name")
            return .handled
        case "mark"?:
            guard let row = table.selectedRow else { return .handled }
            if marked.remove(visible[row]) == nil { marked.insert(visible[row]) }
            _ = table.scroll.perform(.moveDown)
            return .handled
        case "sort"?:
            sortByNextColumn()
            return .handled
        case "pickSite"?:
            picker = ListPicker(
                title: "Sites", items: (1...500).map { "site-\($0).webex.com" })
            return .handled
        case "deleteMarked"?:
            guard !marked.isEmpty else {
                message = "Mark rows with Space first."
                return .handled
            }
            dialog = .confirmation(
                title: "Delete tracking codes",
                message: "Delete \(marked.count) marked tracking codes from \(site)? "
                    + "Undo re-creates them with new ids.",
                confirmTitle: "Delete", confirmKey: "y")
            return .handled
        case "toggleLog"?:
            showsLog.toggle()
            return .handled
        default:
            break
        }
        if focus == .detail {
            return detail.handle(key) ? .handled : .ignored
        }
        return table.handle(key) ? .handled : .ignored
    }

    mutating func handle(message: Message) -> ScreenOutcome<Message> {
        guard var progress = deletion else { return .handled }
        progress.completed += 1
        log.append("DELETE tracking code \(progress.completed)/\(progress.total): 204")
        if progress.completed >= progress.total {
            deletion = nil
            self.message = "Deleted \(progress.total) tracking codes."
            let gone = marked
            marked = []
            visible.removeAll { gone.contains($0) }
            table.setRowCount(visible.count)
            return .handled
        }
        deletion = progress
        return .perform(Self.deleteStep())
    }

    mutating func tick() -> ScreenOutcome<Message> {
        ticks += 1
        return .handled
    }

    // MARK: - Overlays

    private mutating func handleDialog(_ key: Key) -> ScreenOutcome<Message> {
        guard case .chose(let id) = dialog?.handle(key) else { return .handled }
        dialog = nil
        guard id == "confirm" else {
            message = "Nothing deleted."
            return .handled
        }
        deletion = ProgressBar(completed: 0, total: marked.count, label: "Deleting")
        return .perform(Self.deleteStep())
    }

    private mutating func handlePicker(_ key: Key) -> ScreenOutcome<Message> {
        switch picker?.handle(key) {
        case .chosen(let index)?:
            site = picker?.items[index] ?? site
            picker = nil
        case .cancelled?:
            picker = nil
        default:
            break
        }
        return .handled
    }

    private mutating func handleFilter(_ key: Key) -> ScreenOutcome<Message> {
        switch filter?.handle(key) {
        case .edited?:
            applyFilter(filter?.text ?? "")
        case .submitted?:
            message = "\(visible.count) rows match."
            filter = nil
        case .cancelled?:
            applyFilter("")
            filter = nil
        default:
            if table.handle(key) { return .handled }
        }
        return .handled
    }

    // MARK: - Data

    private mutating func applyFilter(_ text: String) {
        visible = rows.indices.filter {
            text.isEmpty || rows[$0].name.localizedCaseInsensitiveContains(text)
        }
        table.setRowCount(visible.count)
        table.select(row: 0)
    }

    private mutating func sortByNextColumn() {
        let next = ((table.sortColumn ?? -1) + 1) % table.columns.count
        table.sortColumn = next
        let allRows = rows
        visible.sort { left, right in
            let a = allRows[left]
            let b = allRows[right]
            let fields = [(a.name, b.name), (a.inputMode, b.inputMode), (a.type, b.type),
                          (a.value, b.value)]
            return fields[next].0 < fields[next].1
        }
        message = "Sorted by \(table.columns[next].title)."
    }

    private func selectedDetail() -> [String] {
        guard let row = table.selectedRow else { return ["No row selected."] }
        let item = rows[visible[row]]
        return ["Name: \(item.name)", "Input mode: \(item.inputMode)", "Type: \(item.type)",
                "Value: \(item.value)"]
    }

    private static func deleteStep() -> Effect<Message> {
        .run {
            try? await Task.sleep(for: .milliseconds(150))
            return .deleteStepFinished
        }
    }
}
