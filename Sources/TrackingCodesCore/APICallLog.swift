import Foundation
import WebexAPI

/// The last API calls, oldest first, for the in-app log view.
///
/// `WebexClient` reports each attempt from whatever thread ran it, so the buffer is guarded by a
/// lock. Records carry method, path, status, duration, Webex's trackingId and the one sent; the
/// token never reaches them (the client does not put it in a record).
public final class APICallLog: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var buffer: [APICallRecord] = []
    /// Where the oldest record sits once the buffer has wrapped.
    private var oldest = 0
    private var recorded = 0

    public init(capacity: Int = 500) {
        precondition(capacity > 0, "an API call log needs room for at least one record")
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Pass this as `WebexClient`'s `observer`.
    public var observer: @Sendable (APICallRecord) -> Void {
        { [self] record in append(record) }
    }

    public func append(_ record: APICallRecord) {
        lock.lock()
        defer { lock.unlock() }
        recorded += 1
        if buffer.count < capacity {
            buffer.append(record)
        } else {
            buffer[oldest] = record
            oldest = (oldest + 1) % capacity
        }
    }

    /// The kept records, oldest first.
    public var records: [APICallRecord] {
        lock.lock()
        defer { lock.unlock() }
        return Array(buffer[oldest...] + buffer[..<oldest])
    }

    /// Every record ever appended, including those the buffer has dropped since.
    public var totalRecorded: Int {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
