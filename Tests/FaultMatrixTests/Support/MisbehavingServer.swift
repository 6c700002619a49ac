import Foundation
import WebexAPI
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// What the misbehaving server does with a request its rule picks.
enum Misbehaviour: Sendable {
    /// A complete, well-framed HTTP answer with any status, headers and body.
    case answer(status: Int, headers: [String: String], body: Data)
    /// Announces `declaredLength` body bytes, sends `body` (fewer), then closes cleanly (FIN).
    case closeMidBody(declaredLength: Int, body: Data)
    /// Sends the head and part of the body, waits until the client has it, then resets the
    /// connection (RST).
    case resetMidBody(declaredLength: Int, body: Data)
    /// Reads the request and never answers, until the client gives up.
    case silence
    /// A 200 without `Content-Length`: the body ends when the connection closes, so a client
    /// cannot know its size before reading it.
    case closeDelimited(body: Data)
}

/// A Webex stand-in on 127.0.0.1 with real sockets, for the faults our own HTTP server cannot
/// make: resets mid-body, bodies shorter than announced, silence, 50 MB answers.
///
/// Requests the `picks` rule does not choose are answered by an in-process sandbox, so a client
/// can read the site and then meet the fault on the one call under test. A picked request is
/// first passed to the sandbox when `forwardsPicked` is set (the write happens at "Webex", the
/// answer goes wrong on the way back), and `misbehave` turns the sandbox's answer into the
/// fault. Each connection gets its own thread and is closed after one exchange.
final class MisbehavingServer: @unchecked Sendable {
    /// A picked request and the sandbox's answer to it (nil when it was not forwarded).
    typealias Misbehave =
        @Sendable (_ request: HTTPRequest, _ sandboxAnswer: HTTPResponse?) -> Misbehaviour

    let port: Int
    let sandbox: Sandbox
    private let listener: Int32
    private let picks: @Sendable (HTTPRequest) -> Bool
    private let forwardsPicked: Bool
    private let misbehave: Misbehave

    // Guarded by `lock`.
    private let lock = NSLock()
    private var requestLines: [String] = []
    private var connections: Set<Int32> = []
    private var isStopped = false

    var baseURL: URL {
        // A literal loopback address and a port number: always a valid URL.
        URL(string: "http://127.0.0.1:\(port)/v1")!
    }

    init(
        sandbox: Sandbox, forwardsPicked: Bool = false,
        picks: @escaping @Sendable (HTTPRequest) -> Bool,
        misbehave: @escaping Misbehave
    ) throws {
        self.sandbox = sandbox
        self.picks = picks
        self.forwardsPicked = forwardsPicked
        self.misbehave = misbehave
        (listener, port) = try LoopbackSocket.listen()
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "misbehaving-accept"
        thread.start()
    }

    deinit {
        stop()
    }

