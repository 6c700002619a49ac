import Foundation

/// One parsed HTTP request, as the server hands it to its handler.
public struct HTTPServerRequest: Sendable {
    /// The method exactly as received (methods are case-sensitive, so "get" is not "GET").
    public var method: String
    /// The raw request-target, e.g. `/v1/a?b=c`.
    public var target: String
    /// The percent-decoded path without the query. `%2F` decodes to `/`; handlers that must tell
    /// an encoded slash from a separator should split `target` themselves.
    public var path: String
    /// The decoded query items, in order. A `+` stays a `+` (our clients send a space as `%20`);
    /// an item without `=` has a nil value.
    public var queryItems: [URLQueryItem]
    /// The header fields in the order received, names as spelled by the client.
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// The peer as `address:port` (`[address]:port` for IPv6).
    public var remoteAddress: String

    public init(
        method: String,
        target: String,
        path: String,
        queryItems: [URLQueryItem] = [],
        headers: [(name: String, value: String)] = [],
        body: Data = Data(),
        remoteAddress: String = ""
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The value of the first header field with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { ASCII.caseInsensitiveEquals($0.name, name) }?.value
    }

    /// The value of the first query item with this name (names are case-sensitive).
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
