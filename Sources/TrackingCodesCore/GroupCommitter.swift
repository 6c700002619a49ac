import Foundation

/// Batches durable writes: callers hand over a line and wait; one thread of its own writes every
/// line queued so far with a single flush, then wakes all their callers.
///
/// A thread rather than a dispatch queue, because the flush blocks on fsync and Dispatch's
/// shared threads (one per core on Linux) also carry URLSession's work. The thread ends after a
/// second without work and starts again on the next line.
final class GroupCommitter: @unchecked Sendable {
    typealias Flush = ([Data]) throws(FileProblem) -> Void

    private struct Waiter {
        var line: Data
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let flush: Flush
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [Waiter] = []
    private var isRunning = false

    init(flush: @escaping Flush) {
        self.flush = flush
    }

    /// Returns once `line` has been flushed; throws what the flush threw.
    func commit(_ line: Data) async throws(FileProblem) {
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                condition.lock()
                pending.append(Waiter(line: line, continuation: continuation))
                if !isRunning {
                    isRunning = true
                    Thread.detachNewThread { [self] in run() }
                }
                condition.signal()
                condition.unlock()
            }
        } catch let problem as FileProblem {
            throw problem
        } catch {
            throw FileProblem(path: "journal", reason: "\(error)")
        }
    }

    private func run() {
        while true {
            condition.lock()
            if pending.isEmpty {
                _ = condition.wait(until: Date().addingTimeInterval(1))
            }
            if pending.isEmpty {
                isRunning = false
                condition.unlock()
                return
            }
            let batch = pending
            pending = []
            condition.unlock()

            do {
                try flush(batch.map(\.line))
                for waiter in batch { waiter.continuation.resume() }
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
    }
}
