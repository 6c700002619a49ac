/// A button of a `Dialog`.
public struct DialogButton: Hashable, Sendable {
    /// What pressing the button means; Esc picks the `.cancel` button.
    public enum Role: Hashable, Sendable {
        case confirm
        case cancel
        case normal
    }

    /// Returned in `DialogOutcome.chose` when the button is pressed.
    public var id: String
    public var title: String
    /// A key that presses the button from anywhere in the dialog, shown as "(y)".
    public var key: Character?
    public var role: Role
    /// Drawn in the destructive style (deleting, discarding).
    public var isDestructive: Bool

    public init(
        id: String, title: String, key: Character? = nil, role: Role = .normal,
        isDestructive: Bool = false
    ) {
        self.id = id
        self.title = title
        self.key = key
        self.role = role
        self.isDestructive = isDestructive
    }

    /// "[ Delete (y) ]", or "[ Cancel (Esc) ]" for a cancel button without its own key.
    var label: String {
        if let key {
            return "[ \(title) (\(key)) ]"
        }
        return role == .cancel ? "[ \(title) (Esc) ]" : "[ \(title) ]"
    }
}
