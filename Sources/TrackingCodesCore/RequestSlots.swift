import Foundation

/// At most `limit` requests at Webex at once, for a job with more rows in progress than that.
///
/// A bulk job's row spends part of its time off the wire: waiting for the journal's fsync
/// before its write, and after it. If the row held its place in the job's in-flight limit all
/// that time, fewer than `limit` requests would be at Webex. So a job lets more rows run than
/// `limit` and has each take a slot only around the request itself.
///
/// Waiters are served first come, first served. `close()` turns away those still waiting and any
/// later ones, so a cancelled job sends nothing more; requests that hold a slot finish.
/// Thread-safe; a waiting task that is cancelled is turned away too.
public final class RequestSlots: @unchecked Sendable {
    public let limit: Int

    /// One task waiting for a slot. Its fields are only touched under the slots' `lock`.
    private final class Waiter: @unchecked Sendable {
        var continuation: CheckedContinuation<Bool, Never>?
        var isCancelled = false
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var inUse = 0
    private var waiters: [Waiter] = []
    private var isClosed = false

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// How many rows a job keeps in progress so that its slots stay busy: a row's two fsync
    /// waits and main-actor hops (5–10 ms each on a loaded machine, far more on a slow disk)
    /// are covered by the rows waiting for a slot meanwhile.
    public var rowsInProgress: Int { 2 * limit }

    /// Requests holding a slot right now.
    public var inFlight: Int { lock.withLock { inUse } }

    /// Tasks waiting for a slot.
    var waiting: Int { lock.withLock { waiters.count } }

    /// Waits for a slot. True when the caller holds one and must `release()` it; false when the
    /// slots were closed or the task was cancelled first, and the caller must send nothing.
    public func acquire() async -> Bool {
        let waiter = Waiter()
        let granted: Bool? = lock.withLock {
            if isClosed { return false }
            if inUse < limit {
                inUse += 1
                return true
            }
            return nil
        }
        if let granted { return granted }

        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let refused = lock.withLock {
                    if isClosed || waiter.isCancelled { return true }
                    waiter.continuation = continuation
                    waiters.append(waiter)
                    return false
                }
                if refused { continuation.resume(returning: false) }
            }
        } onCancel: {
            let continuation = lock.withLock {
                waiter.isCancelled = true
                waiters.removeAll { $0 === waiter }
                defer { waiter.continuation = nil }
                return waiter.continuation
            }
            continuation?.resume(returning: false)
        }
    }

    /// Gives a slot back; the longest waiter, if any, gets it.
    public func release() {
        let next: CheckedContinuation<Bool, Never>? = lock.withLock {
            guard !waiters.isEmpty else {
                inUse -= 1
                return nil
            }
            // The slot passes straight to the waiter, so `inUse` stays as it is.
            let waiter = waiters.removeFirst()
            defer { waiter.continuation = nil }
            return waiter.continuation
        }
        next?.resume(returning: true)
    }

    /// Turns away every waiter and every later `acquire()`.
    public func close() {
        let turnedAway: [CheckedContinuation<Bool, Never>] = lock.withLock {
            isClosed = true
            defer { waiters = [] }
            return waiters.compactMap { waiter in
                defer { waiter.continuation = nil }
                return waiter.continuation
            }
        }
        for continuation in turnedAway { continuation.resume(returning: false) }
    }
}
