import Foundation

/// The decoded parts of a request-target: the path and the query items.
struct RequestTarget: Equatable {
    var path: String
    var queryItems: [URLQueryItem]

    /// Accepts origin-form (`/path?query`), absolute-form (`http://host/path?query`) and, for
    /// OPTIONS, asterisk-form (`*`). The request line parser has already limited the target
    /// to visible ASCII.
    static func parse(_ target: String, method: String) -> Result<RequestTarget, RequestRejection> {
        var utf8 = Substring(target).utf8[...]

        if target == "*" {
            guard method == "OPTIONS" else {
                return .failure(.badRequest("The target \"*\" is only allowed with OPTIONS."))
            }
            return .success(RequestTarget(path: "*", queryItems: []))
        }
        if let afterScheme = Self.droppingScheme(utf8) {
            let authorityEnd = afterScheme.firstIndex { $0 == ASCII.slash || $0 == ASCII.questionMark }
            utf8 = afterScheme[(authorityEnd ?? afterScheme.endIndex)...]
        } else if utf8.first != ASCII.slash {
            return .failure(.badRequest("The request target must start with \"/\"."))
        }
        if utf8.contains(UInt8(ascii: "#")) {
            return .failure(.badRequest("The request target must not contain a fragment (\"#\")."))
        }

        let queryStart = utf8.firstIndex(of: ASCII.questionMark)
        let rawPath = utf8[..<(queryStart ?? utf8.endIndex)]
        guard let decodedPath = PercentDecoding.decode(rawPath) else {
            return .failure(.badRequest("The path holds a malformed %-escape or is not UTF-8."))
        }
        let path = decodedPath.isEmpty ? "/" : decodedPath

        guard let queryStart else { return .success(RequestTarget(path: path, queryItems: [])) }
        let query = utf8[utf8.index(after: queryStart)...]
        var items: [URLQueryItem] = []
        for pair in query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = pair[..<(equals ?? pair.endIndex)]
            guard let name = PercentDecoding.decode(rawName) else {
                return .failure(.badRequest("A query name holds a malformed %-escape or is not UTF-8."))
            }
            var value: String?
            if let equals {
                guard let decoded = PercentDecoding.decode(pair[pair.index(after: equals)...]) else {
                    return .failure(.badRequest(
                        "The value of query item \"\(name)\" holds a malformed %-escape or is not UTF-8."
                    ))
                }
                value = decoded
            }
            items.append(URLQueryItem(name: name, value: value))
        }
        return .success(RequestTarget(path: path, queryItems: items))
    }

    /// The rest of an absolute-form target after `http://` or `https://`, or nil.
    private static func droppingScheme(_ utf8: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence? {
        for scheme in ["http://", "https://"] {
            let prefix = scheme.utf8
            if utf8.count >= prefix.count,
               zip(utf8, prefix).allSatisfy({ ASCII.lowercased($0) == $1 }) {
                return utf8.dropFirst(prefix.count)
            }
        }
        return nil
    }
}
