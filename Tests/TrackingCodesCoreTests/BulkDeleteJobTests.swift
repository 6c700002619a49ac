import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

@MainActor
@Suite("BulkDeleteJob: bounded, partial failure, cancel")
struct BulkDeleteJobTests {
    static func manyCodes(_ count: Int) -> [TrackingCode] {
        (1...count).map { code(String($0), "Code \($0)") }
    }

    static let isDelete: @Sendable (HTTPRequest) -> Bool = { $0.method == "DELETE" }

    @Test func oneFailingIdDoesNotStopTheOthers() async throws {
        let fixture = Fixture(codes: Self.manyCodes(10))
        fixture.sandbox.faults = SandboxFaults(failingIds: ["4"], failingStatus: 500)
        let job = BulkDeleteJob(session: fixture.session, codes: fixture.sandbox.codes(siteUrl: siteA), concurrency: 3)

        await job.run()

        #expect(job.isFinished)
        #expect(job.deletedCount == 9)
        #expect(job.failedCount == 1)
        #expect(job.progress == 1)
        #expect(fixture.sandbox.codes(siteUrl: siteA).map(\.id) == ["4"])
        let failed = try #require(job.failedItems.first)
        #expect(failed.code.name == "Code 4")
        #expect(failed.error?.status == 500)
        guard case .failed(let reason) = failed.state else {
            Issue.record("expected a failure, got \(failed.state)")
            return
        }
        #expect(reason.contains("HTTP 500"))
        #expect(job.summary == "Deleted 9 of 10 codes; 1 failed")
        #expect(fixture.session.status?.text.contains("First failure: 'Code 4'") == true)

        // One step in the history, holding only what was deleted.
        #expect(fixture.session.history.undoStack.count == 1)
        guard case .bulkDeleted(let deleted) = fixture.session.history.undoStack[0].change else {
            Issue.record("expected a bulk delete entry")
            return
        }
        #expect(deleted.count == 9)
        #expect(!deleted.contains { $0.id == "4" })
    }

    @Test func neverMoreThanTheLimitInFlight() async {
        let gate = RequestGate()
        let fixture = Fixture(codes: Self.manyCodes(12), wrap: { GatedTransport(base: $0, gate: gate, filter: Self.isDelete) })
        let job = BulkDeleteJob(session: fixture.session, codes: fixture.sandbox.codes(siteUrl: siteA), concurrency: 3)
        let running = Task { await job.run() }

        await gate.waitForArrivals(3)
        #expect(job.inFlightCount == 3)
        #expect(fixture.session.isBusy)
        // Let them through one at a time; each finish lets exactly one more start.
        for arrived in 4...12 {
            await gate.releaseOne()
            await gate.waitForArrivals(arrived)
        }
        await gate.releaseAll()
        await running.value

        #expect(await gate.maxInFlight == 3)
        #expect(job.deletedCount == 12)
        #expect(fixture.sandbox.codes(siteUrl: siteA).isEmpty)
        #expect(!fixture.session.isBusy)
    }

    @Test func cancelStopsStartingNewDeletesAndLetsTheRunningOnesFinish() async {
        let gate = RequestGate()
        let fixture = Fixture(codes: Self.manyCodes(10), wrap: { GatedTransport(base: $0, gate: gate, filter: Self.isDelete) })
        let job = BulkDeleteJob(session: fixture.session, codes: fixture.sandbox.codes(siteUrl: siteA), concurrency: 2)
        let running = Task { await job.run() }

        await gate.waitForArrivals(2)
        job.cancel()
        await gate.releaseAll()
        await running.value

        #expect(job.isCancelled)
        #expect(job.deletedCount == 2)
        #expect(job.skippedCount == 8)
        #expect(job.summary == "Deleted 2 of 10 codes; 8 not started (cancelled)")
        #expect(fixture.sandbox.codes(siteUrl: siteA).count == 8)
        #expect(await gate.arrivals == 2)
    }

    @Test func onAReadOnlySiteNothingIsSent() async {
        let requests = RequestLog()
        let fixture = Fixture(codes: Self.manyCodes(3), settings: Settings(readOnlySites: [siteA]),
                              wrap: { InspectingTransport(base: $0, inspect: requests.append) })
        let job = BulkDeleteJob(session: fixture.session, codes: fixture.sandbox.codes(siteUrl: siteA))

        await job.run()

        #expect(job.failedCount == 3)
        #expect(job.items.allSatisfy { if case .readOnly = $0.error { true } else { false } })
        #expect(requests.writes.isEmpty)
        #expect(fixture.session.history.undoStack.isEmpty)
    }

    @Test func aJournalThatCannotBeWrittenFailsEveryDeleteAndSendsNone() async throws {
        let directory = TemporaryDirectory()
        // A file where the state directory should be: the journal cannot be created.
        try FileManager.default.createDirectory(
            at: directory.url, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(
            atPath: directory.paths.stateDirectory.path, contents: Data("x".utf8)))
        let requests = RequestLog()
        let fixture = Fixture(codes: Self.manyCodes(7), directory: directory,
                              wrap: { InspectingTransport(base: $0, inspect: requests.append) })
        let job = BulkDeleteJob(
            session: fixture.session, codes: fixture.sandbox.codes(siteUrl: siteA), concurrency: 2)

        await job.run()

        #expect(job.failedCount == 7)
        #expect(job.items.allSatisfy {
            if case .journalUnavailable = $0.error { true } else { false }
        })
        #expect(requests.writes.isEmpty)
        #expect(job.inFlightCount == 0)
        #expect(fixture.sandbox.codes(siteUrl: siteA).count == 7)
    }

    @Test func theConcurrencyDefaultsToTheSettings() {
        let fixture = Fixture(settings: Settings(defaultConcurrency: 5))
        #expect(BulkDeleteJob(session: fixture.session, codes: []).concurrency == 5)
    }
}
