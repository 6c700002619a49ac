import TrackingCodesCore
import WebexAPI

/// What a key did to the delete confirmation.
enum DeleteConfirmationOutcome {
    case confirmed
    case cancelled
    case handled
}

/// The one dialog before a delete: how many codes and which, scrolling when the list is long.
///
/// Only `y` deletes; Enter presses the focused button, which starts on Cancel, and Esc
/// cancels, so a stray key never deletes anything.
struct DeleteConfirmation {
    let codes: [TrackingCode]
    let siteUrl: String
    /// Marked codes the filter hides: named in the list, and counted here so nobody is surprised.
    let hiddenCount: Int
    private var buttons: Dialog
    private var scroll: ScrollState

    init(codes: [TrackingCode], siteUrl: String, hiddenCount: Int) {
        self.codes = codes
        self.siteUrl = siteUrl
        self.hiddenCount = hiddenCount
        let noun = CountedNoun.noun("code", count: codes.count)
        buttons = Dialog.confirmation(
            title: "Delete \(codes.count) tracking \(noun)?", message: "",
            confirmTitle: "Delete \(codes.count)", confirmKey: "y")
        scroll = ScrollState(count: codes.count)
    }

    var title: String { buttons.title }

    mutating func handle(_ key: Key) -> DeleteConfirmationOutcome {
        if let action = KeyMap.listNavigation.action(for: key) {
            _ = scroll.perform(action)
            return .handled
        }
        switch buttons.handle(key) {
        case .chose("confirm"): return .confirmed
        case .chose: return .cancelled
        case .moved, .ignored: return .handled
        }
    }

    private var headerLines: [String] {
        var lines = ["These codes will be deleted from \(siteUrl):"]
        if hiddenCount > 0 {
            lines.append("(\(hiddenCount) of them are hidden by the filter.)")
        }
        return lines
    }

    private var footerLines: [String] {
        // Webex drops every user's value for a deleted code, and has no call that lists users,
        // so undo can bring the codes back but not those values: say so before, not after.
        ["Users' values for these codes are erased by Webex and do not come back. "
            + "z brings the codes back afterwards, with new ids."]
    }

    mutating func draw(into canvas: inout Canvas, in area: Rect, theme: Theme) {
        let width = min(72, max(0, area.width - 2))
        let textWidth = max(1, width - 4)
        let header = headerLines.flatMap { TerminalText($0).wrapped(toWidth: textWidth) }
        let footer = footerLines.flatMap { TerminalText($0).wrapped(toWidth: textWidth) }
        // Frame, blank, header, list, blank, footer, blank, buttons, frame.
        let fixed = header.count + footer.count + 6
        let listHeight = max(1, min(codes.count, area.height - 2 - fixed))
        let box = area.centered(width: width, height: fixed + listHeight)
        guard !box.isEmpty else { return }
        canvas.clearCutWords(beside: box, glyphs: theme.glyphs)

        canvas.withClip(box) { canvas in
            canvas.fill(box, style: theme.dialog)
            canvas.drawBox(box, style: theme.borderFocused, glyphs: theme.glyphs,
                           title: TerminalText(title), titleStyle: theme.dialogTitle)
            let inner = box.inset(dx: 2, dy: 1)
            var y = inner.y + 1
            for line in header {
                canvas.write(line, x: inner.x, y: y, style: theme.dialog)
                y += 1
            }

            scroll.setViewportHeight(listHeight)
            for index in scroll.visibleRange {
                let code = codes[index]
                let text = TerminalText("  " + code.name + "  (id \(code.id))")
                let style = index == scroll.selection && codes.count > listHeight
                    ? theme.selectionInactive : theme.dialog
                canvas.write(text.truncated(toWidth: inner.width, ellipsis: theme.glyphs.ellipsis),
                             x: inner.x, y: y, style: style)
                y += 1
            }
            y = inner.y + 1 + header.count + listHeight
            if codes.count > listHeight {
                let position = TerminalText(" \(scroll.positionLabel) j/k scroll ")
                canvas.write(position, x: box.maxX - 2 - position.width, y: y - 1,
                             style: theme.secondary)
            }
            y += 1
            for line in footer {
                canvas.write(line, x: inner.x, y: y, style: theme.secondary)
                y += 1
            }
        }
        let buttonRow = Rect(x: box.x + 2, y: box.maxY - 2, width: box.width - 4, height: 1)
        drawButtons(into: &canvas, in: buttonRow, theme: theme)
    }

    private func drawButtons(into canvas: inout Canvas, in row: Rect, theme: Theme) {
        let labels = buttons.buttons.map { TerminalText($0.label) }
        let total = labels.reduce(0) { $0 + $1.width } + 2 * max(0, labels.count - 1)
        var x = row.x + max(0, (row.width - total) / 2)
        canvas.withClip(row) { canvas in
            for (index, label) in labels.enumerated() {
                let button = buttons.buttons[index]
                let style = index == buttons.focusedButton ? theme.buttonFocused
                    : button.isDestructive ? theme.buttonDestructive : theme.button
                x = canvas.write(label, x: x, y: row.y, style: style) + 2
            }
        }
    }
}
