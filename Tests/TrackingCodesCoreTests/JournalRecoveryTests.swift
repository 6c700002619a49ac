import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

@MainActor
@Suite("JournalRecovery: bring back what a crash left deleted")
struct JournalRecoveryTests {
    static func manyCodes(_ count: Int) -> [TrackingCode] {
        (1...count).map { code(String($0), "Code \($0)", options: ["A\($0)", "B\($0)"], defaultIndex: 1) }
    }

    /// A delete intent as a killed process leaves it: no outcome line follows.
    static func deleteIntent(_ code: TrackingCode, at seconds: Double) -> JournalRecord {
        var intent = JournalRecord(kind: .intent, operationId: UUID().uuidString, at: Date(timeIntervalSince1970: seconds))
        intent.action = .delete
        intent.apiServer = JournalRecord.apiServer(of: Sandbox.inProcessBaseURL)
        intent.siteUrl = code.siteUrl
        intent.codeId = code.id
        intent.before = code
        return intent
    }

    @Test func afterAKillMidBulkDeleteTheDeletedCodesComeBack() async throws {
        let directory = TemporaryDirectory()
        let gate = RequestGate()
        // The first run: the server deletes, but the answers never arrive (the process "dies").
        let dying = Fixture(codes: Self.manyCodes(6), directory: directory, wrap: {
            GatedTransport(base: $0, gate: gate, filter: { $0.method == "DELETE" }, holdAnswers: true)
        })
        let originals = dying.sandbox.codes(siteUrl: siteA)
        let job = BulkDeleteJob(session: dying.session, codes: originals, concurrency: 2)
        let stuck = Task { await job.run() }
        await gate.waitForArrivals(2)
        let gone = originals.filter { code in !dying.sandbox.codes(siteUrl: siteA).contains { $0.id == code.id } }
        #expect(gone.count == 2)

        // The next run reads the journal the first one left, against the same sandbox.
        let transport = SandboxTransport(dying.sandbox)
        let session = Session(token: AccessToken(Sandbox.demoToken), transport: transport, baseURL: Sandbox.inProcessBaseURL,
                              retryPolicy: .none, paths: directory.paths)
        let recovery = JournalRecovery(session: session)
        let report = try await recovery.scan()

        #expect(Set(report.restorable.map(\.code)) == Set(gone))
        #expect(report.restorable.allSatisfy { $0.outcome == .unknown })
        // Besides the two sent, the job had journaled two more that were waiting for a request
        // slot: their codes are still there, so they are unfinished but not restorable.
        #expect(report.unfinished.count == 4)
        #expect(report.unfinished.allSatisfy { $0.action == .delete })

        let results = await recovery.restore(report.restorable)
        #expect(results.allSatisfy { $0.restored != nil })
        let now = dying.sandbox.codes(siteUrl: siteA)
        for code in gone {
            let back = try #require(now.first { $0.name == code.name })
            #expect(back.id != code.id)
            #expect(back.options == code.options)
            #expect(back.scheduleStartCodes == code.scheduleStartCodes)
        }
        #expect(results.map(\.message).allSatisfy { $0.hasPrefix("Restored 'Code ") && $0.contains("(was ") })

        // A second scan finds nothing left to restore: the journal knows they are back.
        let again = try await recovery.scan()
        #expect(again.restorable.isEmpty)
        #expect(again.alreadyBack.count == 2)
        #expect(again.alreadyBack.allSatisfy { $0.reason.hasPrefix("restored earlier as id ") })

        stuck.cancel()
        await stuck.value
    }

