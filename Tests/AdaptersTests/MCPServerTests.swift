@testable import Adapters
import Foundation
import Testing
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// The MCP protocol core, message by message, against an in-process sandbox.
@Suite("MCP server protocol core")
struct MCPServerTests {
    typealias M = MCPMessages

    static let toolNames: Set<String> = [
        "list-tracking-codes", "create-tracking-code", "get-tracking-code", "update-tracking-code",
        "delete-tracking-code", "get-user-tracking-codes", "update-user-tracking-codes",
    ]

    private func server(readOnly: Bool = false) async throws -> (MCPServer, AdapterFixture) {
        let fixture = try await AdapterFixture.make(readOnly: readOnly)
        return (MCPServer(operations: fixture.operations), fixture)
    }

    // MARK: - Handshake and discovery

    @Test("initialize answers 2025-11-25 with the tools capability, whatever version is proposed",
          arguments: ["2025-11-25", "2025-06-18"])
    func initializes(proposed: String) async throws {
        let (server, _) = try await server()
        let answer = try #require(await server.handle(M.initialize(1, version: proposed)))
        #expect(answer["id"] == .number(1))
        #expect(answer["result"]?["protocolVersion"]?.stringValue == "2025-11-25")
        #expect(answer["result"]?["capabilities"]?["tools"] != nil)
        #expect(answer["result"]?["serverInfo"]?["name"]?.stringValue == "trackcodes")
        #expect(
            answer["result"]?["serverInfo"]?["version"]?.stringValue == TrackcodesVersion.current)
        #expect(answer["result"]?["resultType"] == nil)
    }

    @Test("server/discover lists both revisions and stamps resultType and serverInfo")
    func discovers() async throws {
        let (server, _) = try await server()
        let answer = try #require(await server.handle(M.modernRequest(2, "server/discover")))
        let result = try #require(answer["result"])
        #expect(result["supportedVersions"]?.arrayValue == [.string("2026-07-28"), .string("2025-11-25")])
        #expect(result["resultType"]?.stringValue == "complete")
        #expect(result["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"]?.stringValue == "trackcodes")
        #expect(result["capabilities"]?["tools"] != nil)
        #expect(result["ttlMs"]?.numberValue != nil && result["cacheScope"]?.stringValue != nil)
    }

    @Test("A modern request without its envelope is invalid params; an unknown version is -32022")
    func checksTheEnvelope() async throws {
        let (server, _) = try await server()
        let bare = try #require(await server.handle(M.request(3, "server/discover")))
        #expect(bare.errorCode == -32602)

        var partial = M.request(4, "tools/list", [
            "_meta": .object(["io.modelcontextprotocol/protocolVersion": .string(M.modern)]),
        ])
        let missing = try #require(await server.handle(partial))
        #expect(missing.errorCode == -32602)
        #expect(missing["error"]?["message"]?.stringValue?.contains("clientCapabilities") == true)

        partial = M.modernRequest(5, "tools/list", version: "2099-01-01")
        let future = try #require(await server.handle(partial))
        #expect(future.errorCode == -32022)
        #expect(future["error"]?["data"]?["requested"]?.stringValue == "2099-01-01")
        #expect(future["error"]?["data"]?["supported"]?.arrayValue?.contains(.string("2026-07-28")) == true)
    }

    @Test("ping belongs to the handshake era only")
    func pings() async throws {
        let (server, _) = try await server()
        #expect(try #require(await server.handle(M.request(6, "ping")))["result"] == .object([:]))
        #expect(try #require(await server.handle(M.modernRequest(7, "ping"))).errorCode == -32601)
    }

    @Test("Unknown methods are -32601; malformed messages -32600 with a null id; notifications get nothing")
    func refusesProtocolMisuse() async throws {
        let (server, _) = try await server()
        #expect(try #require(await server.handle(M.request(8, "resources/list"))).errorCode == -32601)

        let batch = try #require(await server.handle(.array([M.request(9, "ping")])))
        #expect(batch.errorCode == -32600)
        #expect(batch["id"] == .null)

        let noVersion: JSONValue = .object(["id": .number(10), "method": .string("ping")])
        let refused = try #require(await server.handle(noVersion))
        #expect(refused.errorCode == -32600)
        #expect(refused["id"] == .number(10))

        let notification: JSONValue = .object([
            "jsonrpc": .string("2.0"), "method": .string("notifications/initialized"),
        ])
        #expect(await server.handle(notification) == nil)
    }

    // MARK: - Tools

    @Test("tools/list has the seven tools with real schemas and the asked-for annotations")
    func listsTools() async throws {
        let (server, _) = try await server()
        let answer = try #require(await server.handle(M.request(11, "tools/list")))
        let tools = try #require(answer["result"]?["tools"]?.arrayValue)
        #expect(Set(tools.compactMap { $0["name"]?.stringValue }) == Self.toolNames)

        func tool(_ name: String) throws -> JSONValue {
            try #require(tools.first { $0["name"]?.stringValue == name })
        }
        for name in ["list-tracking-codes", "get-tracking-code", "get-user-tracking-codes"] {
            let hints = try tool(name)["annotations"]
            #expect(hints?["readOnlyHint"] == .bool(true))
            #expect(hints?["idempotentHint"] == .bool(true))
        }
        #expect(try tool("create-tracking-code")["annotations"]?["idempotentHint"] == .bool(false))
        #expect(try tool("update-tracking-code")["annotations"]?["idempotentHint"] == .bool(true))
        #expect(try tool("update-user-tracking-codes")["annotations"]?["idempotentHint"] == .bool(true))
        #expect(try tool("delete-tracking-code")["annotations"]?["destructiveHint"] == .bool(true))
        #expect(try tool("delete-tracking-code")["annotations"]?["idempotentHint"] == .bool(true))
        for candidate in tools {
            #expect(candidate["annotations"]?["openWorldHint"] == .bool(true))
            #expect(candidate["inputSchema"]?["type"]?.stringValue == "object")
            #expect(candidate["outputSchema"]?["type"]?.stringValue == "object")
        }

        let create = try tool("create-tracking-code")["inputSchema"]
        #expect(create?["properties"]?["inputMode"]?["enum"]?.arrayValue
            == [.string("text"), .string("select"), .string("editableSelect"), .string("hostProfileSelect")])
        #expect(create?["properties"]?["name"]?["maxLength"] == .number(120))
        #expect(create?["properties"]?["options"]?["items"]?["properties"]?["defaultValue"]?["type"]
            == .string("boolean"))
        #expect(create?["properties"]?["scheduleStartCodes"]?["items"]?["properties"]?["service"]?["enum"]?
            .arrayValue?.count == 5)
        #expect(create?["properties"]?["dryRun"]?["type"] == .string("boolean"))
    }

    @Test("2026-07-28 tools/list carries resultType and cache hints")
    func listsToolsModern() async throws {
        let (server, _) = try await server()
        let result = try #require(await server.handle(M.modernRequest(12, "tools/list"))?["result"])
        #expect(result["resultType"] == .string("complete"))
        #expect(result["cacheScope"] != nil && result["ttlMs"] != nil)
        #expect(result["tools"]?.arrayValue?.count == 7)
    }

    @Test("--read-only leaves the write tools out, and calling one is an unknown tool")
    func readOnlyHidesWrites() async throws {
        let (server, fixture) = try await server(readOnly: true)
        let tools = try #require(await server.handle(M.request(13, "tools/list"))?["result"]?["tools"]?.arrayValue)
        #expect(Set(tools.compactMap { $0["name"]?.stringValue })
            == ["list-tracking-codes", "get-tracking-code", "get-user-tracking-codes"])

        let before = fixture.sandbox.handledRequestCount
        let call = try #require(await server.handle(M.call(14, "delete-tracking-code", [
            "id": .string("1"), "siteUrl": .string(demoSite),
        ])))
        #expect(call.errorCode == -32602)
        #expect(fixture.sandbox.handledRequestCount == before)
    }

    @Test("An unknown tool, or arguments that are not an object, are JSON-RPC errors")
    func refusesBadCalls() async throws {
        let (server, _) = try await server()
        let unknown = try #require(await server.handle(M.call(15, "drop-all-codes", [:])))
        #expect(unknown.errorCode == -32602)
        #expect(unknown["error"]?["message"]?.stringValue?.hasPrefix("Unknown tool: drop-all-codes") == true)

        let badArguments = M.request(16, "tools/call", ["name": .string("list-tracking-codes"), "arguments": .number(3)])
        #expect(try #require(await server.handle(badArguments)).errorCode == -32602)
    }

    @Test("Each tool runs against the sandbox and returns structured content")
    func runsEveryTool() async throws {
        let (server, fixture) = try await server()
        let sandbox = fixture.sandbox

        let list = try #require(await server.handle(M.call(20, "list-tracking-codes", ["siteUrl": .string(demoSite)])))
        #expect(list["result"]?["structuredContent"]?["items"]?.arrayValue?.count == sandbox.codes(siteUrl: demoSite).count)
        #expect(JSONValue.parse(Data((list.resultText ?? "").utf8)) == list["result"]?["structuredContent"])

        let get = try #require(await server.handle(M.call(21, "get-tracking-code", ["id": .string("1")], modern: true)))
        #expect(get["result"]?["structuredContent"]?["name"]?.stringValue == "Department")
        #expect(get["result"]?["resultType"] == .string("complete"))

        let create = try #require(await server.handle(M.call(22, "create-tracking-code", [
            "siteUrl": .string(demoSite), "name": .string("Made By A Model"), "inputMode": .string("text"),
            "hostProfileCode": .string("optional"),
            "scheduleStartCodes": .array([.object(["service": .string("All"), "type": .string("optional")])]),
        ])))
        let newID = try #require(create["result"]?["structuredContent"]?["id"]?.stringValue)
        #expect(sandbox.codes(siteUrl: demoSite).contains { $0.id == newID && $0.name == "Made By A Model" })

        let update = try #require(await server.handle(M.call(23, "update-tracking-code", [
            "id": .string(newID), "siteUrl": .string(demoSite), "name": .string("Renamed By A Model"),
            "inputMode": .string("text"), "hostProfileCode": .string("optional"), "options": .array([]),
            "scheduleStartCodes": .array([.object(["service": .string("All"), "type": .string("notUsed")])]),
        ])))
        #expect(update["result"]?["isError"] == nil)
        #expect(sandbox.codes(siteUrl: demoSite).first { $0.id == newID }?.name == "Renamed By A Model")

        let delete = try #require(await server.handle(M.call(24, "delete-tracking-code", [
            "id": .string(newID), "siteUrl": .string(demoSite),
        ])))
        #expect(delete["result"]?["structuredContent"]?["deleted"] == .bool(true))
        #expect(!sandbox.codes(siteUrl: demoSite).contains { $0.id == newID })

        let user = try #require(await server.handle(M.call(25, "get-user-tracking-codes", ["email": .string(demoUserEmail)])))
        #expect(user["result"]?["structuredContent"]?["email"]?.stringValue == demoUserEmail)

        let division = try #require(sandbox.codes(siteUrl: demoSite).first { $0.name == "Division" })
        let value = try #require(division.options.first?.value)
        let setUser = try #require(await server.handle(M.call(26, "update-user-tracking-codes", [
            "siteUrl": .string(demoSite), "email": .string(demoUserEmail),
            "trackingCodes": .array([.object(["name": .string("Division"), "value": .string(value)])]),
        ])))
        #expect(setUser["result"]?["isError"] == nil)
        #expect(sandbox.userValues(siteUrl: demoSite, email: demoUserEmail)["Division"] == value)
    }

    @Test("A change the rules refuse is an isError result naming the rule; nothing is sent")
    func refusedChangeIsAToolError() async throws {
        let (server, fixture) = try await server()
        let before = fixture.sandbox.handledRequestCount
        let answer = try #require(await server.handle(M.call(30, "create-tracking-code", [
            "siteUrl": .string(demoSite), "name": .string("Needs Options"), "inputMode": .string("select"),
            "hostProfileCode": .string("optional"), "scheduleStartCodes": .null,
        ])))
        #expect(answer.isErrorResult)
        let text = try #require(answer.resultText)
        #expect(text.contains("'options' cannot be empty when 'inputMode' is 'select'"))
        #expect(text.contains("'scheduleStartCodes' can be null only when 'inputMode' is 'hostProfileSelect'"))
        #expect(fixture.sandbox.handledRequestCount == before)

        let typo = try #require(await server.handle(M.call(31, "list-tracking-codes", ["site": .string(demoSite)])))
        #expect(typo.isErrorResult)
        #expect(typo.resultText?.contains("Unknown argument 'site'") == true)
    }

    @Test("Webex's refusals are isError results with the status, Webex's words and the trackingId")
    func webexRefusalIsAToolError() async throws {
        let (server, _) = try await server()
        let missing = try #require(await server.handle(M.call(32, "get-tracking-code", [
            "id": .string("9999"), "siteUrl": .string(demoSite),
        ])))
        #expect(missing.isErrorResult)
        let text = try #require(missing.resultText)
        #expect(text.contains("HTTP 404"))
        #expect(text.contains("Tracking code ID '9999' is invalid."))
        #expect(text.contains("trackingId"))

        let duplicate = try #require(await server.handle(M.call(33, "create-tracking-code", [
            "siteUrl": .string(demoSite), "name": .string("Department"), "inputMode": .string("text"),
            "hostProfileCode": .string("optional"),
            "scheduleStartCodes": .array([.object(["service": .string("All"), "type": .string("optional")])]),
        ])))
        #expect(duplicate.isErrorResult)
        #expect(duplicate.resultText?.contains("HTTP 409") == true)
        #expect(duplicate.resultText?.contains("Choose another name") == true)
    }

    @Test("dryRun returns the request with the token redacted, and sends nothing")
    func dryRunSendsNothing() async throws {
        let (server, fixture) = try await server()
        let before = fixture.sandbox.handledRequestCount
        let answer = try #require(await server.handle(M.call(40, "delete-tracking-code", [
            "id": .string("1"), "siteUrl": .string(demoSite), "dryRun": .bool(true),
        ])))
        let preview = try #require(answer["result"]?["structuredContent"])
        #expect(preview["dryRun"] == .bool(true))
        #expect(preview["request"]?["method"] == .string("DELETE"))
        #expect(preview["request"]?["url"]?.stringValue?.hasSuffix("/trackingCodes/1?siteUrl=acme.webex.com") == true)
        #expect(preview["request"]?["headers"]?["Authorization"] == .string("Bearer <redacted>"))
        #expect(answer.resultText?.contains(Sandbox.demoToken) == false)

        let create = try #require(await server.handle(M.call(41, "create-tracking-code", [
            "siteUrl": .string(demoSite), "name": .string("Dry"), "inputMode": .string("text"),
            "hostProfileCode": .string("optional"), "dryRun": .bool(true),
            "scheduleStartCodes": .array([.object(["service": .string("All"), "type": .string("optional")])]),
        ])))
        #expect(create["result"]?["structuredContent"]?["request"]?["body"]?["name"] == .string("Dry"))

        #expect(fixture.sandbox.handledRequestCount == before)
        #expect(fixture.sandbox.codes(siteUrl: demoSite).contains { $0.id == "1" })
    }
}
