import Foundation
import HTTPServer

/// What `trackcodes serve` was asked for.
public struct ServeOptions: Sendable {
    /// Port of the REST adapter; 0 lets the system choose.
    public var restPort: Int
    /// Port of the MCP Streamable HTTP endpoint (`/mcp`); 0 lets the system choose.
    public var mcpPort: Int
    /// Address to bind. Anything but loopback needs `accessToken`.
    public var listenHost: String
    /// Bearer token every request must carry; nil accepts any local caller.
    public var accessToken: String?
    /// Leave out the write tools and refuse REST writes.
    public var readOnly: Bool
    public var limits: HTTPServerLimits

    public init(
        restPort: Int = 8080, mcpPort: Int = 9090, listenHost: String = "127.0.0.1",
        accessToken: String? = nil, readOnly: Bool = false, limits: HTTPServerLimits = HTTPServerLimits()
    ) {
        self.restPort = restPort
        self.mcpPort = mcpPort
        self.listenHost = listenHost
        self.accessToken = accessToken
        self.readOnly = readOnly
        self.limits = limits
    }

    /// Whether other machines could reach the servers.
    public var isExposed: Bool { !HTTPServer.isLoopback(listenHost) }

    /// Refuses options that would expose the servers without protection.
    ///
    /// - Returns: a warning to print when the servers are reachable from other machines.
    public func validated() throws(AdapterStartupError) -> String? {
        if restPort == mcpPort, restPort != 0 { throw .samePort(restPort) }
        if let accessToken, accessToken.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .emptyAccessToken
        }
        guard isExposed else { return nil }
        guard accessToken != nil else { throw .accessTokenRequired(host: listenHost) }
        return "warning: listening on \(listenHost), not loopback: other machines can reach these servers. "
            + "Every request must carry the access token, which travels in clear text over plain HTTP; "
            + "use this only on a network you trust."
    }
}

/// Why the adapters could not start, in words a person can act on.
public enum AdapterStartupError: Error, Hashable, Sendable, LocalizedError {
    case accessTokenRequired(host: String)
    case emptyAccessToken
    case samePort(Int)
    /// A server could not bind or listen; the text says why.
    case cannotListen(server: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .accessTokenRequired(let host):
            "Refusing to listen on \(host) without an access token: anyone who can reach this machine "
                + "could change your tracking codes. Add --access-token TOKEN, or listen on 127.0.0.1."
        case .emptyAccessToken:
            "The access token is empty; give a long random string."
        case .samePort(let port):
            "The REST adapter and the MCP server cannot share port \(port); give --rest-port and --mcp-port "
                + "different values."
        case .cannotListen(let server, let reason):
            "The \(server) cannot start: \(reason)"
        }
    }
}
