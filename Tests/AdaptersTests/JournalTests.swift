@testable import Adapters
import Foundation
import Testing
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// Adapter writes land in the TUI's journal: intent on disk before the request, outcome after.
@Suite("Adapter writes go through the journal")
struct JournalTests {
    typealias M = MCPMessages
    static let codes = RESTAdapterTests.codes

    @Test("A REST create writes an intent with the draft, then an outcome with Webex's copy")
    func restCreateIsJournaled() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let created = try await HTTP.call("POST", servers.rest(Self.codes), body: RESTAdapterTests.newCode)
            #expect(created.status == 200)

            let records = try await fixture.journal()
            #expect(records.map(\.kind) == [.intent, .outcome])
            #expect(records[0].action == .create)
            #expect(records[0].draft?.name == "Adapter Probe")
            #expect(records[1].operationId == records[0].operationId)
            #expect(records[1].succeeded == true)
            #expect(records[1].result?.id == created.json?["id"]?.stringValue)
        }
    }

    @Test("An MCP delete keeps the whole code in the journal, so it can be restored")
    func mcpDeleteKeepsTheObject() async throws {
        let fixture = try await AdapterFixture.make()
        let original = try #require(fixture.sandbox.codes(siteUrl: demoSite).first { $0.id == "4" })
        let server = MCPServer(operations: fixture.operations)
        let answer = try #require(await server.handle(M.call(1, "delete-tracking-code", [
            "id": .string("4"), "siteUrl": .string(demoSite),
        ])))
        #expect(answer["result"]?["isError"] == nil)

        let records = try await fixture.journal()
        let intent = try #require(records.first)
        #expect(intent.action == .delete)
        #expect(intent.before == original)
        #expect(records.last?.succeeded == true)
    }

    @Test("A user update keeps the user's values from before")
    func userUpdateKeepsTheBefore() async throws {
        let fixture = try await AdapterFixture.make()
        let before = fixture.sandbox.userValues(siteUrl: demoSite, email: demoUserEmail)
        let division = try #require(fixture.sandbox.codes(siteUrl: demoSite).first { $0.name == "Division" })
        let server = MCPServer(operations: fixture.operations)
        _ = await server.handle(M.call(2, "update-user-tracking-codes", [
            "siteUrl": .string(demoSite), "email": .string(demoUserEmail),
            "trackingCodes": .array([.object(["name": .string("Division"), "value": .string(division.options[0].value)])]),
        ]))

        let intent = try #require(try await fixture.journal().first)
        #expect(intent.action == .updateUserValues)
        let recorded = Dictionary(uniqueKeysWithValues: (intent.userBefore?.trackingCodes ?? []).map { ($0.name, $0.value) })
        #expect(recorded == before)
        #expect(intent.userUpdate?.trackingCodes.first?.name == "Division")
    }

    @Test("Refused writes and dry runs leave no journal line")
    func refusalsAreNotJournaled() async throws {
        let fixture = try await AdapterFixture.make()
        let server = MCPServer(operations: fixture.operations)
        _ = await server.handle(M.call(3, "create-tracking-code", [
            "siteUrl": .string(demoSite), "name": .string(""), "inputMode": .string("text"),
            "hostProfileCode": .string("optional"), "scheduleStartCodes": .array([]),
        ]))
        _ = await server.handle(M.call(4, "delete-tracking-code", [
            "id": .string("1"), "siteUrl": .string(demoSite), "dryRun": .bool(true),
        ]))
        #expect(try await fixture.journal().isEmpty)
    }

    @Test("When the journal cannot be written, the write is refused and nothing reaches Webex")
    func unwritableJournalStopsTheWrite() async throws {
        // A state directory whose parent is a file can never be created.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-blocker-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
        let paths = Paths(configDirectory: blocker.appendingPathComponent("config"),
                          stateDirectory: blocker.appendingPathComponent("state"))
        let fixture = try await AdapterFixture.make(paths: paths)
        try await withServers(fixture) { servers in
            let before = fixture.sandbox.codes(siteUrl: demoSite)
            let answer = try await HTTP.call("POST", servers.rest(Self.codes), body: RESTAdapterTests.newCode)
            #expect(answer.status == 503)
            #expect(answer.firstDescription?.contains("the journal cannot be written") == true)
            #expect(fixture.sandbox.codes(siteUrl: demoSite) == before)
        }
        try? FileManager.default.removeItem(at: blocker)
    }

    @Test("A site Webex refused as mapped is read-only from then on, without asking Webex again")
    func mappedSiteIsLearned() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let body = RESTAdapterTests.newCode.replacingOccurrences(of: demoSite, with: mappedSite)
            let first = try await HTTP.call("POST", servers.rest(Self.codes), body: body)
            #expect(first.status == 403)

            let sent = fixture.sandbox.handledRequestCount
            let second = try await HTTP.call("POST", servers.rest(Self.codes), body: body)
            #expect(second.status == 403)
            #expect(second.firstDescription?.contains("\(mappedSite) is read-only") == true)
            #expect(fixture.sandbox.handledRequestCount == sent)
        }
    }

    @Test("Settings that name a site read-only or Control Hub managed are honoured before sending")
    func honoursTheSettings() async throws {
        let settings = Settings(readOnlySites: ["acme-eu.webex.com"], siteManagement: [demoSite: .controlHub])
        let fixture = try await AdapterFixture.make(settings: settings)
        try await withServers(fixture) { servers in
            let sent = fixture.sandbox.handledRequestCount
            let required = RESTAdapterTests.newCode.replacingOccurrences(
                of: #""hostProfileCode":"optional""#, with: #""hostProfileCode":"required""#)
            let refused = try await HTTP.call("POST", servers.rest(Self.codes), body: required)
            #expect(refused.status == 400)
            #expect(refused.firstDescription?.contains("Control Hub managed site") == true)

            let listed = RESTAdapterTests.newCode.replacingOccurrences(of: demoSite, with: "acme-eu.webex.com")
            let readOnly = try await HTTP.call("POST", servers.rest(Self.codes), body: listed)
            #expect(readOnly.status == 403)
            #expect(readOnly.firstDescription?.contains("readOnlySites") == true)
            #expect(fixture.sandbox.handledRequestCount == sent)

            // A dry run says so too, instead of showing a request that would be refused.
            let server = MCPServer(operations: fixture.operations)
            let preview = try #require(await server.handle(MCPMessages.call(9, "delete-tracking-code", [
                "id": .string("13"), "siteUrl": .string("acme-eu.webex.com"), "dryRun": .bool(true),
            ])))
            #expect(preview.isErrorResult)
            #expect(preview.resultText?.contains("acme-eu.webex.com is read-only") == true)
        }
    }
}
