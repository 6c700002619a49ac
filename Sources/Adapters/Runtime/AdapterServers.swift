import Foundation
import HTTPServer

/// The REST adapter and the MCP HTTP endpoint, each on its own port, started together.
public final class AdapterServers: Sendable {
    public let restPort: Int
    public let mcpPort: Int
    public let host: String
    private let rest: HTTPServer
    private let mcp: HTTPServer

    private init(rest: HTTPServer, restPort: Int, mcp: HTTPServer, mcpPort: Int, host: String) {
        self.rest = rest
        self.restPort = restPort
        self.mcp = mcp
        self.mcpPort = mcpPort
        self.host = host
    }

    /// Binds both servers. Does not check `options` (see `ServeOptions.validated()`).
    public static func start(
        options: ServeOptions, operations: TrackingCodeOperations
    ) throws(AdapterStartupError) -> AdapterServers {
        let policy = AccessPolicy(listenHost: options.listenHost, accessToken: options.accessToken)
        let adapter = RESTAdapter(operations: operations, policy: policy)
        let endpoint = MCPHTTPEndpoint(server: MCPServer(operations: operations), policy: policy)

        let host = options.listenHost
        let rest = HTTPServer(
            host: host, port: options.restPort, limits: options.limits,
            rejectionResponder: { RESTErrorResponse.rejection(status: $0, sentence: $1) }
        ) { request in
            await adapter.handle(request)
        }
        let mcp = HTTPServer(host: host, port: options.mcpPort, limits: options.limits) { request in
            await endpoint.handle(request)
        }
        let restPort: Int
        do {
            restPort = try rest.start()
        } catch {
            throw .cannotListen(server: "REST adapter", reason: Self.reason(error))
        }
        do {
            let mcpPort = try mcp.start()
            return AdapterServers(rest: rest, restPort: restPort, mcp: mcp, mcpPort: mcpPort, host: host)
        } catch {
            rest.stop()
            throw .cannotListen(server: "MCP server", reason: Self.reason(error))
        }
    }

    /// Base URL of the REST adapter, e.g. `http://127.0.0.1:8080`.
    public var restURL: URL { Self.url(host, restPort, "") }
    /// URL of the MCP endpoint, e.g. `http://127.0.0.1:9090/mcp`.
    public var mcpURL: URL { Self.url(host, mcpPort, MCPHTTPEndpoint.path) }

    /// Stops both servers, letting requests in progress finish. The servers' blocking stop
    /// runs on its own thread, so the cooperative pool keeps serving those requests meanwhile.
    public func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread { [rest, mcp] in
                rest.stop()
                mcp.stop()
                continuation.resume()
            }
            thread.name = "trackcodes-stop"
            thread.start()
        }
    }

    private static func url(_ host: String, _ port: Int, _ path: String) -> URL {
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        // Host, port and path are ours and well formed, so the URL always parses.
        return URL(string: "http://\(shownHost):\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    private static func reason(_ error: any Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
