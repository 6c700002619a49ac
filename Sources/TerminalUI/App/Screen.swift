/// A full screen of the app: draws itself and reacts to events. The app shell owns the
/// root screen; a screen may hold others (dialogs, panes) and forward to them.
///
/// `render` may update view bookkeeping such as scroll positions (widgets learn their
/// viewport size when drawn), hence `mutating`; it must not change what the screen shows
/// data-wise, or start work.
@MainActor
public protocol Screen {
    /// What the screen's effects deliver back (API results and the like).
    associatedtype Message: Sendable = Never

    /// The key maps the `?` help lists, most specific first.
    var keyMaps: [KeyMap] { get }

    /// Whether the shell should send `tick()` about ten times a second (spinners). Ticks
    /// stop while this is false, so an idle app sends nothing over the wire.
    var wantsTicks: Bool { get }

    mutating func render(into canvas: inout Canvas, theme: Theme)
    mutating func handle(key: Key) -> ScreenOutcome<Message>
    mutating func handle(message: Message) -> ScreenOutcome<Message>
    mutating func tick() -> ScreenOutcome<Message>

    /// Ctrl-C, `q` (unhandled) and SIGINT ask this first. Return `.quit` to end, or `.handled`
    /// after showing a confirmation: a second request in a row then quits regardless, so the
    /// user can always get out.
    ///
    /// - Parameter key: the key that asked, for the confirmation to name (`.ctrl("c")` for
    ///   SIGINT too).
    mutating func handleQuitRequest(by key: Key) -> ScreenOutcome<Message>
}

extension Screen {
    public var keyMaps: [KeyMap] { [] }
    public var wantsTicks: Bool { false }

    public mutating func tick() -> ScreenOutcome<Message> { .ignored }
    public mutating func handleQuitRequest(by key: Key) -> ScreenOutcome<Message> { .quit }
}

extension Screen where Message == Never {
    public mutating func handle(message: Never) -> ScreenOutcome<Never> {}
}
