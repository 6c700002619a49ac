import Foundation

/// A request as the client builds it; transports only move bytes.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    /// Header names as sent; look-ups through `header(_:)` ignore case.
    public var headers: [String: String]
    public var body: Data?

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first(where: { $0.key.caseInsensitiveCompare(name) == .orderedSame })?.value
    }

    /// The request as a person may see it: the bearer token replaced.
    public var redactedDescription: String {
        var lines = ["\(method) \(url.absoluteString)"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            let shown = name.caseInsensitiveCompare("Authorization") == .orderedSame ? "Bearer <redacted>" : value
            lines.append("\(name): \(shown)")
        }
        if let body, !body.isEmpty {
            lines.append("")
            lines.append(String(decoding: body, as: UTF8.self))
        }
        return lines.joined(separator: "\n")
    }
}

public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Keys are lower-cased, so look-ups are case-insensitive as HTTP requires.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why bytes did not arrive. Kept apart from API errors so the user hears "network", not "Webex said".
public enum TransportFailure: Error, Hashable, Sendable {
    case connectionRefused(host: String)
    case timedOut
    case cannotResolveHost(String)
    case tls(String)
    /// The connection dropped after the request may have reached the server.
    case connectionLost
    case other(String)
}

/// An answer whose body was larger than the transport reads; the rest was not downloaded.
public struct ResponseTooLarge: Error, Hashable, Sendable {
    public var status: Int
    /// The most bytes the transport reads.
    public var limit: Int
    /// The answer's `TrackingID` header, when it had one.
    public var trackingId: String?

    public init(status: Int, limit: Int, trackingId: String?) {
        self.status = status
        self.limit = limit
        self.trackingId = trackingId
    }
}

/// Moves one request to a Webex-shaped server. URLSession in production, the sandbox in tests.
public protocol HTTPTransport: Sendable {
    /// Throws `TransportFailure` when no HTTP response arrived, `ResponseTooLarge` when the body
    /// passed the transport's limit, `CancellationError` when cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
