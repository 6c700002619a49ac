import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

/// What the journal held at the moment a write request reached the transport.
final class JournalSnapshots: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [(request: HTTPRequest, lastLine: JournalRecord?)] = []
    let journalFile: URL

    init(journalFile: URL) { self.journalFile = journalFile }

    func capture(_ request: HTTPRequest) {
        guard request.method != "GET" else { return }
        let data = (try? Data(contentsOf: journalFile)) ?? Data()
        let last = Journal.parse(data).records.last
        lock.lock()
        defer { lock.unlock() }
        seen.append((request, last))
    }

    var all: [(request: HTTPRequest, lastLine: JournalRecord?)] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }
}

@MainActor
@Suite("Journal: intent before request, outcome after, owner-only")
struct JournalTests {
    @Test func everyWriteHasItsIntentOnDiskBeforeTheRequestLeaves() async throws {
        let directory = TemporaryDirectory()
        let snapshots = JournalSnapshots(journalFile: directory.paths.journalFile)
        let fixture = Fixture(directory: directory, wrap: { InspectingTransport(base: $0, inspect: snapshots.capture) })
        let writer = fixture.session.writer
        let department = try #require(fixture.sandbox.codes(siteUrl: siteA).first { $0.id == "1" })

        let created = try await writer.create(TrackingCodeDraft(name: "Badge", siteUrl: siteA))
        var renamed = department.draft
        renamed.name = "Dept."
        _ = try await writer.update(id: "1", before: department, to: renamed)
        try await writer.delete(created)
        _ = try await writer.updateUserValues(
            UserTrackingCodesUpdate(siteUrl: siteA, user: .email(alice.email), trackingCodes: [.init(name: "Cost Center", value: "7")]),
            before: nil)

        let seen = snapshots.all
        #expect(seen.map(\.request.method) == ["POST", "PUT", "DELETE", "PUT"])
        #expect(seen.map { $0.lastLine?.kind } == [.intent, .intent, .intent, .intent])
        #expect(seen.map { $0.lastLine?.action } == [.create, .update, .delete, .updateUserValues])
        #expect(seen[2].lastLine?.before == created)
        #expect(seen[1].lastLine?.before == department)
        #expect(seen[1].lastLine?.draft == renamed)

        // Each intent got its outcome, with the resulting object.
        let records = try fixture.journalRecords()
        #expect(records.map(\.kind) == [.intent, .outcome, .intent, .outcome, .intent, .outcome, .intent, .outcome])
        for pair in stride(from: 0, to: records.count, by: 2) {
            #expect(records[pair].operationId == records[pair + 1].operationId)
            #expect(records[pair + 1].succeeded == true)
        }
        #expect(records[1].result == created)
        #expect(records[3].result?.name == "Dept.")
        #expect(records[7].userResult?.value(named: "Cost Center") == "7")
    }

    @Test func aFailedWriteRecordsTheErrorText() async throws {
        let fixture = Fixture()
        await #expect(throws: OperationError.self) {
            try await fixture.session.writer.create(TrackingCodeDraft(name: "Division", siteUrl: siteA))
        }
        let outcome = try #require(try fixture.journalRecords().last)
        #expect(outcome.kind == .outcome)
        #expect(outcome.succeeded == false)
        #expect(outcome.error?.contains("HTTP 409") == true)
        #expect(outcome.error?.contains("trackingId") == true)
    }

    @Test func theJournalIsOwnerOnlyEvenWhenItExistedWithLooserModes() async throws {
        let directory = TemporaryDirectory()
        let state = directory.paths.stateDirectory
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        #expect(FileManager.default.createFile(atPath: directory.paths.journalFile.path, contents: Data(),
                                               attributes: [.posixPermissions: 0o644]))

        let fixture = Fixture(directory: directory)
        _ = try await fixture.session.writer.create(TrackingCodeDraft(name: "Badge", siteUrl: siteA))

        let manager = FileManager.default
        #expect(try manager.attributesOfItem(atPath: state.path)[.posixPermissions] as? Int == 0o700)
        #expect(try manager.attributesOfItem(atPath: directory.paths.journalFile.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aFreshJournalIsCreatedOwnerOnly() async throws {
        let fixture = Fixture()
        try await fixture.session.writer.delete(try #require(fixture.sandbox.codes(siteUrl: siteA).first))
        let paths = fixture.directory.paths
        let manager = FileManager.default
        #expect(try manager.attributesOfItem(atPath: paths.stateDirectory.path)[.posixPermissions] as? Int == 0o700)
        #expect(try manager.attributesOfItem(atPath: paths.journalFile.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func theTokenNeverReachesTheJournal() async throws {
        let fixture = Fixture()
        _ = try await fixture.session.writer.create(TrackingCodeDraft(name: "Badge", siteUrl: siteA))
        await BulkDeleteJob(session: fixture.session, codes: fixture.sandbox.codes(siteUrl: siteA)).run()
        let text = try String(contentsOf: fixture.session.journal.fileURL, encoding: .utf8)
        #expect(!text.isEmpty)
        #expect(!text.contains(Sandbox.demoToken))
        #expect(!text.contains("Bearer"))
    }

    @Test func aJournalThatCannotBeWrittenStopsTheWriteBeforeItIsSent() async throws {
        let directory = TemporaryDirectory()
        // A file where the state directory should be: the journal cannot be created.
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: directory.paths.stateDirectory.path, contents: Data("x".utf8)))
        let requests = RequestLog()
        let fixture = Fixture(directory: directory, wrap: { InspectingTransport(base: $0, inspect: requests.append) })

        let victim = try #require(fixture.sandbox.codes(siteUrl: siteA).first)
        do throws(OperationError) {
            try await fixture.session.writer.delete(victim)
            Issue.record("the delete went ahead without a journal")
        } catch {
            guard case .journalUnavailable = error else {
                Issue.record("expected journalUnavailable, got \(error)")
                return
            }
        }
        #expect(requests.writes.isEmpty)
        #expect(fixture.sandbox.codes(siteUrl: siteA).count == 3)
    }

    @Test func damagedLinesAreSkippedAndCounted() throws {
        var intent = JournalRecord(kind: .intent, operationId: "op-1", at: Date(timeIntervalSince1970: 1_700_000_000.25))
        intent.action = .delete
        intent.siteUrl = siteA
        intent.before = code("1", "Department")
        let line = try Journal.encoder.encode(intent)
        let text = String(decoding: line, as: UTF8.self) + "\n{\"kind\":\"intent\",\"operat\n" + "not json\n\n"

        let contents = Journal.parse(Data(text.utf8))
        #expect(contents.records == [intent])
        #expect(contents.records.first?.at == Date(timeIntervalSince1970: 1_700_000_000.25))
        #expect(contents.unreadableLines == [2, 3])
    }
}
