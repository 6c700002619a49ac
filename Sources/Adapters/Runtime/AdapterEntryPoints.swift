import Foundation
import WebexAPI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trackcodes serve`: the REST adapter and the MCP HTTP endpoint until SIGINT or SIGTERM.
///
/// Refuses to listen beyond loopback without an access token, and warns when it does listen
/// there. Logs go to `log` (standard error in the program).
///
/// - Parameters:
///   - client: the Webex client the CLI built (`--demo`, `--base-url` and the token are
///     settled there).
///   - service: where calls go; nil sends them straight through `client`.
///   - shutdown: when to stop; the process signals by default.
public func runServe(
    options: ServeOptions, client: WebexClient, service: (any TrackingCodeService)? = nil,
    log: AdapterLog = .standardError, shutdown: ShutdownSignal = .processSignals
) async throws(AdapterStartupError) {
    if let warning = try options.validated() { log(warning) }
    let operations = TrackingCodeOperations(
        service: service ?? DirectTrackingCodeService(client: client), client: client, readOnly: options.readOnly)
    let servers = try AdapterServers.start(options: options, operations: operations)

    let mode = options.readOnly ? " (read-only)" : ""
    log("REST adapter on \(servers.restURL.absoluteString)\(RESTRoute.codesPath)\(mode)")
    log("MCP server on \(servers.mcpURL.absoluteString)\(mode)")
    log("Webex API at \(client.baseURL.absoluteString); press Ctrl-C to stop")

    await shutdown.wait()
    log("shutting down")
    await servers.stop()
}

/// `trackcodes mcp`: the MCP server on standard input and output until the input ends or
/// SIGINT/SIGTERM arrives. Nothing but protocol messages is written to `output`.
public func runMCPStdio(
    client: WebexClient, service: (any TrackingCodeService)? = nil, readOnly: Bool = false,
    input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    log: AdapterLog = .standardError, shutdown: ShutdownSignal = .processSignals
) async {
    let operations = TrackingCodeOperations(
        service: service ?? DirectTrackingCodeService(client: client), client: client, readOnly: readOnly)
    let stdio = MCPStdioServer(server: MCPServer(operations: operations))
    log("MCP server on standard input and output\(readOnly ? " (read-only)" : ""); Webex API at "
        + client.baseURL.absoluteString)

    // Whichever comes first ends the server: the input closing, or a signal. The other wait
    // is left behind; it holds no thread, and the program ends next.
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let once = OnceFlag()
        Task {
            await stdio.run(input: input, output: output)
            if once.claim() { continuation.resume() }
        }
        Task {
            await shutdown.wait()
            if once.claim() { continuation.resume() }
        }
    }
}
