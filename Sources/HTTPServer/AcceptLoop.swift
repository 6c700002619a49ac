import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The accept thread's work: take new connections, hand them to the runtime, and answer those
/// over the connection limit with 503 without ever blocking.
///
/// Refused clients are not closed at once: the 503 is written, the write side shut, and what
/// the client still sends is drained here (polled together with the listener) until it closes
/// or `lingerTimeout` passes. Closing with their request unread would send a reset that can
/// destroy the 503 before the client reads it.
final class AcceptLoop: @unchecked Sendable {
    // @unchecked: after init, only the accept thread touches the mutable state.
    private let listener: Int32
    private let limits: HTTPServerLimits
    private let rejectionResponder: HTTPServer.RejectionResponder?
    /// `stop()` writes a byte here to wake `poll`.
    private let wakeReader: Int32
    private let wakeWriter: Int32

    /// Refused connections still draining; bounded so a flood cannot exhaust descriptors.
    private var refused: [(fd: Int32, deadline: Double)] = []
    private static let maxRefusedDraining = 256
    /// When accept fails for lack of descriptors or memory, the listener is left alone this long
    /// instead of being polled in a busy loop.
    private static let acceptBackoff = 0.1

    init(
        listener: Int32, limits: HTTPServerLimits,
        rejectionResponder: HTTPServer.RejectionResponder?
    ) throws(HTTPServerError) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            throw .socketFailure(operation: "pipe", errno: errno)
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        self.listener = listener
        self.limits = limits
        self.rejectionResponder = rejectionResponder
        wakeReader = pipeEnds[0]
        wakeWriter = pipeEnds[1]
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// Runs until `wake()`; then closes the listener, the pipe and every refused connection.
    func run(admitting admit: (Int32, String) -> ServerRuntime.Admission) {
        var backoffUntil = 0.0
        while true {
            let now = MonotonicClock.now()
            let listening = now >= backoffUntil
            var descriptors = [
                pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0),
                pollfd(fd: listening ? listener : -1, events: Int16(POLLIN), revents: 0),
            ]
            descriptors += refused.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }

            var nextDeadline = refused.map(\.deadline).min() ?? .infinity
            if !listening { nextDeadline = min(nextDeadline, backoffUntil) }
            let timeout = nextDeadline.isFinite
                ? max(1, MonotonicClock.pollTimeout(until: nextDeadline))
                : -1

            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && errno != EINTR {
                backoffUntil = MonotonicClock.now() + Self.acceptBackoff
                continue
            }
            if descriptors[0].revents != 0 { break }

            drainRefused(readiness: descriptors[2...].map(\.revents))
            if listening && descriptors[1].revents != 0 {
                if !acceptPending(admit) {
                    backoffUntil = MonotonicClock.now() + Self.acceptBackoff
                }
            }
        }
        closeDescriptors()
    }

    /// Accepts everything queued. Returns false when accept failed for lack of resources.
    private func acceptPending(_ admit: (Int32, String) -> ServerRuntime.Admission) -> Bool {
        while true {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept(listener, $0, &length)
                }
            }
            guard fd >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: return false
                default: return true
                }
            }
            guard Self.configure(fd) else {
                close(fd)
                continue
            }

            switch admit(fd, SocketAddress.describe(address)) {
            case .admitted: break
            case .stopping: close(fd)
            case .overCapacity: refuse(fd)
            }
        }
    }

    /// Accepted sockets do not inherit the listener's flags on Linux.
    private static func configure(_ fd: Int32) -> Bool {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // Responses go out in one write; without this, a pipelined follow-up could wait for
        // the client's delayed ACK.
        var noDelay: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, size)
        let flags = fcntl(fd, F_GETFL)
        return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0
    }

    private func refuse(_ fd: Int32) {
        let rejection = RequestRejection(
            status: 503,
            message: "The server is serving its maximum of \(limits.maxConnections) connections; "
                + "try again shortly."
        )
        var date = HTTPDate()
        let response = ResponseSerializer.serializeRejection(
            rejection, date: date.now(), responder: rejectionResponder)
        // A fresh socket's send buffer is empty, so this small write completes without waiting.
        _ = response.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(fd, Int32(SHUT_WR))

        guard refused.count < Self.maxRefusedDraining else {
            close(fd)
            return
        }
        refused.append((fd, MonotonicClock.now() + limits.lingerTimeout))
    }

    /// Reads and discards from refused connections; closes those that closed or ran out of time.
    private func drainRefused(readiness: [Int16]) {
        var scratch = [UInt8](repeating: 0, count: 4096)
        let now = MonotonicClock.now()
        var stillDraining: [(fd: Int32, deadline: Double)] = []
        for (index, connection) in refused.enumerated() {
            var isDone = now >= connection.deadline
            if !isDone && readiness[index] != 0 {
                let received = recv(connection.fd, &scratch, scratch.count, 0)
                isDone = received == 0 || (received < 0 && errno != EAGAIN && errno != EINTR)
            }
            if isDone {
                close(connection.fd)
            } else {
                stillDraining.append(connection)
            }
        }
        refused = stillDraining
    }

    /// Closes everything this loop owns. Called once, when the loop ends or never started.
    func closeDescriptors() {
        for connection in refused {
            close(connection.fd)
        }
        refused = []
        close(listener)
        close(wakeReader)
        close(wakeWriter)
    }
}
