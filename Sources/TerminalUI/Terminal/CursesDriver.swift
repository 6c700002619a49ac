import CNcursesw
import Foundation

/// The real terminal, through ncursesw. Every curses call happens on one dedicated thread,
/// which also waits for input, so the async runtime is never blocked by the terminal.
///
/// - Input: the thread polls the input descriptor and a wake pipe; keys are decoded from
///   `wget_wch` and delivered on `events`. Esc is reported after `escapeDelay` (25 ms);
///   Esc with another key read at once is one Alt-key (`Key.alt`), never Esc and that key.
///   The terminal is in raw mode, so Ctrl-C arrives as a key (`.ctrl("c")`), not a signal.
/// - Output: `present` hands the frame over and returns; the thread writes only the cells
///   that changed since the last frame and lets curses send the smallest update it can
///   (`idlok` lets it scroll lines instead of repainting them). A frame replaced before the
///   thread got to it is skipped.
/// - Signals: SIGWINCH, SIGINT, SIGTERM, SIGHUP and SIGTSTP are turned into events on the
///   curses thread; a second SIGINT, SIGTERM or SIGHUP before the app has quit restores the
///   terminal and exits. Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP)
///   and `exit()` restore the tty modes and leave the alternate screen before the process
///   dies. A stack overflow crash may not be caught (no alternate signal stack is set up).
/// - Colours: used when the terminal has at least 8 and `NO_COLOR` is unset or empty; the
///   terminal's own default colours are kept when it supports `use_default_colors`.
public final class CursesDriver: TerminalDriver, Sendable {
    /// How to start the driver. The defaults drive the process's own terminal.
    public struct Options: Sendable {
        /// The terminfo name; nil takes `TERM` from the environment.
        public var terminalType: String?
        public var inputDescriptor: Int32
        public var outputDescriptor: Int32
        /// How long curses waits after Esc for the rest of an escape sequence.
        public var escapeDelayMilliseconds: Int32
        /// Read for `NO_COLOR`.
        public var environment: [String: String]
        /// Off in tests that run curses against files: they must not take the process's
        /// signals.
        public var installsSignalHandlers: Bool
        /// A size to use instead of asking the terminal (for output going to a file).
        public var fixedSize: TerminalSize?

        public init(
            terminalType: String? = nil,
            inputDescriptor: Int32 = STDIN_FILENO,
            outputDescriptor: Int32 = STDOUT_FILENO,
            escapeDelayMilliseconds: Int32 = 25,
            environment: [String: String] = ProcessInfo.processInfo.environment,
            installsSignalHandlers: Bool = true,
            fixedSize: TerminalSize? = nil
        ) {
            self.terminalType = terminalType
            self.inputDescriptor = inputDescriptor
            self.outputDescriptor = outputDescriptor
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.environment = environment
            self.installsSignalHandlers = installsSignalHandlers
            self.fixedSize = fixedSize
        }
    }

    /// What the caller's thread and the curses thread share.
    struct Shared {
        var size = TerminalSize(columns: 0, rows: 0)
        var pendingFrame: Canvas?
        var requestedFrames = 0
        var writtenFrames = 0
        var isStopped = false
        var startResult: Result<TerminalCapabilities, CursesDriverError>?
    }

    public let capabilities: TerminalCapabilities
    public let events: AsyncStream<TerminalEvent>
    private let shared: Locked<Shared>
    private let wakeDescriptor: Int32

    /// Starts curses on its own thread and waits until the terminal is set up.
    public init(options: Options = Options()) throws {
        var pipeDescriptors: [Int32] = [-1, -1]
        guard pipe(&pipeDescriptors) == 0 else {
            throw CursesDriverError.systemCallFailed("pipe", errno: errno)
        }
        for descriptor in pipeDescriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        let (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
        let shared = Locked(Shared())
        let wakeRead = pipeDescriptors[0]
        let wakeWrite = pipeDescriptors[1]

        let thread = Thread {
            CursesSession.run(
                options: options, wakeRead: wakeRead, wakeWrite: wakeWrite, shared: shared,
                continuation: continuation)
        }
        thread.name = "curses"
        thread.start()
        shared.wait { $0.startResult != nil }

        switch shared.current.startResult {
        case .success(let capabilities):
            self.capabilities = capabilities
        case .failure(let error):
            close(wakeRead)
            close(wakeWrite)
            throw error
        case nil:
            // wait(until:) above returns only once startResult is set.
            preconditionFailure("curses thread reported no start result")
        }
        self.events = events
        self.shared = shared
        self.wakeDescriptor = wakeWrite
    }

    public var size: TerminalSize { shared.current.size }

    public func present(_ canvas: Canvas) {
        let isStopped = shared.withLock { state -> Bool in
            state.pendingFrame = canvas
            state.requestedFrames += 1
            return state.isStopped
        }
        if !isStopped {
            wake(CursesSession.frameByte)
        }
    }

    /// Blocks until every frame presented so far has been written (or skipped for a newer
    /// one). Tests use it to measure what a frame cost.
    func waitUntilPresented() {
        shared.wait { $0.writtenFrames >= $0.requestedFrames || $0.isStopped }
    }

    public func shutdown() {
        guard !shared.current.isStopped else { return }
        wake(CursesSession.stopByte)
        shared.wait { $0.isStopped }
    }

    private func wake(_ byte: UInt8) {
        var value = byte
        _ = write(wakeDescriptor, &value, 1)
    }

    deinit {
        shutdown()
        close(wakeDescriptor)
    }
}
