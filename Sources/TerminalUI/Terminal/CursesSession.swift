import CNcursesw
import Foundation

/// The curses side of `CursesDriver`: lives on the curses thread and is the only code in the
/// program that calls curses.
final class CursesSession {
    static let frameByte = UInt8(ascii: "F")
    static let stopByte = UInt8(ascii: "S")

    private let options: CursesDriver.Options
    private let wakeRead: Int32
    private let shared: Locked<CursesDriver.Shared>
    private let continuation: AsyncStream<TerminalEvent>.Continuation
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let colorsEnabled: Bool
    private let supportsDefaultColors: Bool

    private var colorPairs: [ColorKey: Int16] = [:]
    /// The last frame written, to skip unchanged cells; nil forces a full repaint.
    private var shown: Canvas?
    private var cursorVisible: Bool?
    private var size: TerminalSize
    private var terminationRequests = 0

    private struct ColorKey: Hashable {
        let foreground: TerminalColor
        let background: TerminalColor
    }

    // MARK: - Start and stop

    /// The body of the curses thread: sets up, reports the outcome, then serves until stopped.
    static func run(
        options: CursesDriver.Options,
        wakeRead: Int32,
        wakeWrite: Int32,
        shared: Locked<CursesDriver.Shared>,
        continuation: AsyncStream<TerminalEvent>.Continuation
    ) {
        let session: CursesSession
        do {
            session = try CursesSession(
                options: options, wakeRead: wakeRead, wakeWrite: wakeWrite, shared: shared,
                continuation: continuation)
        } catch let error as CursesDriverError {
            shared.withLock { $0.startResult = .failure(error) }
            return
        } catch {
            preconditionFailure("CursesSession.init throws only CursesDriverError")
        }
        session.serve()
    }

    private init(
        options: CursesDriver.Options,
        wakeRead: Int32,
        wakeWrite: Int32,
        shared: Locked<CursesDriver.Shared>,
        continuation: AsyncStream<TerminalEvent>.Continuation
    ) throws {
        self.options = options
        self.wakeRead = wakeRead
        self.shared = shared
        self.continuation = continuation

        let isUnicode = tc_setlocale_utf8() != 0
        let terminalName = options.terminalType ?? options.environment["TERM"] ?? "unknown"

        // Our handlers go in before curses starts, so curses leaves these signals to us.
        if options.installsSignalHandlers {
            tc_signals_install(
                wakeWrite, options.inputDescriptor, options.outputDescriptor, nil, 0,
                isatty(options.inputDescriptor) != 0 ? 1 : 0)
            tc_unblock_forwarded_signals()
        }

        // Duplicates, so closing the FILEs at the end leaves stdin and stdout open.
        guard let input = fdopen(dup(options.inputDescriptor), "r"),
            let output = fdopen(dup(options.outputDescriptor), "w")
        else {
            if options.installsSignalHandlers { tc_signals_uninstall() }
            throw CursesDriverError.systemCallFailed("fdopen", errno: errno)
        }
        guard let screen = newterm(options.terminalType, output, input) else {
            fclose(input)
            fclose(output)
            if options.installsSignalHandlers { tc_signals_uninstall() }
            throw CursesDriverError.unknownTerminal(terminalName)
        }
        guard tc_capability("cup") != nil, let window = tc_stdscr() else {
            endwin()
            delscreen(screen)
            fclose(input)
            fclose(output)
            if options.installsSignalHandlers { tc_signals_uninstall() }
            throw CursesDriverError.cannotPositionCursor(terminalName)
        }
        self.screen = screen
        self.window = window
        self.inputFile = input
        self.outputFile = output

        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        idlok(window, true)
        // Finish every frame even while keys are waiting: frames are coalesced before they
        // reach curses, and a half-written frame could otherwise stay on screen.
        typeahead(-1)
        set_escdelay(options.escapeDelayMilliseconds)

        let terminalColors = has_colors() ? Int(tc_terminfo_colors()) : 0
        if TerminalCapabilities.colorsWanted(
            terminalColors: terminalColors, environment: options.environment)
        {
            start_color()
            colorsEnabled = true
            supportsDefaultColors = use_default_colors() == OK
        } else {
            colorsEnabled = false
            supportsDefaultColors = false
        }

        if let fixed = options.fixedSize {
            resizeterm(Int32(fixed.rows), Int32(fixed.columns))
        }
        var rows: Int32 = 0
        var columns: Int32 = 0
        tc_getmaxyx(window, &rows, &columns)
        size = TerminalSize(columns: Int(columns), rows: Int(rows))

        if options.installsSignalHandlers {
            // Leave the alternate screen, show the cursor, plain attributes, keypad off.
            let names: [String] = ["rmcup", "cnorm", "sgr0", "rmkx"]
            let reset = names.compactMap { name -> String? in
                tc_capability(name).map { String(cString: $0) }
            }.joined()
            reset.withCString { tc_signals_set_reset($0, strlen($0)) }
        }

        let capabilities = TerminalCapabilities(
            colorCount: colorsEnabled ? terminalColors : 0,
            supportsDefaultColors: supportsDefaultColors,
            isUnicode: isUnicode,
            terminalName: terminalName)
        let startSize = size
        shared.withLock {
            $0.size = startSize
            $0.startResult = .success(capabilities)
        }
    }

