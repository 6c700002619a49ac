import Foundation

/// True for the first caller only: lets several events race to resume one continuation.
final class OnceFlag: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}
