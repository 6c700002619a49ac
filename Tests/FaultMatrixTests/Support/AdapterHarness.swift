import Foundation
import HTTPServer
import TrackingCodesCore
import WebexAPI

@testable import Adapters

/// Both adapters over the program's own wiring: a session whose client meets the environment's
/// fault, writes through its journal. Requests are handed to the adapters in-process; the
/// HTTP server in front of them has tests of its own.
@MainActor
struct AdapterHarness {
    let session: Session
    let rest: RESTAdapter
    let mcp: MCPServer

    init(_ environment: FaultEnvironment) {
        let client = environment.makeClient()
        session = Session(client: client, callLog: APICallLog(), paths: environment.paths)
        let operations = TrackingCodeOperations(
            service: JournaledTrackingCodeService(session: session), client: client)
        rest = RESTAdapter(
            operations: operations, policy: AccessPolicy(listenHost: "127.0.0.1", accessToken: nil))
        mcp = MCPServer(operations: operations)
    }

    /// A REST request as our HTTP server would hand it over, from a local client.
    func rest(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: Data? = nil
    ) async -> HTTPServerResponse {
        var target = path
        if !query.isEmpty {
            target += "?" + query.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
        }
        var headers = [(name: "Host", value: "127.0.0.1:8080")]
        if body != nil { headers.append((name: "Content-Type", value: "application/json")) }
        let request = HTTPServerRequest(
            method: method, target: target, path: path, queryItems: query, headers: headers,
            body: body ?? Data(),
            remoteAddress: "127.0.0.1:50000")
        return await rest.handle(request)
    }

    /// The result of an MCP `tools/call`.
    func callTool(_ name: String, _ arguments: [String: JSONValue]) async -> JSONValue? {
        let message: JSONValue = .object([
            "jsonrpc": .string("2.0"), "id": .number(1), "method": .string("tools/call"),
            "params": .object(["name": .string(name), "arguments": .object(arguments)]),
        ])
        return await mcp.handle(message)?["result"]
    }

    /// The journal's records so far.
    func journal() throws -> [JournalRecord] {
        try session.journal.read().records
    }
}

extension TrackingCodeDraft {
    /// The draft as a JSON object, the shape both adapters take.
    var jsonObject: [String: JSONValue] {
        guard let data = try? JSONEncoder().encode(self),
            case .object(let fields)? = JSONValue.parse(data)
        else {
            return [:]
        }
        return fields
    }
}
