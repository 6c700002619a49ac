import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import TrackingCodesCore

@MainActor
@Suite("Codes import: export, diff, apply, undo")
struct CodesImportTests {
    func plannedImport(
        _ fixture: Fixture, _ text: String, prune: Bool = false, site: String = siteA
    ) async throws -> CodesImport {
        let rows = try CodesFile.rows(from: Data(text.utf8))
        let importer = CodesImport(
            session: fixture.session, siteUrl: site, rows: rows, prune: prune)
        #expect(await importer.makePlan())
        return importer
    }

    func verbs(_ importer: CodesImport) -> [String] {
        importer.items.map { "\($0.verb) \($0.name)" }
    }

    // MARK: - Round trips

    @Test func exportingEveryDemoSiteAndImportingItBackChangesNothing() async throws {
        let directory = TemporaryDirectory()
        let sandbox = try Sandbox.demo()
        let (session, transport) = importSession(sandbox, directory: directory)
        for site in sandbox.dataset.sites.map(\.siteUrl) {
            let codes = sandbox.codes(siteUrl: site)
            for data in [
                Data(CodesFile.table(for: codes).rendered().utf8), CodesFile.json(for: codes),
            ] {
                let importer = CodesImport(
                    session: session, siteUrl: site, rows: try CodesFile.rows(from: data))
                #expect(await importer.makePlan())
                #expect(
                    importer.changeCount == 0,
                    "\(site): \(importer.items.filter(\.needsRequest).map(\.name))")
                #expect(importer.invalidCount == 0)
                #expect(importer.unchangedCount == codes.count)
                #expect(importer.planSummary == "0 changes, \(codes.count) unchanged")
                // Applying sends nothing, even on the site whose codes are mapped: no write to
                // refuse.
                #expect(await importer.apply())
            }
        }
        #expect(transport.writes == 0)
        #expect(session.history.undoStack.isEmpty)
    }

    @Test func trickyNamesAndOptionsSurviveWebexAndComeBackUnchanged() async throws {
        let fixture = Fixture(codes: [])
        let names = trickyCells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let options = names.enumerated().map {
            TrackingCodeOption(value: $1, defaultValue: $0 == 3)
        }
        let rows = names.enumerated().map { index, name in
            [
                name, index == 0 ? "select" : "text",
                index == 0 ? OptionListFormat.encode(options) : "",
            ]
        }
        let file = DelimitedTable(header: ["name", "inputMode", "options"], rows: rows).rendered()

        let first = try await plannedImport(fixture, file)
        #expect(first.createCount == names.count)
        #expect(first.invalidCount == 0)
        #expect(await first.apply())
        let stored = fixture.sandbox.codes(siteUrl: siteA)
        #expect(Set(stored.map(\.name)) == Set(names))
        #expect(stored.first { $0.name == names[0] }?.options == options)

        let exported = CodesFile.table(for: stored).rendered()
        let again = try await plannedImport(fixture, exported)
        #expect(again.changeCount == 0)
        #expect(again.unchangedCount == names.count)
        // The cells as read back are exactly Webex's values.
        let reread = try CodesFile.rows(from: Data(exported.utf8))
        #expect(reread.map(\.name) == stored.map(\.name))
        #expect(reread.map(\.options) == stored.map(\.options))
    }

    @Test func aUTF16TabSeparatedCopyOfAnExportPlansLikeTheCSV() async throws {
        let fixture = Fixture()
        let table = CodesFile.table(for: fixture.sandbox.codes(siteUrl: siteA))
        var utf16 = Data([0xFF, 0xFE])
        for unit in table.rendered(delimiter: "\t", lineEnding: "\r\n").utf16 {
            utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
        }
        #expect(
            try CodesFile.rows(from: utf16) == CodesFile.rows(from: Data(table.rendered().utf8)))
    }

    // MARK: - The plan

    @Test func thePlanSaysCreateChangeAndUnchangedAndDeletesOnlyWithPrune() async throws {
        let fixture = Fixture()
        let file = """
            id,name,options
            1,Department,Engineering|*Design|Sales
            2,Division,Full-time|Part-time|Contractor
            ,Project,
            """
        let plain = try await plannedImport(fixture, file)
        #expect(verbs(plain) == ["unchanged Department", "change Division", "create Project"])
        #expect(plain.items[1].detail == "options")
        #expect(plain.keptCodes.map(\.name) == ["Cost Center"])
        #expect(
            plain.planSummary == "1 to create, 1 to change, 1 unchanged; "
                + "1 code on the site is not in the file and stays (--prune would delete it)")
        let fewer = try await plannedImport(fixture, "name\nDepartment\n")
        #expect(
            fewer.planSummary.hasSuffix(
                "; 2 codes on the site are not in the file and stay (--prune would delete them)"))

        let pruning = try await plannedImport(fixture, file, prune: true)
        #expect(
            verbs(pruning) == [
                "unchanged Department", "change Division", "create Project", "delete Cost Center",
            ])
        #expect(pruning.keptCodes.isEmpty)

        let writesBefore = fixture.sandbox.handledRequestCount
        #expect(await pruning.apply())
        // Three writes, one per planned change, and the read an update makes first to check that
        // nobody changed the code meanwhile; nothing for the unchanged row.
        #expect(fixture.sandbox.handledRequestCount - writesBefore == 4)
        #expect(fixture.sandboxNames() == ["Department", "Division", "Project"])
        let division = try #require(
            fixture.sandbox.codes(siteUrl: siteA).first { $0.name == "Division" })
        #expect(division.options.map(\.value) == ["Full-time", "Part-time", "Contractor"])
        #expect(
            division.inputMode == .editableSelect, "a column the file leaves out keeps its value")
        #expect(pruning.resultSummary == "Created 1, changed 1, deleted 1 of 3 planned")
        #expect(pruning.progress == 1)
    }

    @Test func rowsMatchByIdFromTheSameSiteElseByNameIgnoringCase() async throws {
        let fixture = Fixture()
        let file = """
            id,siteUrl,name
            1,\(siteA),Dept
            ,,division
            99,\(siteA),Cost Center
            2,other.webex.com,Imported
            """
        let importer = try await plannedImport(fixture, file)
        #expect(
            verbs(importer) == [
                "change Dept", "change division", "unchanged Cost Center", "create Imported",
            ])
        guard case .update(let before, _, let fields) = importer.items[0].action else {
            Issue.record("expected an update, got \(importer.items[0].action)")
            return
        }
        #expect(before.id == "1")
        #expect(fields == ["name"])
        #expect(importer.items[2].notes == ["no code has id 99 on \(siteA) now; matched by name"])
        #expect(importer.items[3].notes == ["id 2 is from other.webex.com; matched by name"])
    }

    @Test func badRowsAreRefusedWithReasonsAndTheOthersApplied() async throws {
        let fixture = Fixture()
        let file = """
            name,inputMode,options,MeetingCenter
            ,text,,
            Good,text,,
            good,text,,
            Dropdown,dropdown,,
            Empty select,select,,
            Department,,Engineering|*Design|Sales,sometimes
            """
        let importer = try await plannedImport(fixture, file)
        #expect(
            verbs(importer) == [
                "error ", "create Good", "error good", "error Dropdown", "error Empty select",
                "error Department",
            ])
        #expect(importer.items[0].detail == "the name is empty")
        #expect(importer.items[2].detail == "line 3 has the same name; a site has each name once")
        #expect(importer.items[3].detail.contains("'inputMode' must be one of"))
        #expect(importer.items[4].detail.contains("'options' cannot be empty"))
        #expect(importer.items[5].detail.contains("'scheduleStartCodes[].type' must be one of"))

        #expect(await importer.apply() == false)
        #expect(fixture.sandboxNames() == ["Cost Center", "Department", "Division", "Good"])
        #expect(
            importer.resultSummary
                == "Created 1, changed 0, deleted 0 of 1 planned; 5 rows with errors not sent")
    }

    @Test func emptySpreadsheetRowsAreSkippedButARowWithAnyCellIsChecked() async throws {
        let fixture = Fixture()
        let file = "id,name,inputMode,options\n,,,\n,Project,text,\n,,,\n\n,,text,\n,,,\n"
        let importer = try await plannedImport(fixture, file)
        #expect(verbs(importer) == ["create Project", "error "])
        #expect(importer.items.compactMap(\.line) == [3, 6])
        #expect(importer.items[1].detail == "the name is empty")
        #expect(importer.planSummary.hasPrefix("1 to create, 0 unchanged, 1 with errors"))
    }

    @Test func pruneWithAFileOfNoCodesIsRefusedAndDeletesNothing() async throws {
        let fixture = Fixture()
        let before = fixture.sandbox.codes(siteUrl: siteA)
        let importer = CodesImport(
            session: fixture.session, siteUrl: siteA, rows: try CodesFile.rows(from: Data("id,name\n".utf8)),
            prune: true)
        #expect(await importer.makePlan() == false)
        #expect(importer.failure == .unusableFile(.pruneWithoutCodes(siteUrl: siteA)))
        #expect(await importer.apply() == false)
        #expect(fixture.sandbox.codes(siteUrl: siteA) == before)
        #expect(!before.isEmpty)
    }

    @Test func cellsPastTheHeaderMakeTheRowAnErrorUnlessEmpty() async throws {
        let fixture = Fixture()
        let file = "name,inputMode\nProject,text,\nClient, Inc,text\n"
        let importer = try await plannedImport(fixture, file)
        #expect(verbs(importer) == ["create Project", "error Client"])
        #expect(
            importer.items[1].detail
                == "the row has 3 cells but the header has 2 columns; quote a cell that "
                + "contains the delimiter")
    }

    @Test func aNameHeldByAKeptCodeIsRefusedButPruneFreesIt() async throws {
        let fixture = Fixture()
        let file = "id,name\n1,Cost Center\n2,Division\n"
        let keeping = try await plannedImport(fixture, file)
        #expect(
            keeping.items[0].detail.contains(
                "'Cost Center' is the name of code 3, which this import keeps"))
        let pruning = try await plannedImport(fixture, file, prune: true)
        #expect(
            verbs(pruning) == ["change Cost Center", "unchanged Division", "delete Cost Center"])
        #expect(await pruning.apply())
        let codes = fixture.sandbox.codes(siteUrl: siteA)
        #expect(codes.map(\.name).sorted() == ["Cost Center", "Division"])
        #expect(codes.first { $0.name == "Cost Center" }?.id == "1")
    }

    @Test func scheduleCellsFollowWebexsAllRule() {
        let base = [ScheduleStartCode(service: .all, type: .optional)]
        let one = CodesImportPlanner.schedule([.meetingCenter: .required], over: base)
        #expect(one.map(\.type) == [.notApplicable, .required, .optional, .optional, .optional])
        let all = CodesImportPlanner.schedule([.all: .notUsed], over: one)
        #expect(all.map(\.type) == [.notUsed, .notUsed, .notUsed, .notUsed, .notUsed])
        #expect(
            TrackingCodeRules.violations(
                of: TrackingCodeDraft(name: "x", siteUrl: siteA, scheduleStartCodes: one)
            ).isEmpty)
    }

    // MARK: - Refusals, journal and undo

    @Test func aReadOnlySiteIsPlannedButNothingIsSent() async throws {
        let fixture = Fixture(settings: Settings(readOnlySites: [siteA]))
        let importer = try await plannedImport(fixture, "name\nNew code\n")
        #expect(importer.createCount == 1)
        let before = fixture.sandbox.handledRequestCount
        #expect(await importer.apply() == false)
        #expect(fixture.sandbox.handledRequestCount == before)
        guard case .readOnly(let site, let reason) = importer.failure else {
            Issue.record(
                "expected a read-only refusal, got \(String(describing: importer.failure))")
            return
        }
        #expect(site == siteA)
        #expect(reason.contains("readOnlySites"))
        #expect(importer.items[0].state == .planned)
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func everyWriteIsJournaledAndOneUndoRevertsTheWholeImport() async throws {
        let fixture = Fixture()
        let original = fixture.sandbox.codes(siteUrl: siteA)
        let file = "name,options\nDepartment,Engineering|*Design|Sales\nDivision,Only\nProject,\n"
        let importer = try await plannedImport(fixture, file, prune: true)
        #expect(await importer.apply())
        let records = try fixture.journalRecords()
        #expect(records.filter { $0.kind == .intent }.map(\.action) == [.delete, .update, .create])
        #expect(records.filter { $0.kind == .outcome }.allSatisfy { $0.succeeded == true })

        let history = fixture.session.history
        #expect(history.undoStack.count == 1)
        #expect(history.rows.first?.summary == "Import of tracking codes (3 changes)")
        #expect(await history.undo())
        let restored = fixture.sandbox.codes(siteUrl: siteA)
        #expect(restored.map(\.name).sorted() == original.map(\.name).sorted())
        #expect(
            restored.first { $0.name == "Division" }?.options
                == original.first { $0.name == "Division" }?.options)
        #expect(
            restored.first { $0.name == "Cost Center" }?.id != "3", "re-created codes get new ids")

        #expect(await history.redo())
        #expect(fixture.sandboxNames() == ["Department", "Division", "Project"])
        #expect(await history.undo())
        #expect(fixture.sandboxNames() == ["Cost Center", "Department", "Division"])
    }

    @Test func aFailedRequestIsReportedOnItsRowAndTheRestGoOn() async throws {
        let fixture = Fixture()
        fixture.sandbox.faults = SandboxFaults(failingIds: ["2"], failingStatus: 500)
        let importer = try await plannedImport(fixture, "id,name\n1,Dept\n2,Div\n3,CC\n")
        #expect(await importer.apply() == false)
        #expect(importer.failedCount == 1)
        #expect(importer.doneCount == 2)
        guard case .failed(let reason) = importer.items[1].state else {
            Issue.record("expected the Division row to fail")
            return
        }
        #expect(reason.contains("HTTP 500"))
        guard
            case .grouped(_, let changes) = try #require(fixture.session.history.undoStack.last)
                .change
        else {
            Issue.record("expected a grouped history entry")
            return
        }
        #expect(changes.count == 2)
    }
}
