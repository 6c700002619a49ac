/// The question a quit asks while an open form holds unsaved input: `y`, or the key that
/// asked (`q` or Ctrl-C) pressed again, quits; Esc or Enter goes back to the form.
struct QuitConfirmation {
    /// The key that asked to quit; pressing it again quits.
    let key: Key
    private(set) var dialog: Dialog

    init(key: Key) {
        self.key = key
        dialog = .confirmation(
            title: "Unsaved changes",
            message: "Quit and discard the open form's unsaved changes? Nothing of them has "
                + "been saved.\ny or \(key.label) again quits; Esc goes back to the form "
                + "(Ctrl-S saves it).",
            confirmTitle: "Quit", confirmKey: "y")
    }

    /// What a key did: true to quit, false to go back to the form, nil to keep asking.
    mutating func handle(_ key: Key) -> Bool? {
        if key == self.key { return true }
        guard case .chose(let id) = dialog.handle(key) else { return nil }
        return id == "confirm"
    }

    func draw(into canvas: inout Canvas, in area: Rect, theme: Theme) {
        dialog.draw(into: &canvas, in: area, theme: theme)
    }
}
