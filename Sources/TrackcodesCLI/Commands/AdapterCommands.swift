import Adapters
import Foundation
import HTTPServer
import WebexAPI

/// `trackcodes serve` and `trackcodes mcp`: the REST adapter and the MCP server, over the same
/// client, rules and journal as the terminal UI.
enum AdapterCommands {
    static let restPort = SingleOption("rest-port", value: "N", help: "Port of the REST adapter (default 8080)")
    static let mcpPort = SingleOption("mcp-port", value: "N", help: "Port of the MCP server's /mcp endpoint (default 9090)")
    static let listen = SingleOption("listen", value: "HOST", help: "Address to bind (default 127.0.0.1)")
    static let accessToken = SingleOption(
        "access-token", value: "TOKEN",
        help: "Bearer token clients must send; required beyond loopback (visible in the process list: prefer --access-token-file)")
    static let accessTokenFile = SingleOption(
        "access-token-file", value: "PATH", help: "Read the clients' bearer token from PATH (owner-only file)")

    static let serve = CommandSpec(
        name: "serve",
        summary: "Serve the REST adapter and the MCP server (Streamable HTTP) on local ports",
        discussion: """
            REST: GET/POST /v1/admin/meeting/config/trackingcodes, GET/PUT/DELETE \
            /v1/admin/meeting/config/trackingcodes/{id}, GET/PUT /v1/admin/meeting/userconfig/trackingcodes, \
            plus /openapi.json and /healthz. MCP: POST /mcp on the MCP port. Both bind 127.0.0.1 \
            unless --listen says otherwise, which then needs an access token. Stop with Ctrl-C.
            """,
        options: [restPort.spec, mcpPort.spec, listen.spec, accessToken.spec, accessTokenFile.spec],
        action: serveAction)

    static let mcp = CommandSpec(
        name: "mcp",
        summary: "Run the MCP server on standard input and output",
        discussion: "Speaks JSON-RPC lines on stdin/stdout (nothing else is written to stdout); logs go to stderr.",
        action: mcpAction)

    @MainActor
    static func serveAction(_ invocation: CommandInvocation) async throws -> ExitCode {
        let parsed = invocation.parsed
        var options = ServeOptions(
            restPort: try port(parsed[restPort], option: restPort.spec, default: 8080),
            mcpPort: try port(parsed[mcpPort], option: mcpPort.spec, default: 9090),
            listenHost: parsed[listen] ?? "127.0.0.1",
            readOnly: invocation.isReadOnly)
        if let path = parsed[accessTokenFile] {
            options.accessToken = try AccessToken.fromFile(path).secret
        } else if let token = parsed[accessToken] {
            options.accessToken = token
        }
        let connection = try invocation.connect()
        let finalOptions = options
        try await JournaledWrites.withSession(invocation, on: connection) { session in
            do {
                try await runServe(options: finalOptions, session: session)
            } catch {
                throw CLIFailure(error.localizedDescription, exitCode: .usage)
            }
        }
        return .success
    }

    @MainActor
    static func mcpAction(_ invocation: CommandInvocation) async throws -> ExitCode {
        let connection = try invocation.connect()
        let readOnly = invocation.isReadOnly
        try await JournaledWrites.withSession(invocation, on: connection) { session in
            await runMCPStdio(session: session, readOnly: readOnly)
        }
        return .success
    }

    private static func port(_ raw: String?, option: OptionSpec, default value: Int) throws -> Int {
        guard let raw else { return value }
        guard let number = Int(raw), (0...65535).contains(number) else {
            throw CLIFailure.invalidInput("\(option.spelling) takes a port number from 0 to 65535, not '\(raw)'")
        }
        return number
    }
}
