/// The app loop: owns the terminal driver and the root screen, turns keys, resizes, ticks
/// and effect results into calls on the screen, and renders after each event.
///
/// Handled here, so no screen has to:
/// - Ctrl-C (and SIGINT) asks the screen's `handleQuitRequest`; a second request in a row
///   quits regardless. SIGTERM and SIGHUP quit at once.
/// - Keys the screen ignores: `?` or F1 opens the help overlay built from the screen's key
///   maps, `q` asks to quit.
/// - Below `minimumSize` the screen is not drawn and gets no keys; a notice asks for a
///   bigger window (`q` and Ctrl-C still quit).
@MainActor
public final class AppShell<Root: Screen> {
    /// The smallest terminal the screens are drawn in. 60 columns fit a dialog with its
    /// frame and the name, type and value columns of a code list; 16 rows leave a dozen list
    /// rows under a title and header, above a status bar. Anything smaller gets a notice.
    public static var defaultMinimumSize: TerminalSize { TerminalSize(columns: 60, rows: 16) }

    public private(set) var root: Root
    public let driver: any TerminalDriver
    public var theme: Theme
    public var minimumSize: TerminalSize
    public private(set) var hasQuit = false
    /// The signal that ended the loop, or nil when the user quit (or the input ended): what
    /// the program's exit status reports after the terminal is restored.
    public private(set) var terminationReason: TerminationReason?
    /// Effects started whose message has not been handled yet.
    public private(set) var effectsInFlight = 0
    /// How many ticks were delivered: what spinners animate from.
    public private(set) var tickCount = 0

    private var help: HelpOverlay?
    private var quitPending = false
    private let tickInterval: Duration
    private let clock: any Clock<Duration>
    private let loop: AsyncStream<LoopEvent>
    private let loopInput: AsyncStream<LoopEvent>.Continuation
    private var isRunning = false
    private var tickTask: Task<Void, Never>?
    private var isRedrawQueued = false

    private enum LoopEvent: Sendable {
        case app(AppEvent<Root.Message>)
        case redraw
        case driverFinished
    }

    /// - Parameters:
    ///   - theme: nil picks one from the driver's capabilities (`Theme.automatic`).
    ///   - clock: paces the ticks; inject one in tests that run the loop with ticks.
    public init(
        driver: any TerminalDriver,
        root: Root,
        theme: Theme? = nil,
        minimumSize: TerminalSize = AppShell.defaultMinimumSize,
        tickInterval: Duration = .milliseconds(100),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.driver = driver
        self.root = root
        self.theme = theme ?? .automatic(for: driver.capabilities)
        self.minimumSize = minimumSize
        self.tickInterval = tickInterval
        self.clock = clock
        (loop, loopInput) = AsyncStream.makeStream(of: LoopEvent.self)
    }

    public var isHelpVisible: Bool { help != nil }

    /// True when nothing is pending: no effect is running or waiting to be handled.
    public var isIdle: Bool { effectsInFlight == 0 }

    /// Runs until the screen quits or the driver's events end (and effects have finished),
    /// then shuts the driver down, restoring the terminal.
    public func run() async {
        isRunning = true
        render()
        updateTicker()
        let forwarding = Task { [driver, loopInput] in
            for await event in driver.events {
                loopInput.yield(.app(AppEvent(event)))
            }
            loopInput.yield(.driverFinished)
        }

        var driverFinished = false
        for await event in loop {
            switch event {
            case .app(let appEvent):
                send(appEvent)
            case .redraw:
                isRedrawQueued = false
                if !hasQuit {
                    render()
                    updateTicker()
                }
            case .driverFinished:
                driverFinished = true
            }
            if hasQuit || (driverFinished && effectsInFlight == 0) {
                break
            }
        }

        isRunning = false
        tickTask?.cancel()
        tickTask = nil
        forwarding.cancel()
        driver.shutdown()
    }

    /// Asks the running loop to draw again soon: for state that changed outside an event, such
    /// as a view model whose request finished. Calls before the redraw happens fold into one.
    public func requestRedraw() {
        guard isRunning, !isRedrawQueued else { return }
        isRedrawQueued = true
        loopInput.yield(.redraw)
    }

    /// Handles one event and renders: what `run` does for each event. Tests call it to step
    /// the app without a loop.
    public func send(_ event: AppEvent<Root.Message>) {
        guard !hasQuit else { return }
        switch event {
        case .key(let key):
            handle(key)
        case .resize:
            // The next render reads the new size from the driver.
            break
        case .terminate(.interrupt):
            requestQuit(by: .ctrl("c"))
            if hasQuit { terminationReason = .interrupt }
        case .terminate(let reason):
            hasQuit = true
            terminationReason = reason
        case .tick:
            tickCount += 1
            apply(root.tick())
        case .message(let message):
            effectsInFlight = max(0, effectsInFlight - 1)
            apply(root.handle(message: message))
        }
        guard !hasQuit else { return }
        render()
        updateTicker()
    }

    /// Draws the root screen (or the too-small notice) and the help overlay, and presents it.
    public func render() {
        let size = driver.size
        var canvas = Canvas(size: size, style: theme.normal)
        canvas.placeholderAttributes = theme.placeholderAttributes

        if size.fits(minimumSize) {
            root.render(into: &canvas, theme: theme)
            if help != nil {
                help?.draw(into: &canvas, in: canvas.bounds, theme: theme)
                canvas.cursor = nil
            }
        } else {
            TooSmallNotice(minimum: minimumSize).draw(into: &canvas, theme: theme)
        }
        driver.present(canvas)
    }

    // MARK: - Keys

    private func handle(_ key: Key) {
        let isRepeatedQuit = quitPending
        quitPending = false

        if key == .ctrl("c") {
            requestQuit(by: key, force: isRepeatedQuit)
            return
        }
        if help != nil {
            if help?.handle(key) == .closed {
                help = nil
            }
            return
        }
        guard driver.size.fits(minimumSize) else {
            if key == .char("q") {
                requestQuit(by: key, force: isRepeatedQuit)
            }
            return
        }

        let outcome = root.handle(key: key)
        guard case .ignored = outcome else {
            apply(outcome)
            return
        }
        switch KeyMap.global.action(for: key) {
        case .help?:
            help = HelpOverlay(keyMaps: root.keyMaps + [KeyMap.global])
        case .quit?:
            requestQuit(by: key, force: isRepeatedQuit)
        default:
            break
        }
    }

    private func requestQuit(by key: Key, force: Bool = false) {
        if force || quitPending {
            hasQuit = true
            return
        }
        let outcome = root.handleQuitRequest(by: key)
        if case .quit = outcome {
            hasQuit = true
            return
        }
        apply(outcome)
        quitPending = true
    }

    // MARK: - Effects and ticks

    private func apply(_ outcome: ScreenOutcome<Root.Message>) {
        switch outcome {
        case .ignored, .handled:
            break
        case .quit:
            hasQuit = true
        case .perform(let effect):
            for operation in effect.operations {
                effectsInFlight += 1
                Task { [loopInput] in
                    loopInput.yield(.app(.message(await operation())))
                }
            }
        }
    }

    private func updateTicker() {
        let wanted = isRunning && root.wantsTicks && !hasQuit
        if wanted, tickTask == nil {
            tickTask = Task { [clock, tickInterval, loopInput] in
                while !Task.isCancelled {
                    do {
                        try await clock.sleep(for: tickInterval)
                    } catch {
                        return
                    }
                    loopInput.yield(.app(.tick))
                }
            }
        } else if !wanted, let task = tickTask {
            task.cancel()
            tickTask = nil
        }
    }
}
