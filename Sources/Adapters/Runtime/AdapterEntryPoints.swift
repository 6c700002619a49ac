import Foundation
import TrackingCodesCore
import WebexAPI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trackcodes serve`: the REST adapter and the MCP HTTP endpoint until SIGINT or SIGTERM.
///
/// Refuses to listen beyond loopback without an access token, and warns when it does listen
/// there. Every write goes through `session`'s journaled writer, as the TUI's do. Logs go to
/// `log` (standard error in the program).
///
/// - Parameters:
///   - session: built by the CLI (`--demo`, `--base-url`, the token, `--read-only` and the
///     XDG paths are settled there).
///   - shutdown: when to stop; the process signals by default.
@MainActor
public func runServe(
    options: ServeOptions, session: Session, log: AdapterLog = .standardError,
    shutdown: ShutdownSignal = .processSignals
) async throws(AdapterStartupError) {
    if let warning = try options.validated() { log(warning) }
    let readOnly = options.readOnly || session.startedReadOnly
    let operations = TrackingCodeOperations(
        service: JournaledTrackingCodeService(session: session), client: session.client, readOnly: readOnly)
    let servers = try AdapterServers.start(options: options, operations: operations)

    let mode = readOnly ? " (read-only)" : ""
    log("REST adapter on \(servers.restURL.absoluteString)\(RESTRoute.codesPath)\(mode)")
    log("MCP server on \(servers.mcpURL.absoluteString)\(mode)")
    log("Webex API at \(session.client.baseURL.absoluteString); journal at \(session.journal.fileURL.path)")
    log("press Ctrl-C to stop")

    await shutdown.wait()
    log("shutting down")
    await servers.stop()
}

/// `trackcodes mcp`: the MCP server on standard input and output until the input ends or
/// SIGINT/SIGTERM arrives. Nothing but protocol messages is written to `output`; every write
/// goes through `session`'s journaled writer.
@MainActor
public func runMCPStdio(
    session: Session, readOnly: Bool = false, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    log: AdapterLog = .standardError, shutdown: ShutdownSignal = .processSignals
) async {
    let isReadOnly = readOnly || session.startedReadOnly
    let operations = TrackingCodeOperations(
        service: JournaledTrackingCodeService(session: session), client: session.client, readOnly: isReadOnly)
    let stdio = MCPStdioServer(server: MCPServer(operations: operations))
    log("MCP server on standard input and output\(isReadOnly ? " (read-only)" : ""); Webex API at "
        + session.client.baseURL.absoluteString)

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