    private func stop() {
        endwin()
        delscreen(screen)
        fclose(inputFile)
        fclose(outputFile)
        if options.installsSignalHandlers {
            tc_signals_uninstall()
        }
        close(wakeRead)
        shared.withLock { $0.isStopped = true }
        continuation.finish()
    }

    // MARK: - The loop

    private func serve() {
        var descriptors = [
            // curses' own duplicate: stays valid whatever the caller does with theirs.
            pollfd(fd: fileno(inputFile), events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if descriptors[1].revents != 0, !handleWakeBytes() {
                break
            }
            let inputEvents = descriptors[0].revents
            if inputEvents & Int16(POLLIN) != 0 {
                readKeys()
            } else if inputEvents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                // The terminal went away: stop listening to it and ask the app to end.
                descriptors[0].fd = -1
                continuation.yield(.terminate(.hangUp))
            }
        }
        stop()
    }

    /// Acts on the bytes in the wake pipe; returns false when asked to stop.
    private func handleWakeBytes() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(wakeRead, &buffer, buffer.count)
        guard count > 0 else { return true }

        for byte in buffer.prefix(count) {
            switch Int32(byte) {
            case Int32(Self.stopByte):
                return false
            case Int32(Self.frameByte):
                flushPendingFrame()
            case Int32(TC_SIGNAL_RESIZE):
                handleResize(askTerminal: true)
            case Int32(TC_SIGNAL_STOP):
                suspend()
            case Int32(TC_SIGNAL_INTERRUPT):
                requestTermination(.interrupt)
            case Int32(TC_SIGNAL_TERMINATE):
                requestTermination(.terminate)
            case Int32(TC_SIGNAL_HANGUP):
                requestTermination(.hangUp)
            default:
                break
            }
        }
        return true
    }

    /// The first request goes to the app, which quits cleanly. A second one means the app is
    /// not responding: restore the terminal and exit from here.
    private func requestTermination(_ reason: TerminationReason) {
        terminationRequests += 1
        guard terminationRequests > 1 else {
            continuation.yield(.terminate(reason))
            return
        }
        endwin()
        exit(reason.exitStatus)
    }

    /// Reads every key waiting (the window is in no-delay mode) and decodes them as one burst,
    /// so that an Alt-key (Esc, then its key at once) arrives as one event.
    private func readKeys() {
        var burst: [RawKeyInput] = []
        var value: wint_t = 0
        while true {
            let status = wget_wch(window, &value)
            guard status != ERR else { break }
            burst.append(RawKeyInput(status: status, value: UInt32(value)))
        }
        for key in KeyDecoder.decode(burst: burst) {
            if key == .resize {
                // curses noticed the resize itself (its own SIGWINCH handling).
                handleResize(askTerminal: false)
            } else {
                continuation.yield(.key(key))
            }
        }
    }

    private func handleResize(askTerminal: Bool) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if askTerminal, options.fixedSize == nil,
            tc_window_size(options.outputDescriptor, &rows, &columns) == 0
        {
            resizeterm(rows, columns)
        }
        tc_getmaxyx(window, &rows, &columns)
        let newSize = TerminalSize(columns: Int(columns), rows: Int(rows))
        shown = nil
        guard newSize != size else { return }
        size = newSize
        shared.withLock { $0.size = newSize }
        continuation.yield(.resize(newSize))
    }

    /// Ctrl-Z from outside (SIGTSTP): give the terminal back, stop, and repaint on return.
    private func suspend() {
        endwin()
        tc_stop_self()
        // Running again: curses resumes on the next refresh; repaint everything.
        clearok(window, true)
        shown = nil
        handleResize(askTerminal: true)
        continuation.yield(.resize(size))
    }

    // MARK: - Output

    private func flushPendingFrame() {
        let (frame, generation) = shared.withLock { state in
            let frame = state.pendingFrame
            state.pendingFrame = nil
            return (frame, state.requestedFrames)
        }
        if let frame {
            draw(frame)
        }
        shared.withLock { $0.writtenFrames = max($0.writtenFrames, generation) }
    }

    private func draw(_ frame: Canvas) {
        let rows = min(frame.size.rows, size.rows)
        let columns = min(frame.size.columns, size.columns)
        let previous = shown?.size == frame.size ? shown : nil

        for y in 0..<rows {
            for x in 0..<columns {
                let cell = frame[x, y]
                if cell.isContinuation || previous?[x, y] == cell {
                    continue
                }
                // A wide character in the last column cannot be shown; Canvas never puts one
                // there, but a frame drawn for another size might.
                if cell.width == 2, x + 1 >= columns {
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        shown = frame.size == size ? frame : nil
        placeCursor(frame.cursor)
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var characters = cell.text.unicodeScalars.prefix(5).map {
            wchar_t(bitPattern: $0.value)
        }
        characters.append(0)
        let (attributes, pair) = rendition(for: cell.style)
        _ = tc_put_cell(window, Int32(y), Int32(x), characters, attributes, pair)
    }

    private func placeCursor(_ cursor: Point?) {
        let wantsCursor = cursor != nil
        if wantsCursor != cursorVisible {
            curs_set(wantsCursor ? 1 : 0)
            // With no cursor shown, curses may leave it wherever is cheapest: fewer bytes.
            leaveok(window, !wantsCursor)
            cursorVisible = wantsCursor
        }
        if let cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        }
    }

    private func rendition(for style: Style) -> (attr_t, Int16) {
        var attributes = tc_wa_normal()
        if style.attributes.contains(.bold) { attributes |= tc_wa_bold() }
        if style.attributes.contains(.dim) { attributes |= tc_wa_dim() }
        if style.attributes.contains(.underline) { attributes |= tc_wa_underline() }
        if style.attributes.contains(.reverse) { attributes |= tc_wa_reverse() }
        if style.attributes.contains(.italic) { attributes |= tc_wa_italic() }
        return (attributes, colorPair(style.foreground, style.background))
    }

    /// The curses colour pair for a colour combination, created on first use. Pair 0 is the
    /// terminal's default; when pairs run out, the default is used.
    private func colorPair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int16 {
        guard colorsEnabled, foreground != .default || background != .default else { return 0 }
        let key = ColorKey(foreground: foreground, background: background)
        if let pair = colorPairs[key] {
            return pair
        }
        let next = colorPairs.count + 1
        guard next < Int(tc_color_pairs()), next <= Int(Int16.max) else { return 0 }

        // Without default-colour support, "default" means white on black.
        let fg = foreground == .default && !supportsDefaultColors ? .white : foreground
        let bg = background == .default && !supportsDefaultColors ? .black : background
        init_pair(Int16(next), Int16(fg.rawValue), Int16(bg.rawValue))
        colorPairs[key] = Int16(next)
        return Int16(next)
    }
}
