import TrackingCodesCore
import WebexAPI

/// Drawing the user pane: the query line and its lookup error, a summary of who is shown, the
/// table of codes and values, the highlighted row's problem, then the summary and key hints.
extension UserCodesView {
    public func render(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        canvas.fill(rect, style: theme.normal)
        let area = rect.inset(dx: 1, dy: 0)
        guard area.width >= 20, area.height >= 6 else { return }

        var (top, rest) = area.splitTop(1)
        drawQuery(into: &canvas, in: top, theme: theme)
        for line in lookupErrorLines(width: area.width, theme: theme) {
            (top, rest) = rest.splitTop(1)
            canvas.write(line, x: top.x, y: top.y, style: theme.ruleMessage)
        }
        for line in refusalLines(width: area.width, theme: theme) {
            (top, rest) = rest.splitTop(1)
            canvas.write(line, x: top.x, y: top.y, style: theme.ruleMessage)
        }
        (top, rest) = rest.splitTop(1)
        canvas.write(
            TerminalText(whoLine).truncated(toWidth: top.width, ellipsis: theme.glyphs.ellipsis),
            x: top.x, y: top.y + 0, style: theme.secondary)

        let detail = detailLines(width: area.width, formHeight: area.height, theme: theme)
        let summary = summaryLines(width: area.width, formHeight: area.height, theme: theme)
        let (tableRect, bottom) = rest.splitBottom(detail.count + summary.lines.count + 1)
        let rows = pane.rows
        // Code names are short: as wide as the longest (within reason), values get the rest.
        let longestName = rows.map { TerminalText($0.name).width }.max() ?? 0
        table.columns[0].width = .fixed(min(max(longestName, 12), 32))
        table.setRowCount(rows.count)
        table.select(row: pane.cursor)
        table.draw(
            into: &canvas, in: tableRect, theme: theme, isFocused: focus == .table,
            cell: { row, column in Self.cell(rows[row], column: column) })

        for (index, line) in detail.enumerated() {
            canvas.write(line.text, x: bottom.x, y: bottom.y + index, style: line.style)
        }
        if let edit = valueEdit {
            drawValueEdit(edit, into: &canvas, y: bottom.y, x: bottom.x, width: bottom.width,
                          theme: theme)
        }
        FormMessage.drawFooter(
            summary.lines.map { [($0, summary.style)] }, hints: hints, into: &canvas,
            in: bottom.splitBottom(summary.lines.count + 1).bottom, theme: theme)

        if var open = valuePicker {
            let widest = open.picker.items.map { TerminalText($0).width }.max() ?? 0
            let box = rect.centered(
                width: min(max(30, widest + 6), rect.width),
                height: min(open.picker.items.count + 2, rect.height))
            open.picker.draw(into: &canvas, in: box, theme: theme)
            valuePicker = open
        }
        dialog?.draw(into: &canvas, in: rect, theme: theme)
        if focus == .table, valueEdit == nil || valuePicker != nil || dialog != nil {
            canvas.cursor = nil
        }
    }

    /// The text of a table cell: code name, input mode, the value (`*` when edited), problem.
    static func cell(_ row: UserCodesPane.Row, column: Int) -> String {
        switch column {
        case 0: return row.name
        case 1: return row.code.inputMode.shortLabel
        case 2:
            guard let value = row.value else { return "–" }
            return row.isEdited ? "* " + value : value
        default: return row.problem ?? ""
        }
    }

    // MARK: - Parts

    private func drawQuery(into canvas: inout Canvas, in row: Rect, theme: Theme) {
        let label = TerminalText("Find user ")
        let labelStyle = focus == .query ? theme.selection : theme.normal
        let x = canvas.write(label, x: row.x, y: row.y, style: labelStyle) + 1
        let showsCursor = focus == .query && dialog == nil && valuePicker == nil
        queryField.draw(
            into: &canvas, in: Rect(x: x, y: row.y, width: row.maxX - x, height: 1),
            theme: theme, isFocused: showsCursor)
    }

    private var whoLine: String {
        guard pane.user != nil, let who = pane.userTitle else {
            return pane.isBusy ? "Looking up…" : "No user shown yet."
        }
        let set = pane.rows.filter { $0.savedValue != nil }.count
        let codes = CountedNoun.text(pane.rows.count, "code")
        var text = "\(who): \(set) of \(codes) \(set == 1 ? "has" : "have") a value"
        let edited = pane.rows.filter(\.isEdited).count
        if edited > 0 { text += ", \(edited) edited (*)" }
        return text
    }

