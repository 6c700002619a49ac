import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Blocking socket calls on 127.0.0.1 for the misbehaving server; nothing here listens
/// beyond loopback.
enum LoopbackSocket {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A socket listening on 127.0.0.1 and a free port.
    static func listen() throws -> (fd: Int32, port: Int) {
        let fd = try bound()
        guard Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw Failure(description: "listen failed: errno \(errno)")
        }
        return (fd, boundPort(fd))
    }

    /// A port on 127.0.0.1 where nothing listens, and the socket that keeps it taken: bound
    /// but never listening, so connecting is refused and no other test can take the port.
    static func refusingPort() throws -> (fd: Int32, port: Int) {
        let fd = try bound()
        return (fd, boundPort(fd))
    }

    private static func bound() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "bind 127.0.0.1:0 failed: errno \(errno)")
        }
        return fd
    }

    private static func boundPort(_ fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Makes `recv` give up after `seconds`, so loops can notice that the server stopped.
    static func setReceiveTimeout(_ fd: Int32, seconds: Double) {
        var timeout = timeval(
            tv_sec: Int(seconds),
            tv_usec: Int(seconds.truncatingRemainder(dividingBy: 1) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends every byte; false when the peer went away. `MSG_NOSIGNAL`: a client that hangs
    /// up mid-answer gives EPIPE, not a SIGPIPE that would end the test process.
    @discardableResult
    static func sendAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            guard var next = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                let sent = send(fd, next, remaining, Int32(MSG_NOSIGNAL))
                if sent > 0 {
                    next += sent
                    remaining -= sent
                } else if sent < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Waits (at most a second) until the peer has acknowledged everything sent, so a reset
    /// that follows cuts the body after those bytes rather than discarding them unsent.
    static func waitUntilDelivered(_ fd: Int32) {
        // SIOCOUTQ (Linux): bytes in the send queue not yet acknowledged by the peer.
        let outputQueueRequest: UInt = 0x5411
        for _ in 0..<1000 {
            var pending: Int32 = 0
            guard ioctl(fd, outputQueueRequest, &pending) == 0, pending > 0 else { return }
            usleep(1000)
        }
    }

    /// Makes the next `close` send RST instead of FIN: linger on, with a zero timeout.
    static func resetOnClose(_ fd: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }
}