    @Test func findsDeletesWithAndWithoutOutcomesAndSkipsWhatStillExists() async throws {
        let fixture = Fixture(codes: Self.manyCodes(4))
        let codes = fixture.sandbox.codes(siteUrl: siteA)
        let journal = fixture.session.journal

        // Code 1: deleted, no outcome. Code 2: deleted, outcome written. Code 3: intent only,
        // the request never left (still on the site). Code 4: untouched.
        try journal.append(Self.deleteIntent(codes[0], at: 100))
        let second = Self.deleteIntent(codes[1], at: 200)
        try journal.append(second)
        var outcome = JournalRecord(kind: .outcome, operationId: second.operationId, at: Date(timeIntervalSince1970: 201))
        outcome.succeeded = true
        try journal.append(outcome)
        try journal.append(Self.deleteIntent(codes[2], at: 300))
        try await fixture.session.client.deleteTrackingCode(id: "1", siteUrl: siteA)
        try await fixture.session.client.deleteTrackingCode(id: "2", siteUrl: siteA)

        let report = try await JournalRecovery(session: fixture.session).scan()
        #expect(report.restorable.map(\.code.name) == ["Code 1", "Code 2"])
        #expect(report.restorable.map(\.outcome) == [.unknown, .succeeded])
        #expect(report.unfinished.map(\.codeId) == ["1", "3"])
        #expect(report.unfinished.map(\.summary) == [
            "delete 'Code 1' (id 1) on \(siteA)", "delete 'Code 3' (id 3) on \(siteA)",
        ])

        let since = try await JournalRecovery(session: fixture.session).scan(since: Date(timeIntervalSince1970: 150))
        #expect(since.restorable.map(\.code.name) == ["Code 2"])
    }

    @Test func aCodeWhoseNameIsTakenAgainIsNotOfferedTwice() {
        let department = code("1", "Department")
        var contents = JournalContents(records: [Self.deleteIntent(department, at: 10)], unreadableLines: [4])
        let twin = code("9", "DEPARTMENT")

        let report = JournalRecovery.analyze(contents, currentCodes: [siteA: [twin]])
        #expect(report.restorable.isEmpty)
        #expect(report.alreadyBack.map(\.reason) == ["the site has a code named 'DEPARTMENT' now (id 9)"])
        #expect(report.unreadableLines == [4])

        contents.records.append(Self.deleteIntent(code("2", "Office", site: siteB), at: 20))
        let onlyB = JournalRecovery.analyze(contents, currentCodes: [siteA: [twin], siteB: []], siteUrl: siteB)
        #expect(onlyB.restorable.map(\.code.name) == ["Office"])
    }

    @Test func theWriterRecordsTheAPIServerWithoutPathOrCredentials() async throws {
        let fixture = Fixture(codes: Self.manyCodes(1))
        let code = try #require(fixture.sandbox.codes(siteUrl: siteA).first)
        try await fixture.session.writer.delete(code)

        let intent = try #require(fixture.session.journal.read().records.first)
        #expect(intent.apiServer == JournalRecord.apiServer(of: Sandbox.inProcessBaseURL))
        let withSecrets = try #require(URL(string: "HTTP://user:pw@LocalHost:8080/v1?token=x"))
        #expect(JournalRecord.apiServer(of: withSecrets) == "http://localhost:8080")
    }

    @Test func onlyTheCurrentServersDeletesAreOfferedUnlessEveryServerIsAsked() {
        let here = "https://webexapis.com"
        var ours = Self.deleteIntent(code("1", "Ours"), at: 10)
        ours.apiServer = here
        var sandboxes = Self.deleteIntent(code("2", "Sandbox's"), at: 20)
        sandboxes.apiServer = "http://127.0.0.1:8765"
        var old = Self.deleteIntent(code("3", "Old"), at: 30)
        old.apiServer = nil
        let contents = JournalContents(records: [ours, sandboxes, old], unreadableLines: [])

        let current = JournalRecovery.analyze(contents, currentCodes: [siteA: []], servers: .only(here))
        #expect(current.restorable.map(\.code.name) == ["Ours"])
        #expect(current.unfinished.map(\.codeId) == ["1"])
        #expect(current.otherServerChanges == 1)
        #expect(current.unknownServerChanges == 1)

        let every = JournalRecovery.analyze(contents, currentCodes: [siteA: []], servers: .any)
        #expect(every.restorable.map(\.code.name) == ["Ours", "Sandbox's", "Old"])
        #expect(every.otherServerChanges == 0 && every.unknownServerChanges == 0)
    }

    @Test func restoringOnAReadOnlySiteIsRefusedPerCode() async throws {
        let fixture = Fixture(codes: Self.manyCodes(1), readOnly: true)
        let deletion = JournalRecovery.Deletion(code: code("1", "Code 1"), requestedAt: Date(), operationId: "x", outcome: .unknown)
        let results = await JournalRecovery(session: fixture.session).restore([deletion])
        #expect(results.count == 1)
        #expect(results[0].restored == nil)
        #expect(results[0].message.contains("read-only"))
    }
}
