import TrackingCodesCore

/// What a pane tells the root screen after it has seen a key.
public enum PaneOutcome: Equatable, Sendable {
    /// Not a key this pane uses; the root may apply its global meaning (`?` help, `q` quit).
    case ignored
    /// Used; redraw.
    case handled
    /// The pane is done (saved, or left with Esc); the root returns to the view it came from.
    case close
}

/// A full-window part of the terminal UI that the root screen shows and sends keys to: the code
/// editor (`CodeEditorView`) and the user pane (`UserCodesView`).
///
/// A pane wraps one Core model. It starts the model's async intents itself (`Task { await
/// model.save() }`); the model reports through `session.onChange`, and the root redraws on its
/// next event or tick. While a text field has focus, the pane must claim every printable key
/// (so `q` or `?` typed into a name is text, not a command).
@MainActor
public protocol PaneView: AnyObject {
    /// Shown in the pane's frame and in the history of views.
    var title: String { get }
    /// The pane's bindings, for the `?` help overlay.
    var keyMaps: [KeyMap] { get }
    /// A short text for the status bar, e.g. "2 problems" or "saving…"; nil for none.
    var statusText: String? { get }
    /// True while the pane has a text field focused and wants raw keys.
    var isEditingText: Bool { get }

    func render(into canvas: inout Canvas, in rect: Rect, theme: Theme)
    func handle(key: Key) -> PaneOutcome
}
