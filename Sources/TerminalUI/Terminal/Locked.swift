import Foundation

/// A value guarded by a lock, for the little state shared between the curses thread and the
/// rest of the program. Waiters can block until another thread changes the value.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` happens with `condition` locked.
    private let condition = NSCondition()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the lock held, then wakes every waiter.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    var current: Value {
        condition.lock()
        defer { condition.unlock() }
        return value
    }

    /// Blocks the calling thread until `predicate` holds. Never call it from the thread that
    /// must make the predicate true.
    func wait(until predicate: (Value) -> Bool) {
        condition.lock()
        defer { condition.unlock() }
        while !predicate(value) {
            condition.wait()
        }
    }
}
