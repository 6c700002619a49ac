import Foundation
import WebexAPI

/// The request a write would send, shown instead of sending it. The bearer token is replaced.
public struct DryRunRequest: Hashable, Sendable {
    public var method: String
    public var url: String
    /// Header names as the client sends them, the `Authorization` value redacted.
    public var headers: [String: String]
    /// The JSON body, or nil for a request without one (DELETE).
    public var body: JSONValue?

    static let redactedAuthorization = "Bearer <redacted>"

    public init(_ request: HTTPRequest) {
        method = request.method
        url = request.url.absoluteString
        var shown: [String: String] = [:]
        for (name, value) in request.headers {
            let isAuthorization = name.caseInsensitiveCompare("Authorization") == .orderedSame
            shown[name] = isAuthorization ? Self.redactedAuthorization : value
        }
        headers = shown
        body = request.body.flatMap { JSONValue.parse($0) }
    }

    /// The request as one JSON object: `{method, url, headers, body}`.
    public var json: JSONValue {
        .object([
            "method": .string(method),
            "url": .string(url),
            "headers": .object(headers.mapValues { .string($0) }),
            "body": body ?? .null,
        ])
    }
}
