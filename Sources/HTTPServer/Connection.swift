import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serves one accepted connection on its own thread: reads a request, runs the handler, writes
/// the response, and repeats while the connection is kept alive.
final class Connection: @unchecked Sendable {
    // @unchecked: built by the accept thread, then used only by the connection's own thread.
    private let fd: Int32
    private let id: Int
    private let remoteAddress: String
    private let runtime: ServerRuntime
    private let limits: HTTPServerLimits
    private let buffer: ReadBuffer
    private var date = HTTPDate()

    private enum ReadOutcome {
        case request(HTTPServerRequest, framing: RequestFraming, isHTTP10: Bool)
        /// The client went away, sent nothing in time, or the server is stopping.
        case closed
        /// The request cannot be served; answer this and close.
        case rejected(RequestRejection)
    }

    init(fd: Int32, id: Int, remoteAddress: String, runtime: ServerRuntime) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.runtime = runtime
        limits = runtime.limits
        // Room for a whole header block plus the start of a body or of a pipelined request.
        buffer = ReadBuffer(capacity: limits.maxHeaderBytes + 16 * 1024)
    }

    func run() {
        defer { runtime.finish(id, fd: fd) }
        let acceptedAt = MonotonicClock.now()
        var isFirstRequest = true

        while runtime.enterInterruptiblePhase(id) {
            let outcome = readRequest(isFirst: isFirstRequest, acceptedAt: acceptedAt)
            isFirstRequest = false
            guard runtime.enterBusyPhase(id) else { return }

            switch outcome {
            case .closed:
                return
            case .rejected(let rejection):
                let bytes = ResponseSerializer.serializeRejection(
                    rejection, date: date.now(), responder: runtime.rejectionResponder)
                if send(bytes) { closeGracefully() }
                return
            case .request(let request, let framing, let isHTTP10):
                let response = AsyncBridge.respond(to: request, with: runtime.handler)
                let handlerAsksToClose = ASCII.listContainsToken(
                    response.header("Connection") ?? "", "close"
                )
                let keepAlive = framing.keepAlive && !handlerAsksToClose && !runtime.isStopping
                let bytes = ResponseSerializer.serialize(
                    response,
                    isHeadRequest: request.method == "HEAD",
                    closeConnection: !keepAlive,
                    announceKeepAlive: keepAlive && isHTTP10,
                    date: date.now()
                )
                guard send(bytes) else { return }
                guard keepAlive else {
                    closeGracefully()
                    return
                }
            }
        }
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        SocketIO.sendAll(fd, bytes, deadline: MonotonicClock.now() + limits.writeTimeout)
    }

    /// Drains what the client still sends, so that our last response is not lost to a reset.
    private func closeGracefully() {
        guard runtime.enterInterruptiblePhase(id) else { return }
        SocketIO.drainAfterFinalResponse(fd, deadline: MonotonicClock.now() + limits.lingerTimeout)
    }

    // MARK: Reading a request

    private func readRequest(isFirst: Bool, acceptedAt: Double) -> ReadOutcome {
        // The header time counts from the accept for the first request. Between requests the
        // idle time applies until a byte arrives, and the header time counts from then.
        buffer.skipLeadingEmptyLines()
        let headerDeadline: Double
        if isFirst {
            headerDeadline = acceptedAt + limits.headerReadTimeout
        } else {
            if buffer.isEmpty {
                let idleDeadline = MonotonicClock.now() + limits.idleKeepAliveTimeout
                guard case .received = buffer.receive(from: fd, deadline: idleDeadline) else {
                    return .closed
                }
            }
            headerDeadline = MonotonicClock.now() + limits.headerReadTimeout
        }

        let headLength: Int
        switch readHeaderBlock(deadline: headerDeadline) {
        case .success(let length): headLength = length
        case .failure(.closedByClient): return .closed
        case .failure(.rejected(let rejection)): return .rejected(rejection)
        }

        let parsed = RequestHead.parse(buffer.bytes.bytes(upTo: headLength))
        buffer.consume(headLength)
        let head: RequestHead
        switch parsed {
        case .success(let parsedHead): head = parsedHead
        case .failure(let rejection): return .rejected(rejection)
        }

        let framing: RequestFraming
        switch RequestFraming.analyze(head, limits: limits) {
        case .success(let analyzed): framing = analyzed
        case .failure(let rejection): return .rejected(rejection)
        }
        let target: RequestTarget
        switch RequestTarget.parse(head.target, method: head.method) {
        case .success(let decoded): target = decoded
        case .failure(let rejection): return .rejected(rejection)
        }

        if framing.expectsContinue && framing.contentLength > 0 && buffer.isEmpty {
            guard send(ResponseSerializer.continueInterim) else { return .closed }
        }
        let body: Data
        switch readBody(length: framing.contentLength) {
        case .success(let received): body = received
        case .failure(.closedByClient): return .closed
        case .failure(.rejected(let rejection)): return .rejected(rejection)
        }

        let request = HTTPServerRequest(
            method: head.method,
            target: head.target,
            path: target.path,
            queryItems: target.queryItems,
            headers: head.headers,
            body: body,
            remoteAddress: remoteAddress
        )
        return .request(request, framing: framing, isHTTP10: head.minorVersion == 0)
    }

    private enum ReadFailure: Error {
        case closedByClient
        case rejected(RequestRejection)
    }

    /// Receives until the buffer holds a whole header block and returns the block's length.
    ///
    /// Lines are found with `memchr`, and each byte is scanned once however the block is split
    /// across reads. While the block is incomplete, what has arrived is checked: garbage is
    /// refused at once, not when the size limit or the timeout is reached.
    private func readHeaderBlock(deadline: Double) -> Result<Int, ReadFailure> {
        var scanned = 0
        var noiseChecked = 0
        var requestLineEnd: Int?
        var requestLineChecked = false

        while true {
            if scanned == 0 && buffer.skipLeadingEmptyLines() { noiseChecked = 0 }
            let bytes = buffer.bytes
            while let lineFeed = bytes.offset(of: ASCII.lineFeed, from: scanned) {
                guard lineFeed > 0 && bytes[lineFeed - 1] == ASCII.carriageReturn else {
                    return .failure(.rejected(.badRequest(
                        "Lines must end with CRLF, not a bare LF."
                    )))
                }
                scanned = lineFeed + 1
                if requestLineEnd == nil {
                    guard scanned <= limits.maxHeaderBytes else {
                        return .failure(.rejected(requestLineTooLong()))
                    }
                    requestLineEnd = lineFeed - 1
                }
                let endsBlock = lineFeed >= 3 && bytes[lineFeed - 2] == ASCII.lineFeed
                    && bytes[lineFeed - 3] == ASCII.carriageReturn
                if endsBlock {
                    guard scanned <= limits.maxHeaderBytes else {
                        return .failure(.rejected(headerTooLarge()))
                    }
                    return .success(scanned)
                }
            }

            if let requestLineEnd {
                if !requestLineChecked {
                    requestLineChecked = true
                    let line = bytes.bytes(upTo: requestLineEnd)
                    if case .failure(let rejection) = RequestLine.parse(line) {
                        return .failure(.rejected(rejection))
                    }
                }
            } else {
                // Bytes no request line may hold: refuse binary noise without waiting for a LF.
                let isNoise = { (byte: UInt8) in
                    (byte < 0x20 && byte != ASCII.carriageReturn) || byte >= 0x7F
                }
                if bytes.bytes(from: noiseChecked).contains(where: isNoise) {
                    return .failure(.rejected(.badRequest(
                        "The request line holds bytes that are not printable ASCII; is this HTTP?"
                    )))
                }
                noiseChecked = bytes.count
            }
            if bytes.count >= limits.maxHeaderBytes {
                let rejection = requestLineEnd == nil ? requestLineTooLong() : headerTooLarge()
                return .failure(.rejected(rejection))
            }

            switch buffer.receive(from: fd, deadline: deadline) {
            case .received:
                continue
            case .closed:
                return .failure(.closedByClient)
            case .timedOut:
                guard !buffer.isEmpty else { return .failure(.closedByClient) }
                return .failure(.rejected(RequestRejection(
                    status: 408,
                    message: "The request header did not arrive within "
                        + "\(limits.headerReadTimeout) seconds."
                )))
            }
        }
    }

    private func requestLineTooLong() -> RequestRejection {
        RequestRejection(
            status: 414,
            message: "The request line is longer than the \(limits.maxHeaderBytes) bytes allowed."
        )
    }

    private func headerTooLarge() -> RequestRejection {
        RequestRejection(
            status: 431,
            message: "The request header is larger than the \(limits.maxHeaderBytes) bytes allowed."
        )
    }

    /// Takes the body from what is already buffered, then receives the rest straight into it,
    /// never reading past its end: the bytes after it belong to the next request.
    private func readBody(length: Int) -> Result<Data, ReadFailure> {
        guard length > 0 else { return .success(Data()) }
        let deadline = MonotonicClock.now() + limits.bodyReadTimeout
        let alreadyReceived = min(length, buffer.count)
        var body = Data(count: length)

        let outcome: SocketIO.ReceiveResult = body.withUnsafeMutableBytes { raw in
            // `Data(count:)` with a positive count always has storage.
            let base = raw.baseAddress!
            buffer.move(alreadyReceived, into: base)
            var filled = alreadyReceived
            while filled < length {
                let result = SocketIO.receive(
                    fd, into: base + filled, count: length - filled, deadline: deadline
                )
                guard case .received(let count) = result else { return result }
                filled += count
            }
            return .received(filled)
        }

        switch outcome {
        case .received: return .success(body)
        case .closed: return .failure(.closedByClient)
        case .timedOut:
            return .failure(.rejected(RequestRejection(
                status: 408,
                message: "The request body did not arrive within \(limits.bodyReadTimeout) seconds."
            )))
        }
    }
}
