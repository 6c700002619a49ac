import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import TrackingCodesCore

@MainActor
@Suite("Users import: check, run, report, undo")
struct UsersImportTests {
    /// Alice has Department=Design and Cost Center=CC-1 on alpha; Bob has nothing.
    static func people() -> [SandboxUser] {
        var withValues = alice
        withValues.values = [siteA: ["1": "Design", "3": "CC-1"]]
        return [withValues, bob]
    }

    func prepared(
        _ session: Session, _ text: String, concurrency: Int? = nil
    ) async throws -> UsersImport {
        let importer = try UsersImport(
            session: session, siteUrl: siteA, table: try csv(text), concurrency: concurrency)
        #expect(await importer.prepare())
        return importer
    }

    func statuses(_ importer: UsersImport) -> [UsersImportRow.Status] {
        importer.rows.map(\.status)
    }

    // MARK: - Checks before any request

    @Test func valuesAreCheckedAgainstTheRulesBeforeAnyUserRequest() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, transport) = importSession(sandbox, directory: directory)
        let long = String(repeating: "x", count: 121)
        let importer = try await prepared(
            session,
            """
            email,Department,Cost Center,Nickname
            alice@example.com,Marketing,,Al
            bob@example.com,,\(long),
            ,Sales,,
            ALICE@example.com,Sales,,
            carol@example.com,Sales,,
            """)
        #expect(importer.ignoredColumns == ["Nickname"])
        #expect(statuses(importer) == [.invalid, .invalid, .invalid, .invalid, .pending])
        #expect(
            importer.rows[0].detail
                == "'Marketing' is not one of the options of 'Department' "
                + "(select codes take only their options)")
        #expect(
            importer.rows[1].detail
                == "The value for 'Cost Center' cannot be longer than 120 characters")
        #expect(importer.rows[2].detail == "the row has no email or personId")
        #expect(importer.rows[3].detail.hasPrefix("line 2 names the same user"))
        // Preparing read the site's codes and nothing about users.
        #expect(transport.all.map(\.method) == ["GET"])

        #expect(await importer.run() == false)
        // Only Carol was looked up, and she does not exist.
        #expect(transport.all.filter { $0.path.hasSuffix("/userconfig/trackingCodes") }.count == 1)
        #expect(importer.rows[4].status == .failed)
        #expect(importer.rows[4].detail.contains("HTTP 404"))
        #expect(transport.writes == 0)
    }

    @Test func aFileWithoutAUserColumnIsRefusedWithTheNamesItAccepts() throws {
        let fixture = Fixture()
        #expect(throws: ImportFileError.missingColumn("user", expected: ["email", "personId"])) {
            try UsersImport(
                session: fixture.session, siteUrl: siteA,
                table: try csv("name,Department\nA,Sales\n"))
        }
    }

    // MARK: - Only changes are sent

    @Test func unchangedRowsSendNothingAndChangedRowsSendTheFullMergedList() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let putBodies = RequestLog()
        let transport = InspectingTransport(base: SandboxTransport(sandbox)) { request in
            if request.method == "PUT" { putBodies.append(request) }
        }
        let session = Session(
            token: AccessToken(Sandbox.demoToken), transport: transport,
            baseURL: Sandbox.inProcessBaseURL,
            retryPolicy: .none, paths: directory.paths)
        let importer = try await prepared(
            session,
            """
            email,department,Division,Cost Center
            alice@example.com,Design,Part-time,
            bob@example.com,,,
            """)
        #expect(statuses(importer) == [.pending, .unchanged])
        #expect(importer.rows[1].detail == "no values in this row")
        #expect(await importer.run())

        #expect(statuses(importer) == [.changed, .unchanged])
        #expect(importer.rows[0].changedNames == ["Division"])
        #expect(importer.rows[0].detail == "Division: (none) → Part-time")
        let sent = try body(UserTrackingCodesUpdate.self, of: try #require(putBodies.all.first))
        #expect(putBodies.all.count == 1)
        #expect(
            sent.trackingCodes == [
                UserTrackingCodeAssignment(name: "Department", value: "Design"),
                UserTrackingCodeAssignment(name: "Division", value: "Part-time"),
                UserTrackingCodeAssignment(name: "Cost Center", value: "CC-1"),
            ])
        #expect(
            sandbox.userValues(siteUrl: siteA, email: "alice@example.com")
                == ["Department": "Design", "Division": "Part-time", "Cost Center": "CC-1"])

        // The same file again: every row unchanged, no write at all.
        let again = try await prepared(session, "email,Division\nalice@example.com,Part-time\n")
        #expect(await again.run())
        #expect(statuses(again) == [.unchanged])
        #expect(putBodies.all.count == 1)
    }

    @Test func aCurrentValueTheRulesNoLongerAcceptStopsTheRowWithAWayOut() async throws {
        let directory = TemporaryDirectory()
        var stale = alice
        stale.values = [siteA: ["1": "Retired option"]]
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: [stale]))
        let (session, transport) = importSession(sandbox, directory: directory)
        let importer = try await prepared(session, "email,Division\nalice@example.com,Part-time\n")
        #expect(await importer.run() == false)
        #expect(importer.rows[0].status == .invalid)
        #expect(
            importer.rows[0].detail.contains("current value of 'Department' is no longer accepted"))
        #expect(importer.rows[0].detail.contains("add a 'Department' column"))
        #expect(transport.writes == 0)
    }

    @Test func emptySpreadsheetRowsAreSkippedButARowWithAnyCellIsChecked() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, transport) = importSession(sandbox, directory: directory)
        let importer = try await prepared(
            session, "email,Department,Cost Center\n,,\nbob@example.com,Sales,\n,,\n,Sales,\n,,\n")
        #expect(importer.rows.map(\.line) == [3, 5])
        #expect(statuses(importer) == [.pending, .invalid])
        #expect(importer.rows[1].detail == "the row has no email or personId")
        #expect(await importer.run(dryRun: true) == false)
        #expect(importer.summary == "2 rows: 1 would change, 0 unchanged, 1 with errors")
        #expect(transport.writes == 0)

        let one = try await prepared(session, "email,Department\nbob@example.com,Sales\n,\n")
        #expect(await one.run(dryRun: true))
        #expect(one.summary == "1 row: 1 would change, 0 unchanged, 0 with errors")
    }

    @Test func aDryRunReadsAndComparesButWritesNothing() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, transport) = importSession(sandbox, directory: directory)
        let importer = try await prepared(
            session, "email,Department\nalice@example.com,Sales\nbob@example.com,Sales\n")
        #expect(await importer.run(dryRun: true))
        #expect(statuses(importer) == [.wouldChange, .wouldChange])
        #expect(importer.rows[0].detail == "Department: Design → Sales")
        #expect(importer.summary == "2 rows: 2 would change, 0 unchanged, 0 with errors")
        #expect(transport.writes == 0)
        #expect(transport.answeredUserGets == 2)
        #expect(session.history.undoStack.isEmpty)
    }

    // MARK: - Report

    @Test func theReportIsTheFileWithAStatusPerRowAndCanBeImportedAgain() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, transport) = importSession(sandbox, directory: directory)
        let input = """
            email,Department,Note
            alice@example.com,Sales,=1+1
            bob@example.com,Nope,
            zed@example.com,Sales,

            """
        let importer = try await prepared(session, input)
        #expect(await importer.run() == false)

        let reportURL = directory.url.appendingPathComponent("users.csv.report.csv")
        try importer.writeReport(to: reportURL)
        let attributes = try FileManager.default.attributesOfItem(atPath: reportURL.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let report = try DelimitedTable.parse(try String(contentsOf: reportURL, encoding: .utf8))
        #expect(report.header == ["email", "Department", "Note", "import status", "import detail"])
        #expect(report.records.map { $0[3] } == ["changed", "error", "error"])
        #expect(report.records[0][2] == "=1+1", "a formula-like cell comes back as the same text")
        #expect(report.records[0][4] == "Department: Design → Sales")
        #expect(report.records[1][4].contains("'Nope' is not one of the options"))
        #expect(report.records[2][4].contains("HTTP 404"))

        // Fix Bob's row, import the report itself: Alice is unchanged now, Bob changes, no
        // status columns are doubled.
        var fixed = report
        fixed.records[1].cells[1] = "Engineering"
        let second = try await prepared(session, fixed.rendered())
        #expect(second.ignoredColumns == ["Note"])
        let writesBefore = transport.writes
        #expect(await second.run() == false)
        #expect(statuses(second) == [.unchanged, .changed, .failed])
        #expect(transport.writes - writesBefore == 1)
        #expect(second.reportTable.header == report.header)
        #expect(second.reportTable.records.map { $0[3] } == ["unchanged", "changed", "error"])
    }

    // MARK: - Encodings

    @Test func aControlHubUTF16ExportImportsLikeTheSameCSV() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, _) = importSession(sandbox, directory: directory)
        let tsv =
            "User ID/Email (Required)\tFirst Name\tDepartment\tCost Center\r\n"
            + "bob@example.com\tBob\tEngineering\t=מחלקה 7\r\n"
        var data = Data([0xFF, 0xFE])
        for unit in tsv.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }

        let (text, encoding) = try TextFileDecoding.decode(data)
        #expect(encoding == .utf16LittleEndian)
        let importer = try await prepared(session, text)
        #expect(importer.ignoredColumns == ["First Name"])
        #expect(await importer.run())
        #expect(
            sandbox.userValues(siteUrl: siteA, email: "bob@example.com")
                == ["Department": "Engineering", "Cost Center": "=מחלקה 7"])
    }

    // MARK: - Refusals and undo

    @Test func aReadOnlySiteRefusesTheRunWithTheReasonAndSendsNothingAboutUsers() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, transport) = importSession(
            sandbox, directory: directory, settings: Settings(readOnlySites: [siteA]))
        let importer = try await prepared(session, "email,Department\nbob@example.com,Sales\n")
        #expect(await importer.run() == false)
        #expect(importer.failure?.errorDescription?.contains("\(siteA) is read-only") == true)
        #expect(importer.failure?.errorDescription?.contains("readOnlySites") == true)
        #expect(transport.all.count == 1, "only the codes were read")
        // A dry run is allowed: it writes nothing.
        let dry = try await prepared(session, "email,Department\nbob@example.com,Sales\n")
        #expect(await dry.run(dryRun: true))
        #expect(transport.writes == 0)
    }

    @Test func aSessionWithoutUndoKeepsNoRecordsButJournalsEveryChange() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, _) = importSession(sandbox, directory: directory)
        session.keepsUndoHistory = false
        let importer = try await prepared(
            session,
            "email,Department,Cost Center\nalice@example.com,Sales,CC-2\nbob@example.com,Sales,\n")
        #expect(await importer.run())
        #expect(importer.count(.changed) == 2)
        #expect(session.history.undoStack.isEmpty)
        #expect(try session.journal.read().records.count == 4)
    }

    @Test func everyChangeIsJournaledAndOneUndoRevertsTheWholeImport() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: Self.people()))
        let (session, _) = importSession(sandbox, directory: directory)
        let importer = try await prepared(
            session,
            "email,Department,Cost Center\nalice@example.com,Sales,CC-2\nbob@example.com,Sales,\n")
        #expect(await importer.run())

        let records = try session.journal.read().records
        #expect(records.count == 4)
        #expect(
            records.filter { $0.kind == .intent }.allSatisfy {
                $0.action == .updateUserValues && $0.userBefore != nil
            })
        #expect(session.history.undoStack.count == 1)
        #expect(session.history.rows.first?.summary == "Import of user values (2 changes)")

        #expect(await session.history.undo())
        #expect(
            sandbox.userValues(siteUrl: siteA, email: "alice@example.com") == [
                "Department": "Design", "Cost Center": "CC-1",
            ])
        // Bob had no Department before; Webex cannot remove a value, and the message says so.
        #expect(
            sandbox.userValues(siteUrl: siteA, email: "bob@example.com") == ["Department": "Sales"])
        #expect(session.status?.text.contains("1 user keeps values") == true)
        #expect(await session.history.redo())
        #expect(
            sandbox.userValues(siteUrl: siteA, email: "alice@example.com") == [
                "Department": "Sales", "Cost Center": "CC-2",
            ])
    }
}
