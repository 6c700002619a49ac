import Adapters
import Foundation
import Testing
import WebexAPI

/// The Streamable HTTP transport's rules, checked with raw requests over loopback.
@Suite("MCP over Streamable HTTP")
struct MCPHTTPEndpointTests {
    typealias M = MCPMessages

    /// Headers a 2026-07-28 client sends with `message`.
    static func modernHeaders(_ method: String, name: String? = nil, version: String = M.modern) -> [String: String] {
        var headers = [
            "Accept": "application/json, text/event-stream", "MCP-Protocol-Version": version, "Mcp-Method": method,
        ]
        if let name { headers["Mcp-Name"] = name }
        return headers
    }

    private func post(_ servers: AdapterServers, _ message: JSONValue, _ headers: [String: String]) async throws -> HTTPResult {
        try await HTTP.call("POST", servers.mcpURL, body: M.text(message), headers: headers)
    }

    @Test("A 2026-07-28 call with matching headers is answered 200 with resultType")
    func servesModernCalls() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let call = M.call(1, "list-tracking-codes", [:], modern: true)
            let answer = try await post(servers, call, Self.modernHeaders("tools/call", name: "list-tracking-codes"))
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(answer.json?["result"]?["resultType"] == .string("complete"))
            #expect(answer.header("Mcp-Session-Id") == nil)

            // A name outside plain ASCII travels base64-wrapped and still matches.
            let encoded = "=?base64?\(Data("list-tracking-codes".utf8).base64EncodedString())?="
            let wrapped = try await post(servers, call, Self.modernHeaders("tools/call", name: encoded))
            #expect(wrapped.status == 200)
        }
    }

    @Test("Headers that are missing or disagree with the body are 400 HeaderMismatch (-32020)")
    func refusesHeaderMismatches() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let call = M.call(2, "list-tracking-codes", [:], modern: true)
            var headers = Self.modernHeaders("tools/call", name: "list-tracking-codes")

            headers["Mcp-Method"] = nil
            let noMethod = try await post(servers, call, headers)
            #expect(noMethod.status == 400)
            #expect(noMethod.json?.errorCode == -32020)
            #expect(noMethod.json?["id"] == .number(2))

            let wrongName = try await post(servers, call, Self.modernHeaders("tools/call", name: "delete-tracking-code"))
            #expect(wrongName.status == 400)
            #expect(wrongName.json?.errorCode == -32020)

            let noName = try await post(servers, call, Self.modernHeaders("tools/call"))
            #expect(noName.json?.errorCode == -32020)

            let otherVersion = try await post(
                servers, call, Self.modernHeaders("tools/call", name: "list-tracking-codes", version: M.handshake))
            #expect(otherVersion.status == 400)
            #expect(otherVersion.json?.errorCode == -32020)
        }
    }

    @Test("An unsupported version is 400 -32022 naming ours; an unknown method 404 -32601")
    func answersVersionAndMethodErrors() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let future = M.modernRequest(3, "tools/list", version: "2099-01-01")
            let answer = try await post(servers, future, Self.modernHeaders("tools/list", version: "2099-01-01"))
            #expect(answer.status == 400)
            #expect(answer.json?.errorCode == -32022)
            #expect(answer.json?["error"]?["data"]?["supported"]?.arrayValue?.contains(.string(M.modern)) == true)

            let unknown = try await post(servers, M.modernRequest(4, "prompts/list"), Self.modernHeaders("prompts/list"))
            #expect(unknown.status == 404)
            #expect(unknown.json?.errorCode == -32601)
        }
    }

    @Test("2025-11-25: initialize without headers, then calls with the version header; no session id")
    func servesTheHandshakeEra() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let accept = ["Accept": "application/json, text/event-stream"]
            let initialize = try await post(servers, M.initialize(5), accept)
            #expect(initialize.status == 200)
            #expect(initialize.json?["result"]?["protocolVersion"] == .string(M.handshake))
            #expect(initialize.header("Mcp-Session-Id") == nil)

            let initialized: JSONValue = .object([
                "jsonrpc": .string("2.0"), "method": .string("notifications/initialized"),
            ])
            let acknowledged = try await post(servers, initialized, accept.merging(["MCP-Protocol-Version": M.handshake]) { $1 })
            #expect(acknowledged.status == 202)
            #expect(acknowledged.body.isEmpty)

            let list = try await post(
                servers, M.request(6, "tools/list"), accept.merging(["MCP-Protocol-Version": M.handshake]) { $1 })
            #expect(list.status == 200)
            #expect(list.json?["result"]?["tools"]?.arrayValue?.count == 7)

            let badVersion = try await post(
                servers, M.request(7, "tools/list"), accept.merging(["MCP-Protocol-Version": "1999-01-01"]) { $1 })
            #expect(badVersion.status == 400)
        }
    }

    @Test("GET and DELETE are 405; bad JSON 400 -32700; an Accept without JSON 406")
    func refusesOtherShapes() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let get = try await HTTP.call("GET", servers.mcpURL, headers: ["Accept": "text/event-stream"])
            #expect(get.status == 405)
            #expect(get.header("Allow") == "POST")
            #expect(try await HTTP.call("DELETE", servers.mcpURL).status == 405)

            let broken = try await HTTP.call("POST", servers.mcpURL, body: "{not json")
            #expect(broken.status == 400)
            #expect(broken.json?.errorCode == -32700)
            #expect(broken.json?["id"] == .null)

            let html = try await post(servers, M.initialize(8), ["Accept": "text/html"])
            #expect(html.status == 406)
        }
    }

    @Test("A foreign Origin is 403; a loopback Origin is served")
    func checksOrigin() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let foreign = try await post(servers, M.initialize(9), ["Origin": "https://attacker.example"])
            #expect(foreign.status == 403)
            #expect(foreign.json?["error"] != nil)

            let local = try await post(servers, M.initialize(10), ["Origin": "http://127.0.0.1:6274"])
            #expect(local.status == 200)
        }
    }
}
