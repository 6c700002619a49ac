import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import TrackingCodesCore

/// Rows that name one user twice in ways the file does not show, values spelt another way in
/// Unicode, and cells the header has no column for.
@MainActor
@Suite("Users import: hidden duplicates, Unicode spellings, extra cells")
struct UsersImportSpellingTests {
    private func prepared(_ session: Session, _ text: String) async throws -> UsersImport {
        let importer = try UsersImport(
            session: session, siteUrl: siteA, table: try csv(text), concurrency: 4)
        #expect(await importer.prepare())
        return importer
    }

    @Test func oneUserNamedByEmailAndByPersonIdIsWrittenOnceNotTwiceAtOnce() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: [alice, bob]))
        let (session, transport) = importSession(sandbox, directory: directory)
        let importer = try await prepared(
            session,
            """
            email,personId,Department,Cost Center
            alice@example.com,,Sales,
            ,\(alice.personId),,CC-9
            bob@example.com,,Design,
            """)
        #expect(importer.rows.allSatisfy { $0.status == .pending })

        #expect(await importer.run() == false)
        let aliceRows = importer.rows.prefix(2)
        #expect(aliceRows.map(\.status).sorted { "\($0)" < "\($1)" } == [.changed, .invalid])
        let refused = try #require(aliceRows.first { $0.status == .invalid })
        let kept = try #require(aliceRows.first { $0.status == .changed })
        #expect(refused.detail == "line \(kept.line) names the same user; keep one row per user")
        #expect(importer.rows[2].status == .changed)
        // One write for Alice, one for Bob: nothing sent for the refused row, so no change of
        // the other row was overwritten.
        #expect(transport.writes == 2)
        let stored = sandbox.userValues(siteUrl: siteA, email: "alice@example.com")
        if kept.line == 2 {
            #expect(stored["Department"] == "Sales" && stored["Cost Center"] == nil)
        } else {
            #expect(stored["Cost Center"] == "CC-9" && stored["Department"] == nil)
        }
    }

    @Test func aDecomposedSpellingOfAnOptionIsSentAsTheOptionsOwn() async throws {
        let composed = "Z\u{FC}rich"
        let decomposed = "Zu\u{308}rich"
        let codes = [code("1", "Office", options: [composed, "Gen\u{E8}ve"])]
        var withDecomposed = alice
        withDecomposed.values = [siteA: ["1": decomposed]]
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: codes, users: [withDecomposed, bob]))
        let (session, transport) = importSession(sandbox, directory: directory)

        // Bob's value comes decomposed from the file; Alice already has the decomposed spelling
        // stored and the file has the option's own: both must end with the option's bytes.
        let importer = try await prepared(
            session, "email,Office\nbob@example.com,\(decomposed)\nalice@example.com,\(composed)\n")
        #expect(await importer.run())
        #expect(importer.rows.map(\.status) == [.changed, .changed])
        #expect(transport.writes == 2)
        for email in ["bob@example.com", "alice@example.com"] {
            let stored = try #require(sandbox.userValues(siteUrl: siteA, email: email)["Office"])
            #expect(Array(stored.unicodeScalars) == Array(composed.unicodeScalars), "\(email)")
        }
    }

    @Test func cellsBeyondTheHeaderAreAnErrorUnlessEmpty() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: [alice, bob]))
        let (session, transport) = importSession(sandbox, directory: directory)
        let importer = try await prepared(
            session,
            """
            email,Department,Cost Center
            alice@example.com,Sales,Smith, John
            bob@example.com,Sales,CC-2,,
            """)
        #expect(importer.rows[0].status == .invalid)
        #expect(
            importer.rows[0].detail
                == "the row has 4 cells but the header has 3 columns; quote a cell that "
                + "contains the delimiter")
        #expect(importer.rows[1].status == .pending, "empty cells at the end are harmless")
        #expect(await importer.run() == false)
        #expect(transport.writes == 1)
    }
}
