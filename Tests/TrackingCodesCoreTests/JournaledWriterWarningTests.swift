import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore
#if canImport(Glibc)
import Glibc
#endif

/// When the journal cannot record how a write ended, the warning says how it ended: made,
/// not confirmed by Webex, or never sent. A disk that fills up after the intent was written
/// is played by pointing the journal's open descriptor at /dev/full.
@MainActor
@Suite("JournaledWriter: warnings when the outcome cannot be journaled", .serialized)
struct JournaledWriterWarningTests {
    /// Every later write to `journal` fails with ENOSPC, as on a full disk.
    nonisolated static func fillDisk(under journal: URL) throws {
        let wanted = journal.resolvingSymlinksInPath().path
        let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
        #expect(full >= 0)
        defer { close(full) }
        var replaced = 0
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            guard let descriptor = Int32(entry),
                let target = try? FileManager.default.destinationOfSymbolicLink(
                    atPath: "/proc/self/fd/\(entry)"),
                target == wanted
            else { continue }
            #expect(dup2(full, descriptor) == descriptor)
            replaced += 1
        }
        #expect(replaced == 1, "the journal's descriptor was not found")
    }

    @Test func aRequestWebexRefusedIsNotCalledMade() async throws {
        let directory = TemporaryDirectory()
        let journalFile = directory.paths.journalFile
        let fixture = Fixture(directory: directory, wrap: { base in
            InspectingTransport(base: base) { request in
                if request.method == "DELETE" { try? Self.fillDisk(under: journalFile) }
            }
        })
        let (session, sandbox) = (fixture.session, fixture.sandbox)
        let code = try #require(sandbox.codes(siteUrl: siteA).first)
        var faults = sandbox.faults
        faults.failingIds = [code.id]
        sandbox.faults = faults

        await #expect(throws: OperationError.self) { try await session.writer.delete(code) }
        let warning = try #require(session.status?.text)
        #expect(warning.hasPrefix("Webex did not confirm the change, and the journal could not"),
                "\(warning)")
        #expect(!warning.contains("was made"))
    }

    @Test func aRowTurnedAwayBeforeSendingSaysNothingWasSent() async throws {
        let fixture = Fixture()
        let code = try #require(fixture.sandbox.codes(siteUrl: siteA).first)
        let slots = RequestSlots(limit: 1)
        #expect(await slots.acquire())
        let requests = fixture.sandbox.handledRequestCount

        let writer = fixture.session.writer
        let delete = Task { try await writer.delete(code, in: slots) }
        // The intent is on disk once the write waits for a slot.
        while slots.waiting == 0 { await Task.yield() }
        try Self.fillDisk(under: fixture.directory.paths.journalFile)
        slots.close()

        #expect(try await delete.value == false)
        #expect(fixture.sandbox.handledRequestCount == requests)
        let warning = try #require(fixture.session.status?.text)
        #expect(warning.hasPrefix("Nothing was sent, and the journal could not record that"),
                "\(warning)")
        #expect(!warning.contains("was made"))
    }
}
