/// The terminal as the app sees it: a size, a stream of input events, and a way to show a
/// frame. `CursesDriver` is the real one; `TextDriver` keeps the screen in memory for tests.
public protocol TerminalDriver: AnyObject, Sendable {
    /// The current size; updated before the matching `.resize` event is delivered.
    var size: TerminalSize { get }
    var capabilities: TerminalCapabilities { get }
    /// Keys, resizes and termination requests, in order. Finishes after `shutdown()`.
    var events: AsyncStream<TerminalEvent> { get }
    /// Shows a frame. Returns at once; a driver may skip a frame that a newer one replaces
    /// before it was written (that is how fast key repeat stays cheap over SSH).
    func present(_ canvas: Canvas)
    /// Restores the terminal and ends the event stream. Safe to call more than once.
    func shutdown()
}
