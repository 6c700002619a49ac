import Foundation
import Testing
import WebexAPI
@testable import WebexSandbox

@Suite("Sandbox: documented rules and §10 decisions")
struct SandboxRulesTests {
    @Test func listWithoutSiteFallsBackToThePreferredSite() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let codes = try await client.listTrackingCodes()
        #expect(codes.map(\.id) == sandbox.codes(siteUrl: demoSite).map(\.id))
        #expect(codes.allSatisfy { $0.siteUrl == demoSite })
    }

    @Test func createReturnsTheCodeWithANewNumericIdAndFiveScheduleEntries() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let before = sandbox.dataset.nextCodeId
        let code = try await client.createTrackingCode(draft("Ticket", schedule: [.init(service: .all, type: .required)]))
        #expect(code.id == String(before))
        #expect(code.scheduleStartCodes.map(\.service) == MeetingService.documentedCases)
        #expect(code.scheduleStartCodes.allSatisfy { $0.type == .required })
        #expect(sandbox.codes(siteUrl: demoSite).contains(code))
    }

    @Test func missingServicesDefaultToNotUsedWhenAllIsMissing() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let client = live.client
        let code = try await client.createTrackingCode(draft("Partial", schedule: [.init(service: .eventCenter, type: .required)]))
        #expect(code.scheduleType(for: .all) == .notApplicable)
        #expect(code.scheduleType(for: .eventCenter) == .required)
        #expect(code.scheduleType(for: .meetingCenter) == .notUsed)
    }

    @Test func idsAreNeverReused() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let client = live.client
        let first = try await client.createTrackingCode(draft("One"))
        try await client.deleteTrackingCode(id: first.id, siteUrl: demoSite)
        let second = try await client.createTrackingCode(draft("Two"))
        #expect(Int(second.id)! > Int(first.id)!)
    }

    @Test func missingSiteUrlOnCreateIsTheDocumented400() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (status, body) = try await live.raw("POST", "/admin/meeting/config/trackingCodes",
            body: #"{"name":"X","options":[],"inputMode":"text","hostProfileCode":"optional","scheduleStartCodes":[]}"#)
        #expect(status == 400)
        #expect(body?["message"]?.stringValue == "The request could not be understood by the server due to malformed syntax. See 'errors' for more details.")
        #expect(body?["errors"]?.arrayValue?.first?["description"]?.stringValue == "'siteUrl' cannot be empty")
        #expect(body?["trackingId"]?.stringValue?.isEmpty == false)
    }

    @Test func unknownIdOnUpdateIs400WithTheNotFoundWording() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let client = live.client
        await #expect(throws: WebexError.self) { try await client.updateTrackingCode(id: "10001", draft("X")) }
        do {
            _ = try await client.updateTrackingCode(id: "10001", draft("X"))
        } catch {
            #expect(error.status == 400)
            #expect(error.webexMessage?.hasPrefix("The requested resource could not be found.") == true)
            #expect(error.firstDescription == "Tracking code ID '10001' is invalid.")
        }
    }

    @Test func unknownIdOnGetAndDeleteIs404() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let client = live.client
        for call in [{ _ = try await client.trackingCode(id: "999") }, { try await client.deleteTrackingCode(id: "999", siteUrl: demoSite) }] as [() async throws -> Void] {
            do {
                try await call()
                Issue.record("expected a 404")
            } catch let error as WebexError {
                #expect(error.status == 404)
                #expect(error.firstDescription == "Tracking code ID '999' is invalid.")
            }
        }
    }

    @Test func deleteWithoutSiteUrlIs400() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (status, body) = try await live.raw("DELETE", "/admin/meeting/config/trackingCodes/1")
        #expect(status == 400)
        #expect(body?["errors"]?.arrayValue?.first?["description"]?.stringValue == "'siteUrl' cannot be empty")
    }

    @Test func unknownSiteIs404() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let client = live.client
        do {
            _ = try await client.listTrackingCodes(siteUrl: "nowhere.webex.com")
            Issue.record("expected a 404")
        } catch {
            #expect(error.status == 404)
            #expect(error.firstDescription == "Site 'nowhere.webex.com' is not found.")
        }
    }

    @Test func duplicateNameIsACaseInsensitive409() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let client = live.client
        do {
            _ = try await client.createTrackingCode(draft("department"))
            Issue.record("expected a 409")
        } catch {
            #expect(error.status == 409)
            #expect(error.firstDescription == "Tracking code name 'department' already exists.")
        }
    }

    @Test(arguments: [
        RuleCase(draft(String(repeating: "n", count: 121)), "'name' cannot be longer than 120"),
        RuleCase(draft(""), "'name' cannot be empty"),
        RuleCase(draft("Sel", options: []), "'options' cannot be empty when 'inputMode' is 'select'"),
        RuleCase(draft("HPS", mode: .hostProfileSelect, options: [.init(value: "A")], schedule: []), nil),
        RuleCase(draft("TwoDefaults", options: [.init(value: "A", defaultValue: true), .init(value: "B", defaultValue: true)]), "Only one option"),
        RuleCase(draft("Many", options: (0...500).map { .init(value: "v\($0)") }), "'options' cannot have more than 500"),
        RuleCase(draft("HPS2", mode: .hostProfileSelect, schedule: [.init(service: .meetingCenter, type: .optional)]), "hostProfileSelect"),
        RuleCase(draft("AdminSet", host: .adminSet, schedule: [.init(service: .all, type: .optional)]), "adminSet"),
        RuleCase(draft("NotAdmin", schedule: [.init(service: .all, type: .adminSet)]), "adminSet only when"),
        RuleCase(draft("Mixed", schedule: [.init(service: .all, type: .required), .init(service: .eventCenter, type: .optional)]), "but 'All' is 'required'"),
        RuleCase(draft("Dup", schedule: [.init(service: .eventCenter, type: .optional), .init(service: .eventCenter, type: .optional)]), "more than once"),
        RuleCase(draft("Six", schedule: (0..<6).map { _ in .init(service: .all, type: .optional) }), "more than 5"),
        RuleCase(draft("Enum", mode: .unrecognized("dropdown")), "'inputMode' must be one of"),
        RuleCase(draft("Req", host: .required), "Control Hub managed"),
    ])
    func brokenRulesAre400sThatNameTheProblem(rule: RuleCase) async throws {
        let (bad, expected) = (rule.draft, rule.expected)
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let count = sandbox.codes(siteUrl: demoSite).count
        do {
            _ = try await client.createTrackingCode(bad)
            #expect(expected == nil, "accepted a draft that breaks: \(expected ?? "")")
        } catch {
            #expect(error.status == 400)
            if let expected { #expect(error.firstDescription?.contains(expected) == true, "\(error.firstDescription ?? "none")") }
            #expect(sandbox.codes(siteUrl: demoSite).count == count)
        }
    }

    @Test func requiredHostProfileIsAllowedOnASiteAdminManagedSite() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let client = live.client
        let code = try await client.createTrackingCode(draft("Mandatory", site: siteAdminSite, host: .required))
        #expect(code.hostProfileCode == .required)
    }

    @Test func everyWriteOnAMappedSiteIs403() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let existing = sandbox.codes(siteUrl: mappedSite)[0]
        let writes: [() async throws -> Void] = [
            { _ = try await client.createTrackingCode(draft("New", site: mappedSite)) },
            { _ = try await client.updateTrackingCode(id: existing.id, existing.draft) },
            { try await client.deleteTrackingCode(id: existing.id, siteUrl: mappedSite) },
            { _ = try await client.updateUserTrackingCodes(.init(siteUrl: mappedSite, user: .email("wang.fang@acme.example.com"),
                                                                  trackingCodes: [.init(name: "Team", value: "x")])) },
        ]
        for write in writes {
            do {
                try await write()
                Issue.record("a write on a mapped site was accepted")
            } catch let error as WebexError {
                #expect(error.status == 403)
                #expect(error.firstDescription?.contains("mapped to user attributes") == true)
            }
        }
        // Reads still work there.
        #expect(try await client.listTrackingCodes(siteUrl: mappedSite).count == sandbox.codes(siteUrl: mappedSite).count)
    }

    @Test func malformedAndMistypedBodiesAre400s() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let cases: [(String, String)] = [
            ("{not json", "not valid JSON"),
            ("[1,2]", "must be a JSON object"),
            (#"{"siteUrl":"acme.webex.com","name":5,"options":[],"inputMode":"text","hostProfileCode":"optional","scheduleStartCodes":[]}"#, "'name' must be a string, not number"),
            (#"{"siteUrl":"acme.webex.com","name":"N","options":[{"value":"a","defaultValue":1}],"inputMode":"text","hostProfileCode":"optional","scheduleStartCodes":[]}"#, "'options[0].defaultValue' must be a boolean"),
            (#"{"siteUrl":"acme.webex.com","name":"N","inputMode":"text","hostProfileCode":"optional","scheduleStartCodes":[]}"#, "'options' is required"),
        ]
        for (body, expected) in cases {
            let (status, json) = try await live.raw("POST", "/admin/meeting/config/trackingCodes", body: body)
            #expect(status == 400)
            let description = json?["errors"]?.arrayValue?.first?["description"]?.stringValue ?? ""
            #expect(description.contains(expected), "\(description)")
        }
    }

    @Test func missingOrWrongTokenIsTheDocumented401() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        for token in [nil, "wrong"] as [String?] {
            let (status, body) = try await live.raw("GET", "/admin/meeting/config/trackingCodes", token: token)
            #expect(status == 401)
            #expect(body?["message"]?.stringValue == "The request requires a valid access token set in the Authorization request header.")
        }
    }

    @Test func deletingACodeDropsItsUserValues() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let email = "wang.fang@acme.example.com"
        let before = sandbox.userValues(siteUrl: demoSite, email: email)
        let name = try #require(before.keys.sorted().first)
        let id = try #require(sandbox.codes(siteUrl: demoSite).first { $0.name == name }?.id)
        try await client.deleteTrackingCode(id: id, siteUrl: demoSite)
        #expect(sandbox.userValues(siteUrl: demoSite, email: email)[name] == nil)
    }
}

/// A draft that breaks (or, with nil, keeps) a rule, labelled by its name so test output stays short.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var draft: TrackingCodeDraft
    var expected: String?

    init(_ draft: TrackingCodeDraft, _ expected: String?) {
        self.draft = draft
        self.expected = expected
    }

    var testDescription: String { draft.name.count > 20 ? "\(draft.name.count)-character name" : "'\(draft.name)'" }
}
