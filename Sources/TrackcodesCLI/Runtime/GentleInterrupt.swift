import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C during an import: the first one stops it the way Esc does in the terminal UI (no new
/// requests; those in flight finish, so the report and the journal say what happened to every
/// row), the second ends the process at once, as Ctrl-C always does.
///
/// Without it, Ctrl-C killed the import with the header line printed and no report, and the
/// journal's unfinished entries could not say which users they were.
final class GentleInterrupt: @unchecked Sendable {
    // Only touched on `queue`.
    private var source: DispatchSourceSignal?
    private let queue = DispatchQueue(label: "trackcodes-interrupt")

    /// The exit status of a command stopped this way: 128 + SIGINT, what a shell reports for
    /// a process Ctrl-C ended.
    static let exitCode = ExitCode(rawValue: 128 + SIGINT)

    /// Starts watching for SIGINT; `onFirst` runs (on a queue of its own) for the first one.
    init(onFirst: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
        source.setEventHandler { [weak self] in
            // The next Ctrl-C gets the default action again: the process ends.
            signal(SIGINT, SIG_DFL)
            self?.source?.cancel()
            onFirst()
        }
        self.source = source
        source.resume()
    }

    /// Gives SIGINT its default action back.
    func remove() {
        queue.sync {
            source?.cancel()
            source = nil
        }
        signal(SIGINT, SIG_DFL)
    }
}
