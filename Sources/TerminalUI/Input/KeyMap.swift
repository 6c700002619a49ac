/// The key bindings of one context (a screen, a pane, the whole app). Looking a key up
/// finds the first binding that lists it; the `?` help screen lists the bindings in order.
public struct KeyMap: Hashable, Sendable {
    /// The section title on the help screen, such as "Moving around".
    public var title: String
    public var bindings: [KeyBinding]

    public init(title: String, bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The first binding for `action`, for hints like "press / to filter".
    public func binding(for action: Action) -> KeyBinding? {
        bindings.first { $0.action == action }
    }

    /// Moving through lists and tables: vim keys and the usual keys.
    public static let listNavigation = KeyMap(title: "Moving around", bindings: [
        KeyBinding([.char("k"), .up], .moveUp, help: "Previous row"),
        KeyBinding([.char("j"), .down], .moveDown, help: "Next row"),
        KeyBinding([.ctrl("u")], .halfPageUp, help: "Half a page up"),
        KeyBinding([.ctrl("d")], .halfPageDown, help: "Half a page down"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: "Page up"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, help: "Page down"),
        KeyBinding([.char("g"), .home], .top, help: "First row"),
        KeyBinding([.char("G"), .end], .bottom, help: "Last row"),
    ])

    /// Keys that work everywhere in the app.
    public static let global = KeyMap(title: "Everywhere", bindings: [
        KeyBinding([.tab], .nextPane, help: "Next pane"),
        KeyBinding([.backTab], .previousPane, help: "Previous pane"),
        KeyBinding([.escape], .back, help: "Back, close, cancel"),
        KeyBinding([.char("/")], .filter, help: "Filter"),
        KeyBinding([.char("?"), .function(1)], .help, help: "Show or hide this help"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, help: "Quit"),
    ])
}
