import Foundation
import Testing
import TrackingCodesCore
import WebexAPI
import WebexSandbox

@testable import TerminalUI

/// The import pane, driven through the app shell on a text terminal against an in-process
/// sandbox: type a file's path, read the preview, confirm with `y`, watch it finish, read the
/// report; and what the sandbox holds after it and after undo.
@MainActor
@Suite struct ImportScreenTests {
    static let usersCSV = """
        email,Department,Cost Center,Note
        alice@example.com,Sales,CC-100,moved to sales
        bob@example.com,Engineering,CC-7,
        dave@example.com,Marketing,,
        """

    static let codesCSV = """
        name,inputMode,options
        Department,select,Engineering|*Design|Sales|Support
        Division,editableSelect,Full-time|Part-time
        Project,text,
        Budget,select,
        """

    private func importPane(
        _ fixture: FormFixture, files: [String: String], columns: Int = 80, rows: Int = 24,
        session: Session? = nil
    ) throws -> (ImportView, PaneHarness) {
        let session = session ?? fixture.session
        let folder = fixture.directory.url.appendingPathComponent("files", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let view = ImportView(session: session, siteUrl: formSite, directory: folder)
        return (view, PaneHarness(pane: view, session: session, columns: columns, rows: rows))
    }

    private func open(_ path: String, in view: ImportView, _ harness: PaneHarness) async {
        harness.type(path)
        harness.press(.enter)
        await view.runningWork?.value
    }

    // MARK: - Users

    @Test func usersImportPreviewsConfirmsReportsAndUndoesAsOneStep() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(fixture, files: ["users.csv": Self.usersCSV])
        #expect(view.isEditingText)

        await open("users.csv", in: view, harness)
        #expect(!view.isEditingText)
        #expect(harness.screen == """
        ┌─ Import of users' values from users.csv ─────────────────────────────────────┐
        │ File  users.csv                                                              │
        │ 3 rows of users' values; codes Department, Cost Center; ignored: Note        │
        │ 3 rows: 2 would change, 0 unchanged, 1 with errors                           │
        │  Line User              Action       Detail                                  │
        │     2 alice@example.com would change Department: Design → Sales              │
        │     3 bob@example.com   would change Department: (none) → Engineering; Cost… │
        │     4 dave@example.com  invalid      'Marketing' is not one of the options … │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │ Line 2: Department: Design → Sales                                           │
        │                                                                              │
        │ y apply · f other file · Esc cancel (nothing is sent)                        │
        └──────────────────────────────────────────────────────────────────────────────┘
         3 rows: 2 would change, 0 unchanged, 1 with errors.          2 changes to send
        """)
        // The preview read the users and sent nothing.
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "alice@example.com") == [
            "Department": "Design", "Cost Center": "CC-100",
        ])

        harness.press(.char("G"))
        // The highlighted row's reason in full, under the table.
        #expect(harness.screen.contains(
            "│ Line 4: 'Marketing' is not one of the options of 'Department' (select codes  │"))
        #expect(harness.screen.contains("│ take only their options)"))
        harness.press(.char("y"))
        #expect(view.stage == .applying)
        await view.runningWork?.value
        #expect(view.stage == .report)
        #expect(harness.screen == """
        ┌─ Import of users' values from users.csv ─────────────────────────────────────┐
        │ File  users.csv                                                              │
        │ 3 rows of users' values; codes Department, Cost Center; ignored: Note        │
        │ 3 rows: 2 changed, 0 unchanged, 1 with errors                                │
        │ Report (status and detail per row): users.csv.report.csv                     │
        │  Line User              Action       Detail                                  │
        │     2 alice@example.com changed      Department: Design → Sales              │
        │     3 bob@example.com   changed      Department: (none) → Engineering; Cost… │
        │     4 dave@example.com  invalid      'Marketing' is not one of the options … │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │ Line 2: Department: Design → Sales                                           │
        │                                                                              │
        │ Enter back to the list · z there undoes the whole import                     │
        └──────────────────────────────────────────────────────────────────────────────┘
         3 rows: 2 changed, 0 unchanged, 1 with errors.                 import finished
        """)
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "alice@example.com") == [
            "Department": "Sales", "Cost Center": "CC-100",
        ])
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "bob@example.com") == [
            "Department": "Engineering", "Cost Center": "CC-7",
        ])
        let report = try String(
            contentsOf: view.directory.appendingPathComponent("users.csv.report.csv"),
            encoding: .utf8)
        #expect(report.hasPrefix("email,Department,Cost Center,Note,import status,import detail"))
        #expect(report.contains("dave@example.com,Marketing,,,error,"))

        harness.press(.enter)
        #expect(harness.closeCount == 1)
        #expect(fixture.session.history.undoStack.count == 1)
        await fixture.session.history.undo()
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "alice@example.com") == [
            "Department": "Design", "Cost Center": "CC-100",
        ])
    }

    @Test func theProgressBarShowsRowsDoneWhileWritesAreInFlight() async throws {
        let fixture = FormFixture()
        let gate = WriteGate(SandboxTransport(fixture.sandbox))
        let session = Self.session(on: fixture, transport: gate)
        let (view, harness) = try importPane(
            fixture, files: ["users.csv": Self.usersCSV], session: session)
        await open("users.csv", in: view, harness)
        harness.press(.char("y"))
        while gate.heldCount < 2 { await Task.yield() }

        #expect(harness.screen == """
        ┌─ Import of users' values from users.csv ─────────────────────────────────────┐
        │ File  users.csv                                                              │
        │ 3 rows of users' values; codes Department, Cost Center; ignored: Note        │
        │ Importing [████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░] 1/3 │
        │  Line User              Action       Detail                                  │
        │     2 alice@example.com working…                                             │
        │     3 bob@example.com   working…                                             │
        │     4 dave@example.com  invalid      'Marketing' is not one of the options … │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │ Esc start no more rows (those in flight finish)                              │
        └──────────────────────────────────────────────────────────────────────────────┘
         3 rows: 2 would change, 0 unchanged, 1 with errors.                 importing…
        """)
        gate.open()
        await view.runningWork?.value
        #expect(harness.screen.contains("3 rows: 2 changed, 0 unchanged, 1 with errors"))
    }

    /// A session on the fixture's sandbox through `transport`.
    static func session(
        on fixture: FormFixture, transport: any HTTPTransport, readOnly: Bool = false
    ) -> Session {
        let session = Session(
            token: AccessToken(Sandbox.demoToken), transport: transport,
            baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: fixture.directory.paths,
            readOnly: readOnly, clock: { Date(timeIntervalSince1970: 1_750_000_000) })
        session.select(Site(siteUrl: formSite, isDefault: true))
        return session
    }

    @Test func escapeOnThePreviewSendsNothing() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(fixture, files: ["users.csv": Self.usersCSV])
        await open("users.csv", in: view, harness)
        harness.press(.escape)

        #expect(harness.closeCount == 1)
        #expect(fixture.session.status?.text == "Import cancelled; nothing was sent.")
        #expect(fixture.session.callLog.records.allSatisfy { $0.method == "GET" })
        #expect(fixture.session.history.undoStack.isEmpty)
    }

    @Test func aReadOnlySiteShowsThePreviewAndRefusesTheImportWithTheReason() async throws {
        let fixture = FormFixture()
        let readOnly = Self.session(
            on: fixture, transport: SandboxTransport(fixture.sandbox), readOnly: true)
        let (view, harness) = try importPane(
            fixture, files: ["users.csv": Self.usersCSV], session: readOnly)
        await open("users.csv", in: view, harness)
        #expect(harness.screen.contains(
            "Read-only: trackcodes was started with --read-only. The preview sends"))
        #expect(harness.screen.contains("│ nothing; y is refused."))
        #expect(harness.screen.contains("2 would change"))

        harness.press(.char("y"))
        await view.runningWork?.value
        #expect(view.stage == .preview)
        #expect(readOnly.status?.text
            == "Cannot import into \(formSite): trackcodes was started with --read-only.")
        #expect(readOnly.callLog.records.allSatisfy { $0.method == "GET" })
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "bob@example.com").isEmpty)
    }

    /// Changes are never made without their report: `y` checks that it can be written first.
    @Test func aReportThatCannotBeWrittenRefusesTheImportAndSendsNothing() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(fixture, files: ["users.csv": Self.usersCSV])
        let report = view.directory.appendingPathComponent("users.csv.report.csv")
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: false)
        await open("users.csv", in: view, harness)
        #expect(harness.screen.contains("2 would change"))

        harness.press(.char("y"))
        await view.runningWork?.value
        #expect(view.stage == .preview)
        let problem = "Cannot write the report users.csv.report.csv: there is a directory of "
            + "that name. Nothing was sent; fix that and press y again."
        #expect(view.fileProblem == problem)
        #expect(harness.screen.contains("│ ✗ Cannot write the report users.csv.report.csv: there is"))
        #expect(fixture.session.status?.text == problem)
        #expect(fixture.session.status?.severity == .error)
        #expect(fixture.session.callLog.records.allSatisfy { $0.method == "GET" })
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "bob@example.com").isEmpty)

        // Once the way is clear, y imports and the problem goes.
        try FileManager.default.removeItem(at: report)
        harness.press(.char("y"))
        await view.runningWork?.value
        #expect(view.stage == .report)
        #expect(view.fileProblem == nil)
        #expect(FileManager.default.fileExists(atPath: report.path))
    }

    // MARK: - Codes

    @Test func codesImportPlansAppliesAndPrunesOnRequestAt120x40() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(
            fixture, files: ["codes.csv": Self.codesCSV], columns: 120, rows: 40)
        await open("codes.csv", in: view, harness)

        let plan = harness.screen.components(separatedBy: "\n")
        #expect(plan[0].hasPrefix("┌─ Import of tracking codes from codes.csv ─"))
        #expect(plan[2].contains("4 rows of tracking codes"))
        #expect(plan[3].contains(
            "1 to create, 1 to change, 1 unchanged, 1 invalid (not sent); "
                + "2 site codes not in the file stay (p deletes them)"))
        #expect(Array(plan[4...8]) == [
            "│  Line Code         Action       Detail                                                                               │",
            "│     2 Department   change       options                                                                              │",
            "│     3 Division     unchanged                                                                                         │",
            "│     4 Project      create                                                                                            │",
            "│     5 Budget       invalid      'options' cannot be empty when 'inputMode' is 'select'                               │",
        ])

        harness.press(.char("p"))
        await view.runningWork?.value
        #expect(harness.screen.contains("1 to create, 1 to change, 2 to delete"))
        #expect(harness.screen.contains("prune on"))
        harness.press(.char("p"))
        await view.runningWork?.value
        #expect(!harness.screen.contains("to delete"))

        harness.press(.char("y"))
        await view.runningWork?.value
        #expect(view.stage == .report)
        let report = harness.screen.components(separatedBy: "\n")
        #expect(report[3].contains(
            "Created 1, changed 1, deleted 0 of 2 planned; 1 row with errors"))
        #expect(report[5].contains("Department") && report[5].contains("changed"))
        #expect(report[7].contains("Project") && report[7].contains("created"))
        #expect(fixture.code(named: "Department")?.options.map(\.value) == [
            "Engineering", "Design", "Sales", "Support",
        ])
        #expect(fixture.code(named: "Project")?.inputMode == .text)
        #expect(fixture.code(named: "Budget") == nil)

        await fixture.session.history.undo()
        #expect(fixture.code(named: "Project") == nil)
        #expect(fixture.code(named: "Department")?.options.count == 3)
    }

    @Test func codesReportAt120x40() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(
            fixture, files: ["codes.csv": Self.codesCSV], columns: 120, rows: 40)
        await open("codes.csv", in: view, harness)
        harness.press(.char("y"))
        await view.runningWork?.value
        harness.press(.char("G"))

        #expect(harness.screen == """
        ┌─ Import of tracking codes from codes.csv ────────────────────────────────────────────────────────────────────────────┐
        │ File  codes.csv                                                                                                      │
        │ 4 rows of tracking codes                                                                                             │
        │ Created 1, changed 1, deleted 0 of 2 planned; 1 row with errors not sent                                             │
        │  Line Code         Action       Detail                                                                               │
        │     2 Department   changed      options                                                                              │
        │     3 Division     unchanged                                                                                         │
        │     4 Project      created                                                                                           │
        │     5 Budget       invalid      'options' cannot be empty when 'inputMode' is 'select'                               │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │                                                                                                                      │
        │ Line 5: 'options' cannot be empty when 'inputMode' is 'select'                                                       │
        │                                                                                                                      │
        │ Enter back to the list · z there undoes the whole import                                                             │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
         Created 1, changed 1, deleted 0 of 2 planned; 1 row with errors not sent.                              import finished
        """)
    }

    @Test func capitalIOnTheCodeListOpensThePaneAndEscGoesBack() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("I"))
        #expect(app.text.hasPrefix(" Import from a file"))
        #expect(app.text.contains("Enter read the file · Tab complete · Esc back"))
        // Letters are text in the path field, not commands of the list.
        await app.type("zq")
        #expect(app.text.contains("zq"))
        #expect(app.session.history.undoStack.isEmpty)
        await app.press(.escape)
        #expect(app.text.contains("Billing Code"))
    }

    /// `?` is text in the path, so the hint offers F1, which opens the help from the field.
    @Test func f1OpensTheHelpFromThePathAndTheHintSaysSo() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("I"))
        await app.type("a?b")
        let view = try #require(app.screen.pane as? ImportView)
        #expect(view.pathField.text == "a?b")
        #expect(!app.shell.isHelpVisible)
        #expect(app.text.contains("Esc back · F1 help"), "\(app.text)")
        #expect(!app.text.contains("? help"))

        await app.press(.function(1))
        #expect(app.shell.isHelpVisible, "\(app.text)")
        await app.press(.escape)
        #expect(!app.shell.isHelpVisible)
        #expect(view.pathField.text == "a?b")

        // Off the text field, ? works again and the hint says so; the list's filter is a text
        // field too.
        await app.press(.escape)
        #expect(app.text.contains("? help"))
        #expect(!app.text.contains("F1 help"))
        await app.press(.char("/"))
        #expect(app.text.contains("F1 help"), "\(app.text)")
    }

    // MARK: - The file

    @Test func aMissingFileOrOneWithoutKnownColumnsSaysWhyAndKeepsThePath() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(fixture, files: ["notes.csv": "title,body\na,b\n"])
        await open("nothere.csv", in: view, harness)
        #expect(view.stage == .choosingFile)
        #expect(harness.screen.contains("nothere.csv: the file does not exist"))

        harness.press(.ctrl("u"))
        await open("notes.csv", in: view, harness)
        #expect(harness.screen.contains("The file has no name (for codes) or user"))
        #expect(view.isEditingText)
    }

    /// Every row would come back unchanged: the pane says why the file sets nothing instead.
    @Test func aUsersFileThatNamesNoCodeOfTheSiteSaysWhyAndKeepsThePath() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(
            fixture, files: ["people.csv": "email,Departement\nalice@example.com,Sales\n"])
        await open("people.csv", in: view, harness)

        #expect(view.stage == .choosingFile)
        #expect(view.pathField.text == "people.csv")
        let words = harness.screen.split { $0.isWhitespace || $0 == "│" }.joined(separator: " ")
        #expect(words.contains(
            "No column names a tracking code of \(formSite), so there is nothing to import "
                + "(ignored: Departement)."), "\(harness.screen)")
        #expect(fixture.session.callLog.records.allSatisfy { $0.method == "GET" })
    }

    @Test func aHeaderThatFitsBothImportsAsksWhichOne() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(
            fixture, files: ["both.csv": "name,email,Department\nx,alice@example.com,Sales\n"])
        await open("both.csv", in: view, harness)
        #expect(view.stage == .choosingKind)
        #expect(harness.screen.contains("c imports tracking codes, u"))
        #expect(harness.screen.contains("│ imports users' values."))

        harness.press(.char("u"))
        await view.runningWork?.value
        #expect(view.stage == .preview)
        #expect(view.kind == .users)
        #expect(harness.screen.contains("alice@example.com would change"))
    }

    @Test func tabCompletesThePath() async throws {
        let fixture = FormFixture()
        let (view, harness) = try importPane(
            fixture, files: ["users-march.csv": Self.usersCSV, "users-april.csv": Self.usersCSV])
        harness.type("us")
        harness.press(.tab)
        #expect(view.pathField.text == "users-")
        #expect(harness.screen.contains("users-april.csv  users-march.csv"))
        harness.type("m")
        harness.press(.tab)
        #expect(view.pathField.text == "users-march.csv")
    }
}

/// Tab completion against a fixed folder listing.
@Suite struct PathCompletionTests {
    let folder = URL(fileURLWithPath: "/data")

    func listing(_ path: String) -> [(name: String, isFolder: Bool)] {
        switch path {
        case "/data": [("users.csv", false), ("exports", true), (".hidden.csv", false)]
        case "/data/exports": [("codes-1.csv", false), ("codes-2.json", false)]
        default: []
        }
    }

    @Test func oneMatchCompletesWholeAndFoldersGetASlash() {
        #expect(PathCompletion.complete("u", in: folder, listing: listing).path == "users.csv")
        #expect(PathCompletion.complete("ex", in: folder, listing: listing).path == "exports/")
        #expect(PathCompletion.complete("/data/e", in: folder, listing: listing).path
            == "/data/exports/")
    }

    @Test func severalMatchesGrowToTheSharedPrefixAndAreListed() {
        let completion = PathCompletion.complete("exports/c", in: folder, listing: listing)
        #expect(completion.path == "exports/codes-")
        #expect(completion.candidates == ["codes-1.csv", "codes-2.json"])
    }

    @Test func hiddenEntriesOnlyWhenTheNameStartsWithADot() {
        #expect(PathCompletion.complete("", in: folder, listing: listing).candidates == [
            "exports/", "users.csv",
        ])
        #expect(PathCompletion.complete(".", in: folder, listing: listing).path == ".hidden.csv")
        #expect(PathCompletion.complete("zzz", in: folder, listing: listing).path == "zzz")
    }
}

/// Holds every write until `open()`; reads pass. Lets a test look at an import half done.
final class WriteGate: HTTPTransport, @unchecked Sendable {
    private let base: any HTTPTransport
    private let lock = NSLock()
    private var held: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    var heldCount: Int { lock.withLock { held.count } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.method != "GET" {
            await withCheckedContinuation { continuation in
                let passes = lock.withLock {
                    if !isOpen { held.append(continuation) }
                    return isOpen
                }
                if passes { continuation.resume() }
            }
        }
        return try await base.send(request)
    }

    func open() {
        let waiting = lock.withLock {
            isOpen = true
            defer { held = [] }
            return held
        }
        for continuation in waiting { continuation.resume() }
    }
}
