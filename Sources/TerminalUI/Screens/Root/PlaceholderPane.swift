import TrackingCodesCore

/// Stands in for the code editor and the user pane until their real views land: says what
/// it would show, and Esc goes back.
@MainActor
final class PlaceholderPane: PaneView {
    let title: String
    private let message: String

    init(title: String, message: String) {
        self.title = title
        self.message = message
    }

    var keyMaps: [KeyMap] {
        [KeyMap(title: title, bindings: [KeyBinding([.escape], .back, help: "Back to the list")])]
    }
    var statusText: String? { nil }
    var isEditingText: Bool { false }

    func render(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        canvas.fill(rect, style: theme.normal)
        for (index, line) in TerminalText.lines(message + "\nEsc goes back.").enumerated() {
            canvas.write(line, x: rect.x + 2, y: rect.y + 1 + index, style: theme.normal)
        }
    }

    func handle(key: Key) -> PaneOutcome {
        key == .escape ? .close : .ignored
    }
}

/// Builds the panes the root screen opens.
@MainActor
enum Panes {
    static func editor(_ editor: TrackingCodeEditor) -> any PaneView {
        PlaceholderPane(title: editor.isCreating ? "New code" : "Edit code",
                        message: "The code editor is not in this build yet.")
    }

    static func userCodes(_ pane: UserCodesPane) -> any PaneView {
        PlaceholderPane(title: "User's codes", message: "The user pane is not in this build yet.")
    }
}
