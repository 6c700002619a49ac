import Foundation

/// The decoded parts of a request-target: the path and the query items.
struct RequestTarget: Equatable {
    var path: String
    var queryItems: [URLQueryItem]

    /// Accepts origin-form (`/path?query`), absolute-form (`http://host/path?query`) and, for
    /// OPTIONS, asterisk-form (`*`). The request line parser has already limited the target
    /// to visible ASCII.
    static func parse(_ target: String, method: String) -> Result<RequestTarget, RequestRejection> {
        if target == "*" {
            guard method == "OPTIONS" else {
                return .failure(.badRequest("The target \"*\" is only allowed with OPTIONS."))
            }
            return .success(RequestTarget(path: "*", queryItems: []))
        }
        var target = target
        return target.withUTF8(parse(bytes:))
    }

    private static func parse(
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Result<RequestTarget, RequestRejection> {
        var pathStart = 0
        if let authorityStart = lengthOfScheme(bytes) {
            // Absolute-form: skip the authority; the path is what follows it, "/" if nothing.
            pathStart = authorityStart
            while pathStart < bytes.count
                && bytes[pathStart] != ASCII.slash && bytes[pathStart] != ASCII.questionMark {
                pathStart += 1
            }
        } else if bytes.first != ASCII.slash {
            return .failure(.badRequest("The request target must start with \"/\"."))
        }
        if bytes.offset(of: UInt8(ascii: "#"), from: pathStart) != nil {
            return .failure(.badRequest("The request target must not contain a fragment (\"#\")."))
        }

        let queryStart = bytes.offset(of: ASCII.questionMark, from: pathStart)
        let rawPath = bytes.bytes(pathStart..<(queryStart ?? bytes.count))
        guard let decodedPath = PercentDecoding.decode(rawPath) else {
            return .failure(.badRequest("The path holds a malformed %-escape or is not UTF-8."))
        }
        let path = decodedPath.isEmpty ? "/" : decodedPath
        guard let queryStart else { return .success(RequestTarget(path: path, queryItems: [])) }

        switch parseQuery(bytes.bytes(from: queryStart + 1)) {
        case .success(let items): return .success(RequestTarget(path: path, queryItems: items))
        case .failure(let rejection): return .failure(rejection)
        }
    }

    /// `name=value` pairs separated by `&`; empty pairs are skipped, `name` alone has no value.
    private static func parseQuery(
        _ query: UnsafeBufferPointer<UInt8>
    ) -> Result<[URLQueryItem], RequestRejection> {
        var items: [URLQueryItem] = []
        var pairStart = 0
        while pairStart < query.count {
            let pairEnd = query.offset(of: UInt8(ascii: "&"), from: pairStart) ?? query.count
            defer { pairStart = pairEnd + 1 }
            guard pairEnd > pairStart else { continue }

            let pair = query.bytes(pairStart..<pairEnd)
            let equals = pair.offset(of: UInt8(ascii: "="))
            guard let name = PercentDecoding.decode(pair.bytes(upTo: equals ?? pair.count)) else {
                return .failure(.badRequest(
                    "A query name holds a malformed %-escape or is not UTF-8."
                ))
            }
            var value: String?
            if let equals {
                guard let decoded = PercentDecoding.decode(pair.bytes(from: equals + 1)) else {
                    return .failure(.badRequest(
                        "The value of query item \"\(name)\" holds a malformed %-escape "
                            + "or is not UTF-8."
                    ))
                }
                value = decoded
            }
            items.append(URLQueryItem(name: name, value: value))
        }
        return .success(items)
    }

    /// The length of a leading `http://` or `https://` (any case), or nil.
    private static func lengthOfScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.first != ASCII.slash else { return nil }
        for scheme in ["http://", "https://"] {
            let prefix = Array(scheme.utf8)
            let matches = bytes.count >= prefix.count
                && prefix.indices.allSatisfy { ASCII.lowercased(bytes[$0]) == prefix[$0] }
            if matches { return prefix.count }
        }
        return nil
    }
}
