/// What a key did to a dialog.
public enum DialogOutcome: Hashable, Sendable {
    /// A button was pressed; carries its id.
    case chose(String)
    /// Focus moved to another button.
    case moved
    case ignored
}

/// A modal dialog: a framed box in the middle of the screen with a title, a message and a
/// row of buttons.
///
/// Keys: a button's own key presses it; Enter presses the focused button; Esc presses the
/// cancel button; Tab/Shift-Tab, Left/Right and h/l move the focus. Confirmation dialogs
/// start with the focus on Cancel and give Confirm a distinct key, so a stray Enter never
/// deletes anything.
public struct Dialog: Sendable {
    public var title: String
    /// Wrapped to the dialog's width; newlines start new paragraphs.
    public var message: String
    public var buttons: [DialogButton]
    public private(set) var focusedButton: Int

    /// Creates a dialog; the focus starts on `focusedButton`, or on the cancel button.
    public init(title: String, message: String, buttons: [DialogButton], focusedButton: Int? = nil)
    {
        self.title = title
        self.message = message
        self.buttons = buttons
        let cancel = buttons.firstIndex { $0.role == .cancel } ?? 0
        self.focusedButton = min(max(0, focusedButton ?? cancel), max(0, buttons.count - 1))
    }

    /// A yes/no question whose confirm button needs its own key (`confirmKey`); Enter alone
    /// cancels. The button ids are "confirm" and "cancel".
    public static func confirmation(
        title: String,
        message: String,
        confirmTitle: String,
        confirmKey: Character = "y",
        cancelTitle: String = "Cancel",
        isDestructive: Bool = true
    ) -> Dialog {
        Dialog(title: title, message: message, buttons: [
            DialogButton(id: "cancel", title: cancelTitle, key: nil, role: .cancel),
            DialogButton(
                id: "confirm", title: confirmTitle, key: confirmKey, role: .confirm,
                isDestructive: isDestructive),
        ])
    }

    public mutating func handle(_ key: Key) -> DialogOutcome {
        guard !buttons.isEmpty else { return .ignored }
        switch key {
        case .char(let character) where buttons.contains(where: { $0.key == character }):
            return buttons.first { $0.key == character }.map { .chose($0.id) } ?? .ignored
        case .enter:
            return .chose(buttons[focusedButton].id)
        case .escape:
            return buttons.first { $0.role == .cancel }.map { .chose($0.id) } ?? .ignored
        case .tab, .right, .char("l"):
            focusedButton = (focusedButton + 1) % buttons.count
            return .moved
        case .backTab, .left, .char("h"):
            focusedButton = (focusedButton + buttons.count - 1) % buttons.count
            return .moved
        default:
            return .ignored
        }
    }

    /// The widest a dialog grows, so long messages wrap into a readable block.
    static let maximumWidth = 64

    /// Draws the dialog centred in `area` (normally the whole screen).
    public func draw(into canvas: inout Canvas, in area: Rect, theme: Theme) {
        let labels = buttons.map { TerminalText($0.label) }
        let buttonsWidth = labels.reduce(0) { $0 + $1.width } + 2 * max(0, labels.count - 1)
        let paragraphs = TerminalText.lines(message)
        let widest = max(
            TerminalText(title).width + 6, buttonsWidth + 4,
            paragraphs.map(\.width).max().map { $0 + 4 } ?? 0)
        let width = min(widest, Self.maximumWidth, area.width)
        let lines = paragraphs.flatMap { $0.wrapped(toWidth: max(1, width - 4)) }
        // Frame, blank, message, blank, buttons, frame.
        let box = area.centered(width: width, height: lines.count + 5)
        guard !box.isEmpty else { return }
        canvas.clearCutWords(beside: box, glyphs: theme.glyphs)

        canvas.withClip(box) { canvas in
            canvas.fill(box, style: theme.dialog)
            canvas.drawBox(
                box, style: theme.border, glyphs: theme.glyphs, title: TerminalText(title),
                titleStyle: theme.dialogTitle)

            let inner = box.inset(dx: 2, dy: 1)
            let (messageRect, buttonRow) = inner.splitBottom(1)
            // A message taller than the screen is cut, its last shown line ending in "…".
            let available = max(0, messageRect.height - 2)
            let ellipsis = theme.glyphs.ellipsis
            for (index, line) in lines.prefix(available).enumerated() {
                let isCut = index == available - 1 && lines.count > available
                let shown = isCut ? line.prefix(fitting: inner.width - ellipsis.width) + ellipsis
                    : line
                canvas.write(shown, x: inner.x, y: messageRect.y + 1 + index, style: theme.dialog)
            }

            var x = buttonRow.x + max(0, (buttonRow.width - buttonsWidth) / 2)
            for (index, label) in labels.enumerated() {
                let style: Style
                if index == focusedButton {
                    style = theme.buttonFocused
                } else if buttons[index].isDestructive {
                    style = theme.buttonDestructive
                } else {
                    style = theme.button
                }
                x = canvas.write(label, x: x, y: buttonRow.y, style: style) + 2
            }
        }
    }
}
