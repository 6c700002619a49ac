/// Keys that trigger one action, with the line the help screen shows for them.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String

    public init(_ keys: [Key], _ action: Action, help: String) {
        self.keys = keys
        self.action = action
        self.help = help
    }

    /// The keys as the help screen lists them: "j / Down".
    public var keyLabel: String {
        keys.map(\.label).joined(separator: " / ")
    }
}
