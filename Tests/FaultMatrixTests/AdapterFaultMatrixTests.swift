import Foundation
import HTTPServer
import Testing
import TrackingCodesCore
import WebexAPI

@testable import Adapters

/// The REST adapter and the MCP server against each fault. REST answers with Webex's status
/// (or 502/504 when Webex's answer did not arrive or could not be read) and a Webex-shaped
/// error body; MCP answers with an `isError` result whose text says what happened and what
/// to do. Writes go through the journal first; the token shows nowhere.
@MainActor
@Suite("Fault matrix: adapters", .serialized)
struct AdapterFaultMatrixTests {
    static let newName = "Department (renamed)"
    static let codesPath = "/v1/admin/meeting/config/trackingcodes"
    static let siteQuery = [URLQueryItem(name: "siteUrl", value: FaultEnvironment.site)]

    static func renamedDraft(_ environment: FaultEnvironment) throws -> TrackingCodeDraft {
        var draft = try #require(environment.department).draft
        draft.name = newName
        return draft
    }

    @Test("REST list", arguments: Fault.allCases)
    func restList(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .read)
        let adapters = AdapterHarness(environment)
        let response = await adapters.rest("GET", Self.codesPath, query: Self.siteQuery)

        #expect(response.status == fault.restStatus)
        if fault.succeeds {
            // Webex's bytes pass through: values and fields this version does not know survive.
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(
                text.contains(fault == .unknownEnumValues ? "\"multiSelect\"" : "\"createdBy\""))
        } else {
            try expectWebexShapedError(response, for: fault)
        }
    }

    @Test("REST update", arguments: Fault.allCases)
    func restUpdate(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .write)
        let adapters = AdapterHarness(environment)
        let body = try JSONEncoder().encode(try Self.renamedDraft(environment))
        let response = await adapters.rest("PUT", Self.codesPath + "/1", body: body)

        #expect(response.status == fault.restStatus)
        if fault.succeeds {
            let code = try JSONDecoder().decode(TrackingCode.self, from: response.body)
            #expect(code.name == Self.newName)
        } else {
            try expectWebexShapedError(response, for: fault)
        }
        try expectJournaled(adapters, succeeded: fault.succeeds)
    }

    @Test("MCP list-tracking-codes", arguments: Fault.allCases)
    func mcpList(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .read)
        let adapters = AdapterHarness(environment)
        let result = try #require(
            await adapters.callTool(
                "list-tracking-codes", ["siteUrl": .string(FaultEnvironment.site)]))
        try expectToolResult(result, for: fault)
        if fault == .unknownEnumValues {
            let first = result["structuredContent"]?["items"]?.arrayValue?.first {
                $0["id"] == .string("1")
            }
            #expect(first?["inputMode"] == .string("multiSelect"))
        }
    }

    @Test("MCP update-tracking-code", arguments: Fault.allCases)
    func mcpUpdate(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .write)
        let adapters = AdapterHarness(environment)
        var arguments = try Self.renamedDraft(environment).jsonObject
        arguments["id"] = .string("1")
        let result = try #require(await adapters.callTool("update-tracking-code", arguments))
        try expectToolResult(result, for: fault)
        try expectJournaled(adapters, succeeded: fault.succeeds)
    }

    // MARK: - Expectations

    private func expectWebexShapedError(
        _ response: HTTPServerResponse, for fault: Fault,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let body = try #require(
            try? JSONDecoder().decode(WebexErrorBody.self, from: response.body),
            "not a Webex error body: \(String(decoding: response.body, as: UTF8.self))",
            sourceLocation: sourceLocation)
        let message = try #require(body.message, sourceLocation: sourceLocation)
        let descriptions = body.errors?.map(\.description) ?? []
        #expect(!descriptions.isEmpty, sourceLocation: sourceLocation)
        let trackingId = try #require(body.trackingId, sourceLocation: sourceLocation)
        #expect(
            trackingId.hasPrefix(fault.shownTrackingId), "\(trackingId)",
            sourceLocation: sourceLocation)
        #expect(response.header("TrackingID") == trackingId, sourceLocation: sourceLocation)

        let words = ([message] + descriptions).joined(separator: " ")
        switch fault {
        case .status401, .status403, .status404, .status409, .status500, .status502, .status503,
            .status504:
            // Webex's own words pass through under Webex's status.
            #expect(
                words.contains("Fault \(fault.errorStatus ?? 0) from the matrix."),
                sourceLocation: sourceLocation)
        case .tokenEchoedInError:
            #expect(
                words.contains("Invalid header 'Authorization: Bearer <redacted>'"),
                sourceLocation: sourceLocation)
        default:
            for expected in fault.expectedWords {
                #expect(
                    words.contains(expected), "missing '\(expected)' in: \(words)",
                    sourceLocation: sourceLocation)
            }
        }
        if fault == .status429WithRetryAfter || fault == .status429LongRetryAfter {
            let seconds =
                fault == .status429WithRetryAfter
                ? Fault.retryAfterSeconds : Fault.longRetryAfterSeconds
            #expect(
                response.header("Retry-After") == String(seconds), sourceLocation: sourceLocation)
        }
        let headers = response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        FaultExpectations.expectNoToken(
            "the answer", in: headers + String(decoding: response.body, as: UTF8.self),
            sourceLocation: sourceLocation)
    }

    private func expectToolResult(
        _ result: JSONValue, for fault: Fault, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let text = result["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        if fault.succeeds {
            #expect(result["isError"] == nil, "\(text)", sourceLocation: sourceLocation)
            #expect(result["structuredContent"] != nil, sourceLocation: sourceLocation)
        } else {
            #expect(result["isError"] == .bool(true), sourceLocation: sourceLocation)
            FaultExpectations.expectReported(fault, in: text, sourceLocation: sourceLocation)
            #expect(
                text.contains(fault.mcpAdvice), "no advice in: \(text)",
                sourceLocation: sourceLocation)
        }
        FaultExpectations.expectNoToken(
            "the tool result", in: "\(result)", sourceLocation: sourceLocation)
    }

    private func expectJournaled(
        _ adapters: AdapterHarness, succeeded: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let records = try adapters.journal()
        let intent = try #require(
            records.first { $0.kind == .intent }, sourceLocation: sourceLocation)
        #expect(intent.draft?.name == Self.newName, sourceLocation: sourceLocation)
        let outcome = records.first { $0.kind == .outcome && $0.operationId == intent.operationId }
        #expect(outcome?.succeeded == succeeded, sourceLocation: sourceLocation)
        FaultExpectations.expectNoToken(
            "the journal", in: "\(records)", sourceLocation: sourceLocation)
    }
}
