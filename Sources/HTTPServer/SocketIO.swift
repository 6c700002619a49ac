#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes on a non-blocking socket with an absolute deadline per operation.
///
/// A deadline (rather than `SO_RCVTIMEO`, which restarts on every byte) is what stops a client
/// that trickles one byte at a time from holding a connection forever.
enum SocketIO {
    enum ReceiveResult: Equatable {
        case received(Int)
        /// The peer closed its side (or reset the connection).
        case closed
        case timedOut
    }

    /// Reads at most `count` bytes into `destination`, waiting until `deadline` for some.
    static func receive(
        _ fd: Int32, into destination: UnsafeMutableRawPointer, count: Int, deadline: Double
    ) -> ReceiveResult {
        while true {
            let received = recv(fd, destination, count, 0)
            if received > 0 { return .received(received) }
            if received == 0 { return .closed }

            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                guard waitUntilReady(fd, events: Int16(POLLIN), deadline: deadline) else {
                    return .timedOut
                }
            default:
                return .closed
            }
        }
    }

    /// Writes all of `bytes`, or returns false if the peer is gone or stops reading past the
    /// deadline. `MSG_NOSIGNAL` turns a write to a closed peer into `EPIPE` instead of a
    /// process-killing SIGPIPE, without touching the process-wide signal disposition.
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, deadline: Double) -> Bool {
        guard var next = bytes.baseAddress else { return true }
        var remaining = bytes.count
        while remaining > 0 {
            let sent = send(fd, next, remaining, Int32(MSG_NOSIGNAL))
            if sent > 0 {
                next += sent
                remaining -= sent
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                guard waitUntilReady(fd, events: Int16(POLLOUT), deadline: deadline) else {
                    return false
                }
            default:
                return false
            }
        }
        return true
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8], deadline: Double) -> Bool {
        bytes.withUnsafeBytes { sendAll(fd, $0, deadline: deadline) }
    }

    /// Stops sending and discards what the peer still sends until it closes, the deadline
    /// passes or `byteBudget` is used up. Closing with unread input would make the kernel send
    /// a reset, and a reset can reach the client before it has read the response.
    static func drainAfterFinalResponse(_ fd: Int32, deadline: Double, byteBudget: Int = 1 << 20) {
        shutdown(fd, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var budget = byteBudget
        while budget > 0 {
            let result = scratch.withUnsafeMutableBytes { buffer in
                // The array was created with a non-zero count, so it has storage.
                receive(fd, into: buffer.baseAddress!, count: buffer.count, deadline: deadline)
            }
            guard case .received(let count) = result else { return }
            budget -= count
        }
    }

    /// - Returns: true when the socket is ready (or in error, which the next call reports),
    ///   false when the deadline passed first.
    private static func waitUntilReady(_ fd: Int32, events: Int16, deadline: Double) -> Bool {
        while true {
            let timeout = MonotonicClock.pollTimeout(until: deadline)
            guard timeout > 0 else { return false }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let result = poll(&descriptor, 1, timeout)
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return true }
        }
    }
}
