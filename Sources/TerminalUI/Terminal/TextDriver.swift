/// An in-memory terminal for tests: it keeps the last presented frame, reports a size you
/// choose, and delivers the keys and resizes you feed it.
public final class TextDriver: TerminalDriver, Sendable {
    private struct State {
        var size: TerminalSize
        var screen: Canvas
        var presentCount = 0
        var isShutDown = false
    }

    private let state: Locked<State>
    private let continuation: AsyncStream<TerminalEvent>.Continuation
    public let events: AsyncStream<TerminalEvent>
    public let capabilities: TerminalCapabilities

    public init(size: TerminalSize, capabilities: TerminalCapabilities = .standard) {
        self.state = Locked(State(size: size, screen: Canvas(size: size)))
        self.capabilities = capabilities
        (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
    }

    public var size: TerminalSize { state.current.size }

    /// The last frame presented (a blank canvas before the first).
    public var screen: Canvas { state.current.screen }

    /// How many frames have been presented.
    public var presentCount: Int { state.current.presentCount }

    public var isShutDown: Bool { state.current.isShutDown }

    /// The last frame as text: the golden-screen form (see `Canvas.snapshot`).
    public func snapshot() -> String {
        screen.snapshot()
    }

    public func present(_ canvas: Canvas) {
        state.withLock {
            $0.screen = canvas
            $0.presentCount += 1
        }
    }

    /// Delivers keys as if typed.
    public func feed(_ keys: [Key]) {
        for key in keys {
            continuation.yield(.key(key))
        }
    }

    public func feed(_ keys: Key...) {
        feed(keys)
    }

    /// Changes the size and delivers a resize event, as a terminal window resize would.
    public func resize(to newSize: TerminalSize) {
        state.withLock { $0.size = newSize }
        continuation.yield(.resize(newSize))
    }

    /// Delivers a termination request, as a signal would.
    public func terminate(_ reason: TerminationReason) {
        continuation.yield(.terminate(reason))
    }

    /// Ends the event stream after what was fed so far: an app loop reading it then stops.
    public func finish() {
        continuation.finish()
    }

    public func shutdown() {
        state.withLock { $0.isShutDown = true }
        continuation.finish()
    }
}
