import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something to wait for before shutting the adapters down: SIGINT or SIGTERM in the program,
/// a trigger in tests.
public struct ShutdownSignal: Sendable {
    private let waitBody: @Sendable () async -> Void

    public init(wait: @escaping @Sendable () async -> Void) {
        waitBody = wait
    }

    /// Returns when shutdown is asked for.
    public func wait() async {
        await waitBody()
    }

    /// SIGINT (Ctrl-C) or SIGTERM. The signals' default action (ending the process at once)
    /// is turned off, so the servers can close their sockets first.
    public static var processSignals: ShutdownSignal {
        ShutdownSignal {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let once = OnceFlag()
                let queue = DispatchQueue(label: "trackcodes-signals")
                var sources: [DispatchSourceSignal] = []
                for number in [SIGINT, SIGTERM] {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                    source.setEventHandler {
                        if once.claim() { continuation.resume() }
                    }
                    source.resume()
                    sources.append(source)
                }
                // The sources must live as long as the process waits; they end with it.
                SignalSources.keep(sources)
            }
        }
    }

    /// A signal fired by calling `trigger`, for tests and for embedding.
    public static func manual() -> (signal: ShutdownSignal, trigger: @Sendable () -> Void) {
        let gate = ShutdownGate()
        return (ShutdownSignal { await gate.wait() }, { gate.open() })
    }
}

/// Holds the signal sources for the life of the process.
private final class SignalSources: @unchecked Sendable {
    private static let shared = SignalSources()

    // Guarded by `lock`.
    private let lock = NSLock()
    private var kept: [DispatchSourceSignal] = []

    static func keep(_ sources: [DispatchSourceSignal]) {
        shared.lock.lock()
        defer { shared.lock.unlock() }
        shared.kept += sources
    }
}

/// Opens once; everyone waiting, then and later, goes through.
final class ShutdownGate: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func open() {
        lock.lock()
        isOpen = true
        let waiting = waiters
        waiters.removeAll()
        lock.unlock()
        for waiter in waiting { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if isOpen {
                lock.unlock()
                continuation.resume()
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
    }
}