    /// `METHOD path?query` of every request received, in order.
    var received: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requestLines
    }

    /// How many requests the rule picked.
    func pickedCount(where matches: (String) -> Bool) -> Int {
        received.filter(matches).count
    }

    /// Stops accepting and cuts every open connection; threads end on their own.
    func stop() {
        lock.lock()
        let open = connections
        let wasStopped = isStopped
        isStopped = true
        lock.unlock()
        guard !wasStopped else { return }
        // shutdown, not close: it wakes a thread blocked in accept or recv, and the descriptor
        // number is not reused while that thread still holds it.
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private var stopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return isStopped
    }

    // MARK: - Serving

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            lock.lock()
            let refused = isStopped
            if !refused { connections.insert(fd) }
            lock.unlock()
            if refused {
                close(fd)
                return
            }
            LoopbackSocket.setReceiveTimeout(fd, seconds: 0.25)
            let thread = Thread { [self] in serve(fd) }
            thread.name = "misbehaving-connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.lock()
            connections.remove(fd)
            lock.unlock()
            close(fd)
        }
        guard let request = RawRequest.read(from: fd, isStopped: { [self] in stopped }) else {
            return
        }
        lock.lock()
        requestLines.append("\(request.method) \(request.target)")
        lock.unlock()

        // The target was parsed from a request line we received; "http://sandbox" + it parses.
        let url =
            URL(string: "http://sandbox\(request.target)")
            ?? URL(string: "http://sandbox/")!
        let message = HTTPRequest(
            method: request.method, url: url, headers: request.headers,
            body: request.body.isEmpty ? nil : request.body)

        guard picks(message) else {
            write(answer(from: sandbox, to: message), to: fd)
            return
        }
        let forwarded = forwardsPicked ? answer(from: sandbox, to: message) : nil
        switch misbehave(message, forwarded) {
        case .answer(let status, let headers, let body):
            write(HTTPResponse(status: status, headers: headers, body: body), to: fd)
        case .closeMidBody(let declaredLength, let body):
            _ = LoopbackSocket.sendAll(
                fd,
                head(
                    status: 200, headers: ["Content-Type": "application/json"],
                    length: declaredLength) + body)
        case .resetMidBody(let declaredLength, let body):
            let head = head(
                status: 200, headers: ["Content-Type": "application/json"], length: declaredLength)
            if LoopbackSocket.sendAll(fd, head + body) {
                LoopbackSocket.waitUntilDelivered(fd)
            }
            LoopbackSocket.resetOnClose(fd)
        case .silence:
            waitForClientToLeave(fd)
        case .closeDelimited(let body):
            let head = head(status: 200, headers: ["Content-Type": "application/json"], length: nil)
            _ = LoopbackSocket.sendAll(fd, head + body)
        }
    }

    /// The sandbox's answer, got from this connection thread (never from the cooperative pool).
    private func answer(from sandbox: Sandbox, to request: HTTPRequest) -> HTTPResponse {
        let box = AnswerBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.response = await sandbox.handle(request)
            done.signal()
        }
        done.wait()
        return box.response ?? HTTPResponse(status: 500)
    }

    private func write(_ response: HTTPResponse, to fd: Int32) {
        let bytes = head(
            status: response.status, headers: response.headers, length: response.body.count)
        _ = LoopbackSocket.sendAll(fd, bytes + response.body)
    }

    /// The status line and header fields; no `Content-Length` when `length` is nil.
    private func head(status: Int, headers: [String: String], length: Int?) -> Data {
        var lines = ["HTTP/1.1 \(status) \(HTTPStatus.reason(status))"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key })
        where name.lowercased() != "content-length" && name.lowercased() != "connection" {
            lines.append("\(name): \(value)")
        }
        if let length { lines.append("Content-Length: \(length)") }
        lines.append("Connection: close")
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// Holds the connection open, reading and dropping whatever comes, until the client closes
    /// it or the server stops.
    private func waitForClientToLeave(_ fd: Int32) {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while !stopped {
            let count = recv(fd, &scratch, scratch.count, 0)
            if count == 0 { return }
            if count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { return }
        }
    }
}

/// Carries the sandbox's answer from its task to the waiting connection thread; the semaphore
/// orders the write before the read.
private final class AnswerBox: @unchecked Sendable {
    var response: HTTPResponse?
}

/// One request as read off a socket: enough HTTP/1.1 for URLSession's requests.
struct RawRequest {
    var method: String
    var target: String
    var headers: [String: String]
    var body: Data

    static func read(from fd: Int32, isStopped: () -> Bool) -> RawRequest? {
        var buffer = Data()
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard buffer.count < 1 << 20, !isStopped() else { return nil }
            let count = recv(fd, &scratch, scratch.count, 0)
            if count == 0 { return nil }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                return nil
            }
            buffer.append(contentsOf: scratch[0..<count])
            headEnd = buffer.range(of: separator)
        }
        guard let headEnd else { return nil }
        let headText = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length =
            headers.first { $0.key.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        var body = Data(buffer[headEnd.upperBound...])
        while body.count < length {
            guard !isStopped() else { return nil }
            let count = recv(fd, &scratch, min(scratch.count, length - body.count), 0)
            if count == 0 { return nil }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                return nil
            }
            body.append(contentsOf: scratch[0..<count])
        }
        return RawRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: body)
    }
}
