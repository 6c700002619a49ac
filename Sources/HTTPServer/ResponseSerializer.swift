import Foundation

/// Turns a response into the bytes sent on the wire: status line, fields, blank line, body.
enum ResponseSerializer {
    /// Fields the server writes itself; a handler's copies would contradict the framing.
    private static let serverOwnedFields = [
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Date",
    ]

    /// - Parameters:
    ///   - isHeadRequest: send the fields but not the body. `Content-Length` is the body's
    ///     length, or, when the handler answered HEAD with no body, the length it declared.
    ///   - closeConnection: say `Connection: close`; the server closes after sending.
    ///   - announceKeepAlive: say `Connection: keep-alive`, which HTTP/1.0 clients need.
    static func serialize(
        _ response: HTTPServerResponse,
        isHeadRequest: Bool,
        closeConnection: Bool,
        announceKeepAlive: Bool,
        date: String
    ) -> [UInt8] {
        // Interim (1xx) answers cannot end an exchange, and a status must be three digits.
        let isValidStatus = (200...999).contains(response.status)
        let status = isValidStatus ? response.status : 500
        let body = isValidStatus
            ? response.body
            : Data("The handler returned an invalid status.".utf8)
        // RFC 9110 §6.4.1: 204 and 304 have no content, and 204 no Content-Length either.
        let hasNoContent = status == 204 || status == 304
        let sendsBody = !isHeadRequest && !hasNoContent && !body.isEmpty

        var head = "HTTP/1.1 \(status) \(reasonPhrase(for: status))\r\nDate: \(date)\r\n"
        if isValidStatus {
            for (name, value) in response.headers where isSendable(name: name, value: value) {
                head += "\(name): \(value)\r\n"
            }
        }
        if !hasNoContent {
            let declared = isHeadRequest && body.isEmpty
                ? response.header("Content-Length").flatMap(Self.parseLength)
                : nil
            head += "Content-Length: \(declared ?? body.count)\r\n"
        }
        if closeConnection {
            head += "Connection: close\r\n"
        } else if announceKeepAlive {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"

        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count + (sendsBody ? body.count : 0))
        bytes.append(contentsOf: head.utf8)
        if sendsBody {
            bytes.append(contentsOf: body)
        }
        return bytes
    }

    /// A final answer the server writes on its own (errors, the 503 for a full server), in
    /// the shape `responder` gives it, else as plain text.
    static func serializeRejection(
        _ rejection: RequestRejection, date: String, responder: HTTPServer.RejectionResponder?
    ) -> [UInt8] {
        var response = responder?(rejection.status, rejection.message)
            ?? .text(rejection.status, rejection.message + "\n")
        response.status = rejection.status
        return serialize(
            response, isHeadRequest: false, closeConnection: true, announceKeepAlive: false,
            date: date
        )
    }

    static let continueInterim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private static func parseLength(_ value: String) -> Int? {
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard !value.isEmpty, value.utf8.allSatisfy(isDigit) else { return nil }
        return Int(value)
    }

    private static func isSendable(name: String, value: String) -> Bool {
        guard ASCII.isToken(name.utf8) else { return false }
        guard !serverOwnedFields.contains(where: { ASCII.caseInsensitiveEquals($0, name) }) else {
            return false
        }
        return !value.utf8.contains {
            $0 == ASCII.carriageReturn || $0 == ASCII.lineFeed || $0 == 0
        }
    }

    static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 423: "Locked"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        case 200..<300: "Success"
        case 300..<400: "Redirection"
        case 400..<500: "Client Error"
        default: "Server Error"
        }
    }
}
