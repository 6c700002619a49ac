import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP client for protocol-level tests: sends exact bytes, reads exact responses.
///
/// Reads block, so each runs on a thread of its own, never on the cooperative pool (blocked
/// pool threads would starve the server's async handlers) nor on Dispatch's global queue
/// (whose few threads other tests' blocked reads would hold). Every read
/// gives up after `readTimeout` seconds so a server bug fails the test instead of hanging it.
/// One test uses a client at a time, which is what makes `@unchecked Sendable` hold.
final class RawClient: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let fd: Int32
    private var pending = Data()

    init(port: Int, host: String = "127.0.0.1", readTimeout: Double = 5) throws {
        let isIPv6 = host.contains(":")
        fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }

        let microseconds = Int(readTimeout.truncatingRemainder(dividingBy: 1) * 1_000_000)
        var timeout = timeval(tv_sec: Int(readTimeout), tv_usec: microseconds)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let connected: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "connect failed: errno \(code)")
        }
    }

    deinit {
        close(fd)
    }

    func send(_ text: String) throws {
        try send(Data(text.utf8))
    }

    func send(_ data: Data) throws {
        let sent = data.withUnsafeBytes {
            Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        guard sent == data.count else {
            throw Failure(description: "send failed (\(sent) of \(data.count))")
        }
    }

    /// Reads one response. `bodyExpected: false` is for answers to HEAD.
    func readResponse(bodyExpected: Bool = true) async throws -> Response {
        try await offThePool { try self.blockingReadResponse(bodyExpected: bodyExpected) }
    }

    /// True when the server closes the connection with nothing more to read.
    func readsEndOfStream() async throws -> Bool {
        try await offThePool {
            if !self.pending.isEmpty { return false }
            return try !self.receiveMore()
        }
    }

    /// Reads up to `count` bytes of whatever arrives next.
    func receiveSome(_ count: Int) async throws -> Data {
        try await offThePool {
            var buffer = [UInt8](repeating: 0, count: count)
            let received = recv(self.fd, &buffer, count, 0)
            guard received >= 0 else { throw Failure(description: "recv failed: errno \(errno)") }
            return Data(buffer.prefix(received))
        }
    }

    private func offThePool<Value: Sendable>(
        _ work: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private func blockingReadResponse(bodyExpected: Bool) throws -> Response {
        let separator = Data("\r\n\r\n".utf8)
        while pending.range(of: separator) == nil {
            guard try receiveMore() else {
                throw Failure(
                    description: "closed before a whole response header (\(pending.count) bytes)"
                )
            }
        }
        // Checked just above.
        let headEnd = pending.range(of: separator)!
        let head = String(decoding: pending[..<headEnd.lowerBound], as: UTF8.self)
        pending.removeSubrange(..<headEnd.upperBound)

        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, lines[0].hasPrefix("HTTP/1.1 "),
              let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line: \(lines[0])")
        }
        let headers = lines.dropFirst().map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let value = line[colon...].dropFirst().trimmingCharacters(in: .whitespaces)
            return (String(line[..<colon]), value)
        }
        var response = Response(status: status, headers: headers, body: Data())
        if status == 100 { return response }

        let length = bodyExpected ? Int(response.header("Content-Length") ?? "0") ?? 0 : 0
        while pending.count < length {
            guard try receiveMore() else {
                throw Failure(description: "connection closed inside a body")
            }
        }
        response.body = pending.prefix(length)
        pending.removeFirst(length)
        return response
    }

    /// Makes `close` send a reset instead of an orderly FIN.
    func resetOnClose() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    }

    /// - Returns: false at end of stream (or a reset).
    private func receiveMore() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let received = recv(fd, &buffer, buffer.count, 0)
        if received > 0 {
            pending.append(contentsOf: buffer.prefix(received))
            return true
        }
        if received == 0 || errno == ECONNRESET { return false }
        let code = errno
        guard code != EAGAIN else { throw Failure(description: "timed out waiting for the server") }
        throw Failure(description: "recv failed: errno \(code)")
    }
}
