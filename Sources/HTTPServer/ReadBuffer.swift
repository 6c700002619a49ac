import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes received on one connection and not yet consumed by a request.
///
/// Fixed capacity, allocated once per connection. Bytes past the current request (a pipelined
/// next request) simply stay here for the next round. Offsets handed out are relative to the
/// first unconsumed byte, so compaction never invalidates them.
final class ReadBuffer {
    let capacity: Int
    private let storage: UnsafeMutablePointer<UInt8>
    private var start = 0
    private var end = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    var count: Int { end - start }
    var isEmpty: Bool { start == end }

    /// The unconsumed bytes. Valid until the next mutating call.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage + start, count: count)
    }

    func consume(_ byteCount: Int) {
        precondition(byteCount <= count, "consuming more than was received")
        start += byteCount
        if start == end {
            start = 0
            end = 0
        }
    }

    /// Receives more bytes from `fd`. Call only when `count < capacity`.
    func receive(from fd: Int32, deadline: Double) -> SocketIO.ReceiveResult {
        if end == capacity && start > 0 {
            memmove(storage, storage + start, count)
            end -= start
            start = 0
        }
        let result = SocketIO.receive(
            fd, into: storage + end, count: capacity - end, deadline: deadline
        )
        if case .received(let byteCount) = result { end += byteCount }
        return result
    }

    /// Drops empty lines before a request line (RFC 9112 §2.2 asks servers to ignore at least
    /// one, which some clients send after a body).
    /// - Returns: whether any were dropped.
    @discardableResult
    func skipLeadingEmptyLines() -> Bool {
        var skipped = false
        while count >= 2 && storage[start] == ASCII.carriageReturn
            && storage[start + 1] == ASCII.lineFeed {
            consume(2)
            skipped = true
        }
        return skipped
    }

    /// Moves the first `byteCount` bytes into `destination` and consumes them.
    func move(_ byteCount: Int, into destination: UnsafeMutableRawPointer) {
        destination.copyMemory(from: storage + start, byteCount: byteCount)
        consume(byteCount)
    }
}
