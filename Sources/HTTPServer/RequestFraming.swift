/// What the header fields say about the body and the connection, checked before any body byte
/// is read. Anything ambiguous is refused: a server that guesses at framing is how requests
/// get smuggled past it.
struct RequestFraming: Equatable {
    var contentLength: Int
    /// The client wants the connection kept open after this exchange.
    var keepAlive: Bool
    /// The client waits for `100 Continue` before sending the body.
    var expectsContinue: Bool

    static func analyze(
        _ head: RequestHead, limits: HTTPServerLimits
    ) -> Result<RequestFraming, RequestRejection> {
        var contentLengths: [String] = []
        var transferEncodings: [String] = []
        var connectionValues: [String] = []
        var hostCount = 0
        var expectation: String?

        for (name, value) in head.headers {
            if ASCII.caseInsensitiveEquals(name, "Content-Length") {
                contentLengths.append(value)
            } else if ASCII.caseInsensitiveEquals(name, "Transfer-Encoding") {
                transferEncodings.append(value)
            } else if ASCII.caseInsensitiveEquals(name, "Connection") {
                connectionValues.append(value)
            } else if ASCII.caseInsensitiveEquals(name, "Host") {
                hostCount += 1
            } else if ASCII.caseInsensitiveEquals(name, "Expect") {
                expectation = value
            }
        }

        if !transferEncodings.isEmpty {
            let codings = transferEncodings.joined(separator: ",")
            if ASCII.listContainsToken(codings, "chunked") {
                return .failure(RequestRejection(
                    status: 411,
                    message: "Chunked request bodies are not supported; "
                        + "send the body with a Content-Length header."
                ))
            }
            return .failure(RequestRejection(
                status: 501,
                message: "Transfer-Encoding \"\(codings)\" is not supported; "
                    + "send a plain body with Content-Length."
            ))
        }
        if head.minorVersion >= 1 && hostCount != 1 {
            return .failure(.badRequest("An HTTP/1.1 request needs exactly one Host header."))
        }

        let contentLength: Int
        switch parseContentLength(contentLengths, limit: limits.maxBodyBytes) {
        case .success(let length): contentLength = length
        case .failure(let rejection): return .failure(rejection)
        }

        var expectsContinue = false
        if let expectation {
            guard ASCII.caseInsensitiveEquals(expectation, "100-continue") else {
                return .failure(RequestRejection(
                    status: 417, message: "Only \"Expect: 100-continue\" is supported."
                ))
            }
            expectsContinue = true
        }

        let connection = connectionValues.joined(separator: ",")
        let keepAlive = head.minorVersion >= 1
            ? !ASCII.listContainsToken(connection, "close")
            : ASCII.listContainsToken(connection, "keep-alive")

        return .success(RequestFraming(
            contentLength: contentLength, keepAlive: keepAlive, expectsContinue: expectsContinue
        ))
    }

    /// Every Content-Length field must be the same run of digits (RFC 9110 §8.6); a list like
    /// "5, 5" is refused rather than interpreted.
    private static func parseContentLength(
        _ values: [String], limit: Int
    ) -> Result<Int, RequestRejection> {
        guard let first = values.first else { return .success(0) }
        guard values.allSatisfy({ $0 == first }) else {
            return .failure(.badRequest("The request has conflicting Content-Length headers."))
        }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard !first.isEmpty, first.utf8.allSatisfy(isDigit) else {
            return .failure(.badRequest("Content-Length must be a whole number of bytes."))
        }
        // A number with more digits than the limit is over it, and might overflow Int.
        let significant = first.drop { $0 == "0" }
        guard significant.utf8.count <= String(limit).utf8.count,
              let length = Int(first), length <= limit else {
            return .failure(RequestRejection(
                status: 413,
                message: "The request body is larger than the \(limit) bytes this server accepts."
            ))
        }
        return .success(length)
    }
}
