import Foundation
import HTTPServer

/// Who may use the adapters' HTTP endpoints.
///
/// - On a loopback address, the `Host` header must name a loopback host: a web page that
///   rebinds its own DNS name to 127.0.0.1 cannot read or write through the adapters.
/// - A present `Origin` must be a loopback origin, so another site's page cannot post to them.
/// - With an access token, every request must carry it as `Authorization: Bearer …`; it is
///   compared in constant time.
public struct AccessPolicy: Sendable {
    /// Why a request is turned away.
    public enum Denial: Hashable, Sendable {
        case foreignHost(String)
        case foreignOrigin(String)
        case missingToken
        case wrongToken

        /// 401 for a token problem, 403 otherwise (421 would suit the host, but browsers and
        /// scripts handle 403 more plainly).
        public var status: Int {
            switch self {
            case .missingToken, .wrongToken: 401
            case .foreignHost, .foreignOrigin: 403
            }
        }

        public var sentence: String {
            switch self {
            case .foreignHost(let host):
                "The Host header '\(host)' is not a loopback name; this server answers only requests "
                    + "addressed to localhost or 127.0.0.1."
            case .foreignOrigin(let origin):
                "Requests from the web origin '\(origin)' are refused; only local origins may call this server."
            case .missingToken:
                "This server needs an access token: send 'Authorization: Bearer <token>' with the token "
                    + "given to --access-token."
            case .wrongToken:
                "The access token is not the one this server was started with (--access-token)."
            }
        }
    }

    public let listenHost: String
    private let accessToken: [UInt8]?

    public init(listenHost: String, accessToken: String?) {
        self.listenHost = listenHost
        self.accessToken = accessToken.map { Array($0.utf8) }
    }

    /// The reason to refuse `request`, or nil to serve it.
    public func denial(for request: HTTPServerRequest) -> Denial? {
        if HTTPServer.isLoopback(listenHost), let host = request.header("Host"),
           !HTTPServer.isLoopback(Self.hostName(fromHostHeader: host)) {
            return .foreignHost(host)
        }
        if let origin = request.header("Origin"), !Self.isLoopbackOrigin(origin) {
            return .foreignOrigin(origin)
        }
        if let accessToken {
            guard let given = Self.bearerToken(request.header("Authorization")) else { return .missingToken }
            guard Self.constantTimeEquals(expected: accessToken, given: Array(given.utf8)) else {
                return .wrongToken
            }
        }
        return nil
    }

    // MARK: - Parts

    /// The host of a `Host` header: `example.com:8080` → `example.com`, `[::1]:80` → `::1`.
    static func hostName(fromHostHeader value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
        }
        if let colon = trimmed.lastIndex(of: ":") { return String(trimmed[..<colon]) }
        return trimmed
    }

    /// `http://localhost:3000`, `https://127.0.0.1`, `http://[::1]:8080`. The opaque origin
    /// `null` (sandboxed frames, files) is not local.
    static func isLoopbackOrigin(_ origin: String) -> Bool {
        guard let components = URLComponents(string: origin.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return false }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return HTTPServer.isLoopback(bare)
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Compares without an early exit, so the time taken tells nothing about how much of a
    /// guess was right; it depends only on the expected token's length.
    static func constantTimeEquals(expected: [UInt8], given: [UInt8]) -> Bool {
        var difference: UInt8 = expected.count == given.count ? 0 : 1
        for index in 0..<expected.count {
            let other = index < given.count ? given[index] : 0
            difference |= expected[index] ^ other
        }
        return difference == 0
    }
}
