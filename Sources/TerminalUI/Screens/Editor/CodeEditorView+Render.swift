import TrackingCodesCore
import WebexAPI

/// Drawing the code editor: the refusal of the last save pinned at the top, the fields in the
/// middle (scrolled so the focused one shows), the summary and key hints pinned at the bottom.
extension CodeEditorView {
    /// One line of the form's scrolling part.
    enum FormLine {
        case field(EditorField)
        case heading(String)
        case message(TerminalText, Style)
        case option(Int)
        case noOptions
    }

    /// The label column's width: the longest label ("  Training Center") and a space.
    static let labelWidth = 18

    public func render(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        canvas.fill(rect, style: theme.normal)
        let area = rect.inset(dx: 1, dy: 0)
        guard area.width >= 20, area.height >= 4 else { return }
        optionScroll.setCount(editor.options.count)

        let refusal = refusalLines(width: area.width, theme: theme)
        let (top, rest) = area.splitTop(min(refusal.count, area.height / 3))
        for (index, line) in refusal.prefix(top.height).enumerated() {
            canvas.write(line.text, x: top.x, y: top.y + index, style: line.style)
        }
        let summary = summaryRows(width: area.width, formHeight: area.height, theme: theme)
        let (body, footer) = rest.splitBottom(summary.count + 1)
        drawForm(into: &canvas, in: body, theme: theme)
        FormMessage.drawFooter(summary, hints: hints, into: &canvas, in: footer, theme: theme)

        if var open = choicePicker {
            let height = min(open.picker.items.count + 2, rect.height)
            let widest = open.picker.items.map { TerminalText($0).width }.max() ?? 0
            let width = min(max(28, widest + 6), rect.width)
            open.picker.draw(
                into: &canvas, in: rect.centered(width: width, height: height), theme: theme)
            choicePicker = open
        }
        discardDialog?.draw(into: &canvas, in: rect, theme: theme)
        if choicePicker != nil || discardDialog != nil {
            canvas.cursor = nil
        }
    }

    // MARK: - Refusal

    private func refusalLines(width: Int, theme: Theme) -> [(text: TerminalText, style: Style)] {
        guard let error = editor.saveError else { return [] }
        // A local refusal is stale once the form is fixed; Webex's answer stays until a save works.
        if case .invalid = error, editor.violations.isEmpty { return [] }
        var lines: [(text: TerminalText, style: Style)] = []
        for (index, text) in RefusalText.lines(for: error).enumerated() {
            let prefix = index == 0 ? theme.ruleGlyph + " " : "  "
            for piece in TerminalText(text).wrapped(toWidth: max(1, width - 2)) {
                let lead = TerminalText(lines.isEmpty ? prefix : "  ")
                lines.append((lead + piece, theme.ruleMessage))
            }
        }
        lines.append((.empty, theme.normal))
        return lines
    }

    // MARK: - The fields

    private func drawForm(into canvas: inout Canvas, in body: Rect, theme: Theme) {
        guard !body.isEmpty else { return }
        let messageWidth = max(10, body.width - Self.labelWidth)
        var before: [(line: FormLine, owner: EditorField)] = []
        for field in EditorField.all where field != .options {
            if field == .schedule(.all) {
                before.append((.heading("Used on schedule and start pages"), field))
                if !editor.isScheduleEditable {
                    before.append((.message(
                        TerminalText("locked: host profile select codes are not asked for there"),
                        theme.secondary), field))
                }
            }
            before.append((.field(field), field))
            before += messageLines(for: field.ruleField, width: messageWidth, theme: theme)
                .map { ($0, field) }
        }
        before.append((.field(.options), .options))
        before += messageLines(for: .options, width: messageWidth, theme: theme)
            .map { ($0, .options) }

        var after: [FormLine] = []
        if let selected = optionScroll.selectedIndex {
            after = messageLines(for: .option(index: selected), width: messageWidth, theme: theme)
        }

        let count = editor.options.count
        let spare = body.height - before.count - after.count
        let listHeight = count == 0 ? 1 : max(min(count, spare), min(count, 5))
        optionScroll.setViewportHeight(listHeight)
        let list: [FormLine] = count == 0
            ? [.noOptions] : optionScroll.visibleRange.map { .option($0) }

        let lines = before.map(\.line) + list + after
        scrollForm(toShow: before, total: lines.count, height: body.height)
        for (row, line) in lines.dropFirst(formOffset).prefix(body.height).enumerated() {
            draw(line, into: &canvas, x: body.x, y: body.y + row, width: body.width, theme: theme)
        }
    }

