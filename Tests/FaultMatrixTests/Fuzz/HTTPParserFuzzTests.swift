import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@testable import HTTPServer

/// Our HTTP server's request parsing against generated requests: the pure parsers directly,
/// then whole byte streams over loopback, cut into pieces as TCP may deliver them. Nothing
/// crashes or hangs; every answer is a well-formed response; the server keeps serving.
@Suite("Fuzz: HTTP request parser", .serialized)
struct HTTPParserFuzzTests {
    static var limits: HTTPServerLimits {
        var limits = HTTPServerLimits()
        limits.maxHeaderBytes = 4 * 1024
        limits.maxBodyBytes = 8 * 1024
        limits.lingerTimeout = 0.2
        return limits
    }

    @Test func theParsersAcceptOrRefuseEveryHeaderBlock() {
        let limits = Self.limits
        FuzzBudget(cases: 5000).run("HTTP parser (pure)") { random, index in
            let bytes = HTTPFuzz.request(&random)
            let parsed = bytes.withUnsafeBufferPointer { RequestHead.parse($0) }
            let head: RequestHead
            switch parsed {
            case .failure(let rejection):
                #expect(
                    (400...505).contains(rejection.status) && !rejection.message.isEmpty,
                    "case \(index)")
                return
            case .success(let success):
                head = success
            }
            #expect(
                ASCII.isToken(head.method.utf8),
                "case \(index): method \(head.method.debugDescription)")
            #expect(
                !head.target.isEmpty && head.target.utf8.allSatisfy(ASCII.isVisible),
                "case \(index)")
            for (name, value) in head.headers {
                #expect(
                    ASCII.isToken(name.utf8), "case \(index): header name \(name.debugDescription)")
                #expect(!value.utf8.contains(where: ASCII.isForbiddenInFieldValue), "case \(index)")
            }
            switch RequestFraming.analyze(head, limits: limits) {
            case .success(let framing):
                #expect((0...limits.maxBodyBytes).contains(framing.contentLength), "case \(index)")
            case .failure(let rejection):
                #expect((400...505).contains(rejection.status), "case \(index)")
            }
            switch RequestTarget.parse(head.target, method: head.method) {
            case .success(let target):
                #expect(!target.path.isEmpty, "case \(index)")
            case .failure(let rejection):
                #expect(rejection.status == 400, "case \(index)")
            }
        }
    }

    @Test func theServerAnswersOrClosesOnEveryByteStream() async throws {
        let server = HTTPServer(limits: Self.limits) { request in
            .text(200, "\(request.method) \(request.path) \(request.body.count)")
        }
        let port = try server.start()

        await FuzzBudget(cases: 400).run("HTTP parser (server)") { random, index in
            let stream = HTTPFuzz.stream(&random)
            let exchange = await RawExchange.run(
                port: port, pieces: HTTPFuzz.pieces(of: stream, &random))
            #expect(!exchange.timedOut, "case \(index): the server neither answered nor closed")
            let problem = RawExchange.problem(inResponses: exchange.received)
            #expect(problem == nil, "case \(index): \(problem ?? "")")
        }

        let last = await RawExchange.run(
            port: port, pieces: [Array("GET /alive HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)])
        #expect(String(decoding: last.received, as: UTF8.self).hasPrefix("HTTP/1.1 200 "))
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                server.stop(gracePeriod: 1)
                continuation.resume()
            }
        }
    }
}

/// One connection's worth of bytes sent and received, on a thread of its own: blocking socket
/// calls must not hold the cooperative pool the server's handlers run on.
enum RawExchange {
    struct Outcome: Sendable {
        var received: [UInt8]
        var timedOut: Bool
    }

    static func run(port: Int, pieces: [[UInt8]]) async -> Outcome {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: exchange(port: port, pieces: pieces))
            }
        }
    }

    /// Sends `pieces`, says it is done sending, and reads until the server closes (at most
    /// five seconds).
    private static func exchange(port: Int, pieces: [[UInt8]]) -> Outcome {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return Outcome(received: [], timedOut: false) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return Outcome(received: [], timedOut: false) }
        LoopbackSocket.setReceiveTimeout(fd, seconds: 5)
        for piece in pieces where !LoopbackSocket.sendAll(fd, Data(piece)) {
            break
        }
        shutdown(fd, Int32(SHUT_WR))

        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                received += buffer[0..<count]
            } else if count == 0 || errno == ECONNRESET {
                return Outcome(received: received, timedOut: false)
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return Outcome(received: received, timedOut: true)
            } else if errno != EINTR {
                return Outcome(received: received, timedOut: false)
            }
        }
    }

    /// What is wrong with `bytes` as a series of HTTP/1.1 responses, or nil.
    static func problem(inResponses bytes: [UInt8]) -> String? {
        var rest = bytes[...]
        let separator = Array("\r\n\r\n".utf8)
        while !rest.isEmpty {
            guard let end = rest.firstRange(of: separator) else {
                return "a response head without its end"
            }
            let head = String(decoding: rest[..<end.lowerBound], as: UTF8.self)
            let lines = head.components(separatedBy: "\r\n")
            let statusLine = lines[0]
            let parts = statusLine.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]),
                (100...599).contains(status)
            else { return "a bad status line: \(statusLine.debugDescription)" }
            let length = lines.dropFirst()
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap {
                    Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                }
            if status >= 200, length == nil { return "a \(status) without Content-Length" }
            let bodyEnd = end.upperBound + (length ?? 0)
            guard bodyEnd <= rest.endIndex else { return "a body shorter than its Content-Length" }
            rest = rest[bodyEnd...]
        }
        return nil
    }
}
