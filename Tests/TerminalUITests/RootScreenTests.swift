import Foundation
import Testing
import TrackingCodesCore
import WebexAPI
import WebexSandbox

@testable import TerminalUI

/// The root screen on the in-process demo sandbox, driven through the text driver: press
/// keys, wait for the models to settle (no sleeping), compare the screen and the sandbox.
@MainActor
struct RootHarness {
    let sandbox: Sandbox
    let session: Session
    let screen: TrackcodesScreen
    let shell: AppShell<TrackcodesScreen>
    let driver: TextDriver
    let directory: URL

    init(
        columns: Int = 80, rows: Int = 24, readOnly: Bool = false,
        token: String = Sandbox.demoToken,
        clock: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_750_000_000) }
    ) throws {
        sandbox = try Sandbox.demo()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("root-screen-\(UUID().uuidString)", isDirectory: true)
        session = Session(
            token: AccessToken(token), transport: SandboxTransport(sandbox),
            baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none,
            paths: Paths(configDirectory: directory, stateDirectory: directory), readOnly: readOnly,
            clock: clock)
        screen = TrackcodesScreen(session: session, timeZone: TimeZone(identifier: "UTC") ?? .current)
        driver = TextDriver(size: TerminalSize(columns: columns, rows: rows))
        shell = AppShell(driver: driver, root: screen, theme: .standard)
    }

    /// Starts the screen and waits until the sites and codes are loaded.
    func started() async -> RootHarness {
        screen.start()
        await screen.settle()
        shell.render()
        return self
    }

    /// Presses each key in turn, letting started work finish after each.
    func press(_ keys: Key...) async {
        for key in keys {
            shell.send(.key(key))
            await screen.settle()
        }
        shell.render()
    }

    func type(_ text: String) async {
        for key in Key.typing(text) { await press(key) }
    }

    var text: String { driver.snapshot() }

    var siteCodeNames: [String] {
        sandbox.codes(siteUrl: session.siteUrl ?? "").map(\.name).sorted()
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite("Root screen") @MainActor
struct RootScreenTests {
    @Test func opensOnThePreferredSiteWithItsCodesAndStatusAt80x24() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        let lines = app.text.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix(" Tracking codes · acme.webex.com"))
        #expect(lines[1].contains("Name ▲"))
        #expect(lines[2].hasPrefix("  Billing Code"))
        #expect(lines[23].contains("acme.webex.com  read-write"))
        #expect(lines[23].hasSuffix("12 codes"))
        #expect(lines[22].contains("/ filter"))
        #expect(lines.count == 24)
    }

    @Test func veryWideWindowShowsTheDetailBesideTheListUntilIHidesIt() async throws {
        let app = try await RootHarness(columns: 200, rows: 50).started()
        defer { app.cleanUp() }
        await app.press(.char("j"))
        var lines = app.text.components(separatedBy: "\n")
        #expect(lines[1].contains("┌─ Detail"))
        #expect(app.text.contains("│ Business Unit"))
        #expect(app.text.contains("Host profile  Optional"))

        let scheduleBesideDetail = try Self.column(of: "Schedule/start", in: lines[1])
        await app.press(.char("i"))
        lines = app.text.components(separatedBy: "\n")
        #expect(!app.text.contains("Detail"))
        // The list takes the width the detail had: its columns spread out.
        #expect(try Self.column(of: "Schedule/start", in: lines[1]) > scheduleBesideDetail)
        await app.press(.char("i"))
        #expect(app.text.contains("│ Business Unit"))
    }

    private static func column(of text: String, in line: String) throws -> Int {
        let range = try #require(line.range(of: text))
        return line.distance(from: line.startIndex, to: range.lowerBound)
    }

    /// At 120 columns the detail would squeeze the list to short labels, so it waits for `i`;
    /// once shown it follows the cursor until `i` hides it again.
    @Test func at120ColumnsTheDetailWaitsForI() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        #expect(!app.text.contains("Detail"))
        #expect(app.text.components(separatedBy: "\n")[1].contains("Input mode"))

        await app.press(.char("j"), .char("i"))
        #expect(app.text.components(separatedBy: "\n")[1].contains("┌─ Detail"))
        #expect(app.text.contains("│ Business Unit"))
        await app.press(.char("j"))
        #expect(app.text.contains("│ Campaign"))
        #expect(app.screen.codes.cursor == 2)

        await app.press(.char("i"))
        #expect(!app.text.contains("Detail"))
        #expect(app.text.components(separatedBy: "\n")[1].contains("Input mode"))
    }

    /// Tab goes to the detail, opening it when hidden; its keys then scroll the detail, and
    /// Esc gives them back to the list with the detail left open.
    @Test func tabOpensTheHiddenDetailAndGivesItTheKeys() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        await app.press(.char("G"), .char("k"), .tab)
        #expect(app.text.contains("│ Project"))
        // Project's 300 options fill more than the pane: `j` scrolls them by a line.
        await app.press(.char("j"))
        #expect(app.screen.codes.cursor == 10)
        #expect(!app.text.contains("│ Project"))
        #expect(app.text.contains("│ id 4 on acme.webex.com"))

        await app.press(.escape, .char("j"))
        #expect(app.screen.codes.cursor == 11)
        #expect(app.text.contains("│ Region"))
    }

    @Test func tallNarrowWindowShowsTheDetailUnderTheListOnRequest() async throws {
        let app = try await RootHarness(columns: 80, rows: 40).started()
        defer { app.cleanUp() }
        #expect(!app.text.contains("Detail"))
        await app.press(.char("i"))
        let lines = app.text.components(separatedBy: "\n")
        let frame = try #require(lines.firstIndex { $0.contains("┌─ Detail") })
        #expect(frame > 14)
        #expect(lines[2].hasPrefix("  Billing Code"))
    }

    /// The selection covers the name (and the mark column) only: moving it changes those
    /// cells, while the rest of both rows keeps its style and so is not sent again.
    @Test func theSelectionCoversTheNameOnly() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        let before = app.driver.screen
        await app.press(.char("j"))
        let after = app.driver.screen
        #expect(after[0, 3].style == Theme.standard.selection)
        #expect(after[20, 3].style == Theme.standard.selection)
        #expect(after[30, 3].style == Theme.standard.normal)
        #expect(after[119, 3].style == Theme.standard.normal)

        var changedColumns = Set<Int>()
        for y in 0..<after.size.rows {
            for x in 0..<after.size.columns where before[x, y] != after[x, y] {
                changedColumns.insert(x)
                #expect(y == 2 || y == 3, "row \(y) changed")
            }
        }
        #expect(changedColumns.max().map { $0 < 30 } == true, "\(changedColumns.sorted())")
    }

    /// Moving from a code with 10 options onto one with 300 draws the detail from its top in
    /// the very first frame: one render per key, as the app's loop does.
    @Test func detailOfALongCodeStartsAtItsTopInTheFirstFrame() async throws {
        let app = try await RootHarness(columns: 200, rows: 50).started()
        defer { app.cleanUp() }
        for _ in 0..<9 { await app.press(.char("j")) }
        #expect(app.text.contains("│ Office"))
        app.shell.send(.key(.char("j")))
        #expect(app.text.contains("│ Project"))
        #expect(app.text.contains("Options (300)"))
        #expect(app.text.contains("* PRJ-1000 Lumen"))
        #expect(!app.text.contains("PRJ-1299"))
    }

    @Test func narrowWindowShowsTheDetailOnRequest() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        #expect(!app.text.contains("Detail"))
        await app.press(.char("i"))
        #expect(app.text.contains("Detail"))
        #expect(app.text.contains("Options (3)"))
        await app.press(.escape)
        #expect(!app.text.contains("Detail"))
    }

    @Test func filterNarrowsLiveAndSurvivesRefreshAndOtherViews() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("/"))
        await app.type("dep")
        #expect(app.text.contains("Filter / dep"))
        #expect(app.text.contains("1 of 12"))
        #expect(app.text.contains("Department"))
        #expect(!app.text.contains("Billing Code"))
        await app.press(.enter, .char("r"), .char("H"), .char("H"))
        #expect(app.text.contains("Department"))
        #expect(!app.text.contains("Billing Code"))
        await app.press(.escape)
        #expect(app.text.contains("Billing Code"))
    }

    @Test func sortKeysSortAndReverse() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("3"))
        #expect(app.text.contains("Opts ▲"))
        await app.press(.char("3"))
        let lines = app.text.components(separatedBy: "\n")
        #expect(lines[1].contains("Opts ▼"))
        #expect(lines[2].contains("Project"))
    }

    @Test func deleteAsksOnceNamingTheCodesAndEscDeletesNothing() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        let before = app.siteCodeNames
        await app.press(.char(" "), .char(" "), .char(" "), .char("d"))
        #expect(app.text.contains("Delete 3 tracking codes?"))
        #expect(app.text.contains("Billing Code  (id"))
        #expect(app.text.contains("Campaign  (id"))
        await app.press(.char("d"), .enter)
        #expect(!app.text.contains("Delete 3 tracking codes?"))
        #expect(app.siteCodeNames == before)
        await app.press(.char("d"), .escape)
        #expect(app.siteCodeNames == before)
        #expect(app.text.contains("nothing was deleted"))
    }

    @Test func confirmedBulkDeleteShowsEachCodeThenUndoAndRedo() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char(" "), .char(" "), .char(" "), .char("d"), .char("y"))
        #expect(app.text.contains("Delete finished"))
        #expect(app.text.contains("3 deleted · 0 failed"))
        #expect(app.text.contains("✓ Billing Code"))
        #expect(app.siteCodeNames.count == 9)
        #expect(!app.siteCodeNames.contains("Campaign"))

        await app.press(.enter, .char("z"))
        #expect(app.siteCodeNames.count == 12)
        #expect(app.text.contains("Restored 3 of 3"))
        await app.press(.char("Z"))
        #expect(app.siteCodeNames.count == 9)

        await app.press(.char("H"))
        #expect(app.text.contains("History of changes"))
        #expect(app.text.contains("Deleted 3 codes"))
        #expect(app.text.contains("acme.webex.com"))
    }

    @Test func zInTheFinishedDeleteBoxClosesItAndUndoes() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char(" "), .char(" "), .char("d"), .char("y"))
        #expect(app.text.contains("Delete finished"))
        #expect(app.siteCodeNames.count == 10)
        await app.press(.char("z"))
        #expect(!app.text.contains("Delete finished"))
        #expect(app.siteCodeNames.count == 12)
        #expect(app.text.contains("Restored 2 of 2"))
    }

    @Test func aFailedDeleteIsListedWithItsReasonAndTheOthersGo() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        let victim = try #require(app.sandbox.codes(siteUrl: "acme.webex.com")
            .first { $0.name == "Business Unit" })
        var faults = app.sandbox.faults
        faults.failingIds = [victim.id]
        app.sandbox.faults = faults
        await app.press(.char(" "), .char(" "), .char(" "), .char("d"), .char("y"))
        #expect(app.text.contains("2 deleted · 1 failed"))
        #expect(app.text.contains("✗ Business Unit (id \(victim.id))"))
        #expect(app.siteCodeNames == app.siteCodeNames.filter { $0 != "Billing Code" })
        #expect(app.siteCodeNames.contains("Business Unit"))
    }

    @Test func readOnlyRefusesWritesAndSaysWhy() async throws {
        let app = try await RootHarness(readOnly: true).started()
        defer { app.cleanUp() }
        #expect(app.text.contains("[read-only]"))
        await app.press(.char(" "), .char("d"))
        #expect(!app.text.contains("Delete 1"))
        #expect(app.text.contains("Cannot delete codes: trackcodes was started with --read-only"))
        #expect(app.siteCodeNames.count == 12)
        await app.press(.char("n"))
        #expect(app.text.contains("Cannot create a code"))
    }

    /// A user pane's long title gives way to `[read-only]` and `? help`: its longest word (the
    /// email) is cut, and the tag and hint stay whole and apart.
    @Test func aLongTitleIsShortenedSoTheReadOnlyTagAndHelpHintFitAt80Columns() async throws {
        let app = try await RootHarness(readOnly: true).started()
        defer { app.cleanUp() }
        await app.press(.char("u"))
        await app.type("li.wei@acme.example.com")
        await app.press(.enter)

        let title = app.text.components(separatedBy: "\n")[0]
        #expect(title == " Tracking codes of li.wei@acme.example.… on acme.webex.com  [read-only]"
            + "  ? help")
    }

    /// z undoes a change on the site it was made on, whichever site is on screen: that site's
    /// read-only state decides, and the message names it.
    @Test func undoFromAnotherSiteAsksTheChangesSiteAndNamesIt() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        let acmeCodes = { app.sandbox.codes(siteUrl: "acme.webex.com").count }
        await app.press(.char(" "), .char("d"), .char("y"), .enter)
        #expect(acmeCodes() == 11)
        await app.press(.char("s"), .char("j"), .enter)
        #expect(app.session.siteUrl == "acme-eu.webex.com")

        // The site on screen is read-only, the change's site is not: the undo goes ahead.
        app.session.learnReadOnly(siteUrl: "acme-eu.webex.com", reason: "eu is mapped")
        await app.press(.char("z"))
        #expect(acmeCodes() == 12, "\(app.text)")
        #expect(app.session.status?.text.hasPrefix("Restored 1 of 1") == true, "\(app.text)")

        // Now the change's own site is read-only too: the refusal names it, not the other.
        await app.press(.char("Z"))
        #expect(acmeCodes() == 11)
        app.session.learnReadOnly(siteUrl: "acme.webex.com", reason: "acme is mapped")
        await app.press(.char("z"))
        let message = try #require(app.session.status?.text)
        #expect(message.contains("on acme.webex.com: acme is mapped"), "\(message)")
        #expect(!message.contains("acme-eu.webex.com") && !message.contains("eu is mapped"))
        // What the message row shows of it (the status bar names the site on screen).
        let words = app.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("on acme.webex.com: acme is mapped"), "\(app.text)")
        #expect(acmeCodes() == 11)
    }

    /// Function keys are never text: in the editor's name field and in the filter they leave
    /// the text alone, and F1 opens the help as everywhere else.
    @Test func functionKeysInTextFieldsInsertNothingAndF1OpensTheHelp() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("n"))
        await app.type("abc")
        let editor = try #require(app.screen.pane as? CodeEditorView)
        await app.press(.function(5), .function(12), .function(13))
        #expect(editor.editor.name == "abc")
        await app.press(.function(1))
        #expect(app.shell.isHelpVisible, "\(app.text)")
        #expect(editor.editor.name == "abc")
        await app.press(.escape)
        #expect(!app.shell.isHelpVisible)
        #expect(app.screen.pane is CodeEditorView)
        await app.type("d")
        #expect(editor.editor.name == "abcd")

        await app.press(.escape, .char("y"))
        #expect(app.screen.pane == nil)
        await app.press(.char("/"))
        await app.type("dep")
        await app.press(.function(1))
        #expect(app.shell.isHelpVisible, "\(app.text)")
        await app.press(.escape)
        #expect(app.screen.codes.filterText == "dep")
    }

    @Test func sitePickerSwitchesSiteAndReloads() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("s"))
        #expect(app.text.contains("acme-eu.webex.com"))
        await app.press(.char("j"), .enter)
        #expect(app.session.siteUrl == "acme-eu.webex.com")
        #expect(app.text.contains("Tracking codes · acme-eu.webex.com"))
        #expect(app.text.contains("Abteilung"))
    }

    @Test func startsOnTheSiteItIsAskedFor() async throws {
        let app = try RootHarness()
        defer { app.cleanUp() }
        app.screen.start(siteUrl: "ACME-EU.webex.com")
        await app.screen.settle()
        app.shell.render()
        #expect(app.session.siteUrl == "acme-eu.webex.com")
        #expect(app.text.contains("Tracking codes · acme-eu.webex.com"))
        #expect(app.text.contains("Abteilung"))
    }

    @Test func anUnknownStartSiteIsAnErrorAndThePickerOpensOverThePreferredSite() async throws {
        let app = try RootHarness()
        defer { app.cleanUp() }
        app.screen.start(siteUrl: "nowhere.webex.com")
        await app.screen.settle()
        app.shell.render()
        #expect(app.text.contains("No site 'nowhere.webex.com' in this account"))
        #expect(app.text.contains("┌─ Sites"))
        #expect(app.session.siteUrl == "acme.webex.com")

        await app.press(.char("j"), .enter)
        #expect(app.session.siteUrl == "acme-eu.webex.com")
        #expect(app.text.contains("Abteilung"))
    }

    @Test func logViewListsCallsWithoutTheToken() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        await app.press(.char("L"))
        #expect(app.text.contains("GET    /meetingPreferences/sites"))
        #expect(app.text.contains("200"))
        #expect(!app.text.contains(Sandbox.demoToken))
    }

    @Test func aRefusedTokenSaysSoAndWhatToDoAndRListsTheSitesAgain() async throws {
        let app = try await RootHarness(token: "wrong").started()
        defer { app.cleanUp() }
        let words = app.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!words.contains("No site chosen"), "\(app.text)")
        #expect(words.contains("Webex refused the access token (HTTP 401"), "\(app.text)")
        #expect(words.contains("set WEBEX_API_KEY to a valid token"), "\(app.text)")
        #expect(words.contains("--token-file PATH"), "\(app.text)")
        #expect(words.contains("start trackcodes again"), "\(app.text)")
        // The status line's short form is whole: nothing cut off with an ellipsis.
        let bottom = app.text.components(separatedBy: "\n").suffix(4).joined(separator: " ")
        #expect(bottom.contains("HTTP 401"), "\(app.text)")
        #expect(!bottom.contains("…"), "\(app.text)")

        let siteCalls = {
            app.session.callLog.records.filter { $0.path.hasSuffix("/meetingPreferences/sites") }
                .count
        }
        let before = siteCalls()
        await app.press(.char("r"))
        #expect(siteCalls() == before + 1)
        let again = app.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(again.contains("Webex refused the access token"), "\(app.text)")
        #expect(!again.contains("Choose a site first"), "\(app.text)")
    }

    @Test func aLongMessageWrapsOverAtMostThreeRowsAboveTheStatusBar() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        app.session.report(String(repeating: "word ", count: 30) + "end.")
        app.shell.render()
        var lines = app.text.components(separatedBy: "\n")
        #expect(lines.count == 24)
        #expect(lines[21].hasPrefix(" word word"))
        #expect(lines[22] == " end.")
        #expect(lines[23].contains("read-write"))
        #expect(lines[2].contains("Billing Code"))

        app.session.report(String(repeating: "word ", count: 60) + "end.")
        app.shell.render()
        lines = app.text.components(separatedBy: "\n")
        #expect(lines[20].hasPrefix(" word word"))
        #expect(lines[22].hasSuffix("…"))
        #expect(!app.text.contains("end."))
        #expect(!lines[19].contains("word"))
    }

    @Test func newsFadesAfterAFewSecondsAndErrorsStayUntilTheNextKey() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
        let app = try await RootHarness(clock: { clock.now }).started()
        defer { app.cleanUp() }
        let lifetime = app.session.statusLifetime
        #expect(lifetime >= 3 && lifetime <= 10)

        await app.press(.char("/"))
        await app.type("dep")
        await app.press(.enter, .escape)
        #expect(app.text.contains(" Filter cleared."))
        #expect(app.screen.wantsTicks)
        clock.advance(by: lifetime - 1)
        app.shell.send(.tick)
        #expect(app.text.contains(" Filter cleared."))
        // A key does not hide news before its time.
        await app.press(.char("j"))
        #expect(app.text.contains(" Filter cleared."))
        clock.advance(by: 1)
        app.shell.send(.tick)
        #expect(!app.text.contains("Filter cleared."))
        #expect(app.text.contains(" / filter · Space mark"))
        #expect(!app.screen.wantsTicks)

        app.session.report("Could not load the codes: HTTP 500.", severity: .error)
        app.shell.render()
        clock.advance(by: 3600)
        app.shell.send(.tick)
        #expect(app.text.contains(" Could not load the codes: HTTP 500."))
        await app.press(.char("k"))
        #expect(!app.text.contains("HTTP 500"))
        #expect(app.text.contains(" / filter · Space mark"))
    }

    @Test func keyHintsShowOnlyWholeHintsThatFit() {
        let hints = ["/ filter", "Space mark", "d delete"]
        #expect(KeyHints.fitting(hints, width: 80).description == "/ filter · Space mark · d delete")
        #expect(KeyHints.fitting(hints, width: 25).description == "/ filter · Space mark")
        #expect(KeyHints.fitting(hints, width: 7).description == "")
    }

    @Test func helpListsTheScreensKeys() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        await app.press(.char("?"))
        #expect(app.text.contains("Delete the marked codes"))
        #expect(app.text.contains("Undo the last change"))
    }

    @Test func quittingAnUnsavedFormAsksInADialogNamingTheKeyUsed() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("n"))
        await app.type("xyz")

        // Ctrl-C: the question shows over the form, naming Ctrl-C; Esc goes back to the form.
        await app.press(.ctrl("c"))
        #expect(app.text.contains("Quit and discard the open form's unsaved"), "\(app.text)")
        #expect(app.text.contains("y or Ctrl-C again quits"), "\(app.text)")
        #expect(app.driver.screen.cursor == nil)
        await app.press(.escape)
        #expect(!app.shell.hasQuit)
        #expect(!app.text.contains("Quit and discard"))
        let editor = try #require(app.screen.pane as? CodeEditorView)
        #expect(editor.editor.name == "xyz")

        // q on the option list: the question names q, and q again quits.
        await app.press(.tab, .char("q"))
        #expect(app.text.contains("y or q again quits"), "\(app.text)")
        #expect(!app.shell.hasQuit)
        await app.press(.char("q"))
        #expect(app.shell.hasQuit)
    }

    @Test func yInTheQuitQuestionQuitsAndAFormWithoutChangesQuitsAtOnce() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("n"), .tab, .char("q"))
        #expect(app.shell.hasQuit, "an untouched new form has nothing to lose")

        let edited = try await RootHarness().started()
        defer { edited.cleanUp() }
        await edited.press(.char("n"))
        await edited.type("abc")
        await edited.press(.ctrl("c"), .char("y"))
        #expect(edited.shell.hasQuit)
    }

    @Test func aFailedReloadSaysPressRToRetryLikeAFailedFirstLoad() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        var faults = app.sandbox.faults
        faults.serverErrorShare = 1
        app.sandbox.faults = faults

        await app.press(.char("r"))
        let status = try #require(app.session.status)
        #expect(status.text.hasPrefix("Could not load the tracking codes of acme.webex.com: "))
        #expect(status.text.hasSuffix(" Press r to retry."))
        #expect(app.text.contains("Press r to retry."), "\(app.text)")
        // The codes loaded before stay listed.
        #expect(app.text.contains("Billing Code"))

        app.sandbox.faults = .none
        await app.press(.char("r"))
        #expect(!app.text.contains("retry"))
    }

    @Test func readOnlyHintsLeaveOutRefusedKeysAndEnterShowsTheDetail() async throws {
        let app = try await RootHarness(readOnly: true).started()
        defer { app.cleanUp() }
        let hints = app.text.components(separatedBy: "\n")[22]
        #expect(hints.hasPrefix(" / filter · Space mark · i detail · u user"), "\(hints)")
        for refused in ["d delete", "n new", "e edit"] {
            #expect(!hints.contains(refused), "\(hints)")
        }

        await app.press(.enter)
        #expect(app.screen.pane == nil)
        #expect(!app.text.contains("Cannot edit"), "\(app.text)")
        #expect(app.text.contains("─ Detail "), "\(app.text)")
        #expect(app.text.contains("Billing Code"))

        let writable = try await RootHarness().started()
        defer { writable.cleanUp() }
        #expect(writable.text.contains("d delete · n new · e edit"))
        await writable.press(.enter)
        #expect(writable.screen.pane is CodeEditorView)
    }
}