    /// Keeps the focused field and its messages in view; the options list sits at the bottom.
    private func scrollForm(
        toShow lines: [(line: FormLine, owner: EditorField)], total: Int, height: Int
    ) {
        let maximum = max(0, total - height)
        if focus == .options {
            formOffset = maximum
            return
        }
        let owned = lines.indices.filter { lines[$0].owner == focus }
        if let first = owned.first, let last = owned.last {
            if first < formOffset {
                formOffset = first
            } else if last >= formOffset + height {
                formOffset = last - height + 1
            }
        }
        formOffset = min(max(0, formOffset), maximum)
    }

    private func messageLines(
        for field: TrackingCodeField, width: Int, theme: Theme
    ) -> [FormLine] {
        editor.messages(for: field).flatMap { message -> [FormLine] in
            let glyph = message.blocksSaving ? theme.ruleGlyph : theme.advisoryGlyph
            let style = message.blocksSaving ? theme.ruleMessage : theme.advisoryMessage
            return TerminalText(message.text).wrapped(toWidth: max(1, width - 2)).enumerated().map {
                .message(TerminalText($0.offset == 0 ? glyph + " " : "  ") + $0.element, style)
            }
        }
    }

    private func draw(
        _ line: FormLine, into canvas: inout Canvas, x: Int, y: Int, width: Int, theme: Theme
    ) {
        let valueX = x + Self.labelWidth
        let valueWidth = max(0, x + width - valueX)
        switch line {
        case .heading(let text):
            canvas.write(
                TerminalText(text).truncated(toWidth: width), x: x, y: y, style: theme.header)
        case .message(let text, let style):
            canvas.write(
                text.truncated(toWidth: valueWidth, ellipsis: theme.glyphs.ellipsis),
                x: valueX, y: y, style: style)
        case .field(let field):
            let isFocused = field == focus
            let labelStyle = isFocused ? theme.selection : theme.normal
            canvas.write(
                TerminalText(field.label).fitted(toWidth: Self.labelWidth - 1), x: x, y: y,
                style: labelStyle)
            drawValue(
                of: field, into: &canvas,
                at: Rect(x: valueX, y: y, width: valueWidth, height: 1),
                isFocused: isFocused, theme: theme)
        case .option(let index):
            drawOption(index, into: &canvas, x: x, y: y, width: width, theme: theme)
        case .noOptions:
            let text = editor.inputMode == .text
                ? "No options (text codes need none). a adds one."
                : "No options yet. Focus this list and press a to add one."
            canvas.write(TerminalText(text).truncated(toWidth: width - 2), x: x + 2, y: y,
                         style: theme.secondary)
        }
    }

    private func drawValue(
        of field: EditorField, into canvas: inout Canvas, at rect: Rect, isFocused: Bool,
        theme: Theme
    ) {
        switch field {
        case .name:
            let showsCursor = isFocused && choicePicker == nil && discardDialog == nil
            nameField.draw(into: &canvas, in: rect, theme: theme, isFocused: showsCursor)
        case .options:
            let count = editor.options.count
            var text = CountedNoun.text(count, "option")
            if let value = editor.options.first(where: \.defaultValue)?.value {
                text += ", default: " + value
            } else if count > 0 {
                text += ", no default"
            }
            canvas.write(TerminalText(text).truncated(toWidth: rect.width), x: rect.x, y: rect.y,
                         style: theme.normal)
        case .inputMode, .hostProfile, .schedule:
            let (labels, current) = choices(for: field)
            let label = current.map { labels[$0] } ?? currentRawValue(of: field)
            var isLocked = false
            if case .schedule = field { isLocked = !editor.isScheduleEditable }
            if isLocked {
                canvas.write(
                    TerminalText("  " + label), x: rect.x, y: rect.y, style: theme.secondary)
            } else if isFocused {
                let arrows = theme.choiceArrows
                canvas.write(TerminalText("\(arrows.left) \(label) \(arrows.right)"),
                             x: rect.x, y: rect.y, style: theme.selection)
            } else {
                canvas.write(TerminalText("  " + label), x: rect.x, y: rect.y, style: theme.normal)
            }
        }
    }

