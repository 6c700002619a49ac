import Foundation

/// The request line and header fields of one request, parsed from its header block.
struct RequestHead {
    var method: String
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1 (and any later 1.x, which a 1.1 server treats alike).
    var minorVersion: Int
    var headers: [(name: String, value: String)]

    /// Parses a complete header block: everything up to and including the blank line.
    static func parse(
        _ block: UnsafeBufferPointer<UInt8>
    ) -> Result<RequestHead, RequestRejection> {
        var lines = CRLFLines(block)
        guard let requestLine = lines.next() else {
            return .failure(.badRequest("The request is empty."))
        }
        let line: RequestLine
        switch RequestLine.parse(requestLine) {
        case .success(let parsed): line = parsed
        case .failure(let rejection): return .failure(rejection)
        }

        var headers: [(name: String, value: String)] = []
        while let fieldLine = lines.next(), !fieldLine.isEmpty {
            switch parseField(fieldLine) {
            case .success(let field): headers.append(field)
            case .failure(let rejection): return .failure(rejection)
            }
        }
        if lines.sawBareLineFeed {
            return .failure(.badRequest("Header lines must end with CRLF, not a bare LF."))
        }
        return .success(RequestHead(
            method: line.method, target: line.target, minorVersion: line.minorVersion,
            headers: headers
        ))
    }

    /// `name: value`, with optional whitespace around the value (RFC 9112 §5).
    private static func parseField(
        _ line: UnsafeBufferPointer<UInt8>
    ) -> Result<(name: String, value: String), RequestRejection> {
        if line[0] == ASCII.space || line[0] == ASCII.tab {
            return .failure(.badRequest(
                "Folded header lines (starting with whitespace) are not accepted."
            ))
        }
        guard let colon = line.offset(of: ASCII.colon) else {
            return .failure(.badRequest("A header line has no colon."))
        }
        let name = line.bytes(upTo: colon)
        guard ASCII.isToken(name) else {
            return .failure(.badRequest(
                "A header name is empty or holds characters a name may not (spaces, controls)."
            ))
        }

        let isBlank = { (byte: UInt8) in byte == ASCII.space || byte == ASCII.tab }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd && isBlank(line[valueStart]) {
            valueStart += 1
        }
        while valueEnd > valueStart && isBlank(line[valueEnd - 1]) {
            valueEnd -= 1
        }
        let nameText = name.text
        let value = line.bytes(valueStart..<valueEnd)
        if value.contains(where: ASCII.isForbiddenInFieldValue) {
            return .failure(.badRequest(
                "The value of header \"\(nameText)\" holds control characters."
            ))
        }
        return .success((nameText, value.text))
    }
}

/// `method SP request-target SP HTTP-version`.
struct RequestLine: Equatable {
    var method: String
    var target: String
    var minorVersion: Int

    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<RequestLine, RequestRejection> {
        let malformed = RequestRejection.badRequest(
            "The request line is malformed; expected \"METHOD /path HTTP/1.1\"."
        )
        guard let firstSpace = line.offset(of: ASCII.space),
              let secondSpace = line.offset(of: ASCII.space, from: firstSpace + 1) else {
            return .failure(malformed)
        }
        let method = line.bytes(upTo: firstSpace)
        let target = line.bytes((firstSpace + 1)..<secondSpace)
        let version = line.bytes(from: secondSpace + 1)
        guard ASCII.isToken(method), !target.isEmpty, target.allSatisfy(ASCII.isVisible) else {
            return .failure(malformed)
        }

        // HTTP-version = "HTTP/" DIGIT "." DIGIT
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let isHTTP = version.count == 8 && version[0] == UInt8(ascii: "H")
            && version[1] == UInt8(ascii: "T") && version[2] == UInt8(ascii: "T")
            && version[3] == UInt8(ascii: "P") && version[4] == ASCII.slash
        guard isHTTP, isDigit(version[5]),
              version[6] == UInt8(ascii: "."), isDigit(version[7]) else {
            return .failure(malformed)
        }
        guard version[5] == UInt8(ascii: "1") else {
            return .failure(RequestRejection(
                status: 505, message: "Only HTTP/1.0 and HTTP/1.1 are supported."
            ))
        }
        return .success(RequestLine(
            method: method.text,
            target: target.text,
            minorVersion: Int(version[7] - UInt8(ascii: "0"))
        ))
    }
}

/// Splits a header block into lines ending in CRLF, without the CRLF. A line ending in a bare
/// LF is still returned (so the scan goes on) but recorded, so the caller can reject it.
private struct CRLFLines {
    private let block: UnsafeBufferPointer<UInt8>
    private var position = 0
    private(set) var sawBareLineFeed = false

    init(_ block: UnsafeBufferPointer<UInt8>) {
        self.block = block
    }

    mutating func next() -> UnsafeBufferPointer<UInt8>? {
        guard let lineFeed = block.offset(of: ASCII.lineFeed, from: position) else { return nil }
        var lineEnd = lineFeed
        if lineEnd > position && block[lineEnd - 1] == ASCII.carriageReturn {
            lineEnd -= 1
        } else {
            sawBareLineFeed = true
        }
        let line = block.bytes(position..<lineEnd)
        position = lineFeed + 1
        return line
    }
}
