import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a loopback port, for what URLSession cannot do: send half a
/// request and stop, or headers too large for any sane client.
///
/// Blocking reads run on threads of their own (never on the cooperative pool, which serves
/// the adapters in the same process) and give up after `timeout` seconds.
final class RawConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32

    init(port: Int, timeout: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
    }

    deinit {
        close(descriptor)
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// The status code of the next response, reading and discarding the rest of it.
    func readStatus() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try self.blockingReadStatus() })
            }
        }
    }

    /// The next response whole: status, header fields (names lowercased) and body. Reads until
    /// the body's `Content-Length` is in.
    func readResponse() async throws -> (status: Int, headers: [String: String], body: Data) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try self.blockingReadResponse() })
            }
        }
    }

    private func blockingReadResponse() throws -> (status: Int, headers: [String: String], body: Data) {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        func receiveMore() throws {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { throw Failure(description: "response cut short (recv \(count))") }
            received.append(contentsOf: buffer[0..<count])
        }
        let separator = Data("\r\n\r\n".utf8)
        while received.range(of: separator) == nil { try receiveMore() }
        guard let headEnd = received.range(of: separator) else {
            throw Failure(description: "no end of the header block")
        }
        let lines = String(decoding: received[..<headEnd.lowerBound], as: UTF8.self)
            .components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw Failure(description: "status line: \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: CharacterSet.whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while received.count - headEnd.upperBound < length { try receiveMore() }
        let body = received[headEnd.upperBound..<(headEnd.upperBound + length)]
        return (status, headers, Data(body))
    }

    private func blockingReadStatus() throws -> Int {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while received.range(of: Data("\r\n".utf8)) == nil {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { throw Failure(description: "no response (recv \(count), errno \(errno))") }
            received.append(contentsOf: buffer[0..<count])
        }
        let line = String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n")[0]
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure(description: "status line: \(line)") }
        return status
    }
}
