import Foundation

/// What a handler answers. The server adds `Content-Length`, `Date` and `Connection` itself and
/// ignores those fields (and `Transfer-Encoding`) if the handler sets them; a field whose name is
/// not a token or whose value holds CR, LF or NUL is dropped rather than sent.
public struct HTTPServerResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with `Content-Type: application/json;charset=UTF-8`.
    public static func json(
        _ status: Int,
        _ data: Data,
        headers: [(name: String, value: String)] = []
    ) -> HTTPServerResponse {
        HTTPServerResponse(
            status: status,
            headers: [(name: "Content-Type", value: "application/json;charset=UTF-8")] + headers,
            body: data
        )
    }

    /// A plain-text body with `Content-Type: text/plain;charset=UTF-8`.
    public static func text(_ status: Int, _ text: String) -> HTTPServerResponse {
        HTTPServerResponse(
            status: status,
            headers: [(name: "Content-Type", value: "text/plain;charset=UTF-8")],
            body: Data(text.utf8)
        )
    }

    /// The value of the first header field with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { ASCII.caseInsensitiveEquals($0.name, name) }?.value
    }
}