    /// The value as Webex sent it, for one the form does not offer (a newer Webex's value).
    private func currentRawValue(of field: EditorField) -> String {
        switch field {
        case .inputMode: editor.inputMode.label
        case .hostProfile: editor.hostProfileCode.label
        case .schedule(let service): editor.scheduleType(for: service).label
        case .name, .options: ""
        }
    }

    private func drawOption(
        _ index: Int, into canvas: inout Canvas, x: Int, y: Int, width: Int, theme: Theme
    ) {
        let option = editor.options[index]
        let isSelected = focus == .options && index == optionScroll.selection
        let rowStyle = isSelected ? theme.selection : theme.normal
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: rowStyle)

        let messages = editor.messages(for: .option(index: index))
        if let first = messages.first {
            canvas.write(
                first.blocksSaving ? theme.ruleGlyph : theme.advisoryGlyph, x: x, y: y,
                style: isSelected ? rowStyle
                    : (first.blocksSaving ? theme.ruleMessage : theme.advisoryMessage))
        }
        let digits = String(editor.options.count).count
        let number = String(index + 1)
        let prefix = String(repeating: " ", count: max(0, digits - number.count)) + number
        var column = canvas.write(TerminalText(prefix), x: x + 2, y: y, style: rowStyle) + 1
        let mark = option.defaultValue ? theme.glyphs.mark : " "
        column = canvas.write(TerminalText(mark), x: column, y: y, style: rowStyle) + 1
        let valueRect = Rect(x: column, y: y, width: max(0, x + width - column), height: 1)

        if var edit = optionEdit, edit.index == index {
            let showsCursor = choicePicker == nil && discardDialog == nil
            edit.field.draw(into: &canvas, in: valueRect, theme: theme, isFocused: showsCursor)
            optionEdit = edit
        } else {
            canvas.write(
                TerminalText(option.value).truncated(
                    toWidth: valueRect.width, ellipsis: theme.glyphs.ellipsis),
                x: valueRect.x, y: y, style: rowStyle)
        }
    }

    // MARK: - Summary and hints

    /// The summary above the key hints, one row of parts each: a message (see `message`)
    /// wrapped over as many rows as it needs (see `FormMessage`), else the counts on one row.
    private func summaryRows(width: Int, formHeight: Int, theme: Theme)
        -> [[(text: TerminalText, style: Style)]]
    {
        if let message = message(theme: theme) {
            return FormMessage.lines(
                message.text, width: width, formHeight: formHeight, theme: theme
            ).map { [($0, message.style)] }
        }
        return [counts(theme: theme).map { (TerminalText($0.0), $0.1) }]
    }

    /// A notice, the save in flight, or why the site cannot be saved to: nil when none applies.
    private func message(theme: Theme) -> (text: String, style: Style)? {
        if let notice { return (notice, theme.advisoryMessage) }
        if editor.isBusy { return ("Saving… (Esc cancels)", theme.normal) }
        if let reason = editor.readOnlyReason {
            return ("Read-only, cannot save: " + reason, theme.advisoryMessage)
        }
        return nil
    }

    /// The problems that stop a save (else whether there is anything to save) and the warnings.
    private func counts(theme: Theme) -> [(String, Style)] {
        let problems = editor.violations.count
        let warnings = editor.advisories.count
        var parts: [(String, Style)] = []
        if problems > 0 {
            let text = problems == 1 ? "1 problem — fix it to save"
                : "\(problems) problems — fix them to save"
            parts.append((theme.ruleGlyph + " " + text, theme.ruleMessage))
        } else if hasUnsavedChanges {
            parts.append(("Ready to save: Ctrl-S", theme.normal))
        } else if let saved = editor.lastSaved {
            parts.append(("Saved '\(saved.name)' (id \(saved.id)).", theme.normal))
        } else {
            parts.append(("No changes.", theme.secondary))
        }
        if warnings > 0 {
            let text = warnings == 1 ? "1 warning" : "\(warnings) warnings"
            parts.append(("   \(theme.advisoryGlyph) \(text)", theme.advisoryMessage))
        }
        return parts
    }

    private var hints: String {
        if optionEdit != nil { return "Enter done · Esc undo this edit · Ctrl-S save" }
        switch focus {
        case .name:
            return "Type the name · ↓/Tab next field · Ctrl-S save · Esc back"
        case .options:
            return "a add · Enter edit · x delete · J/K move · Space default · Ctrl-S save"
        case .inputMode, .hostProfile, .schedule:
            return "←/→ change · Enter list · ↑/↓ fields · Ctrl-S save · Esc back"
        }
    }
}