    private func lookupErrorLines(width: Int, theme: Theme) -> [TerminalText] {
        guard let error = pane.lookupError else { return [] }
        let lines: [String]
        if error.status == 404 {
            let site = pane.session.siteUrl ?? "this site"
            lines = ["No user '\(pane.query)' on \(site). Check the address or personId.",
                     "trackingId \(error.trackingId ?? "none")"]
        } else {
            lines = RefusalText.lines(for: error, action: "lookup")
        }
        return wrapped(lines, width: width, theme: theme)
    }

    /// Why the last save failed. On a site now read-only the summary gives the reason, so this
    /// keeps only what it lacks: Webex's status and the trackingId to quote.
    private func refusalLines(width: Int, theme: Theme) -> [TerminalText] {
        guard let error = pane.saveError else { return [] }
        guard pane.readOnlyReason != nil else {
            return wrapped(RefusalText.lines(for: error), width: width, theme: theme)
        }
        guard case .webex(.api(let status, _, _, let trackingId)) = error else { return [] }
        let line = "Webex refused the save: HTTP \(status), trackingId \(trackingId)"
        return wrapped([line], width: width, theme: theme)
    }

    private func wrapped(_ lines: [String], width: Int, theme: Theme) -> [TerminalText] {
        var result: [TerminalText] = []
        for text in lines {
            for piece in TerminalText(text).wrapped(toWidth: max(1, width - 2)) {
                result.append(TerminalText(result.isEmpty ? theme.ruleGlyph + " " : "  ") + piece)
            }
        }
        return result
    }

    /// Under the table: the highlighted row's problem in full, or what typing a value breaks.
    /// The problem's rows are as many as it needs, within `FormMessage`'s limit.
    private func detailLines(width: Int, formHeight: Int, theme: Theme)
        -> [(text: TerminalText, style: Style)]
    {
        func lines(_ problem: String?) -> [(text: TerminalText, style: Style)] {
            guard let problem else { return [] }
            return FormMessage.lines(
                theme.ruleGlyph + " " + problem, width: width, formHeight: formHeight, theme: theme
            ).map { ($0, theme.ruleMessage) }
        }
        if let edit = valueEdit, let row = pane.rows.first(where: { $0.id == edit.codeID }) {
            // The field itself takes the first line.
            return [(.empty, theme.normal)]
                + lines(TrackingCodeRules.userValueViolation(edit.field.text, for: row.code))
        }
        return lines(focus == .table ? pane.selectedRow?.problem : nil)
    }

    private func drawValueEdit(
        _ edit: ValueEdit, into canvas: inout Canvas, y: Int, x: Int, width: Int, theme: Theme
    ) {
        let label = TerminalText("Value for '") + TerminalText(edit.codeName).truncated(
            toWidth: max(4, width / 3), ellipsis: theme.glyphs.ellipsis) + TerminalText("' ")
        let fieldX = canvas.write(label, x: x, y: y, style: theme.selection) + 1
        var field = edit.field
        field.draw(
            into: &canvas, in: Rect(x: fieldX, y: y, width: x + width - fieldX, height: 1),
            theme: theme, isFocused: dialog == nil)
        valueEdit?.field = field
    }

    /// The summary above the key hints, wrapped over as many rows as it needs (a read-only
    /// site's reason names the settings file), within `FormMessage`'s limit.
    private func summaryLines(width: Int, formHeight: Int, theme: Theme)
        -> (lines: [TerminalText], style: Style)
    {
        let (text, style) = summary(theme: theme)
        return (FormMessage.lines(text, width: width, formHeight: formHeight, theme: theme), style)
    }

    private func summary(theme: Theme) -> (String, Style) {
        if pane.isBusy { return ("Waiting for Webex… (Esc cancels)", theme.normal) }
        if let reason = pane.readOnlyReason {
            return ("Read-only, cannot save: " + reason, theme.advisoryMessage)
        }
        let problems = pane.problems.count
        if problems > 0 {
            let text = problems == 1 ? "1 problem — fix it to save"
                : "\(problems) problems — fix them to save"
            return (theme.ruleGlyph + " " + text, theme.ruleMessage)
        }
        let edited = pane.rows.filter(\.isEdited).count
        if edited > 0 {
            return ("\(edited) edited — Ctrl-S sends the user's full list", theme.normal)
        }
        return ("", theme.normal)
    }

    private var hints: String {
        if valueEdit != nil { return "Enter set the value · Esc keep the old one" }
        switch focus {
        case .query:
            return "Enter look up · Esc back"
        case .table:
            // A read-only site refuses edits and saves: no hint invites them.
            guard pane.readOnlyReason != nil else {
                return "Enter edit · x undo edit · / find user · Ctrl-S save · Esc back"
            }
            return pane.hasEdits ? "x undo edit · / find user · r reload · Esc back"
                : "/ find user · r reload · Esc back"
        }
    }
}
