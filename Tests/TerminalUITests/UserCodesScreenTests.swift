import Foundation
import Testing
import TrackingCodesCore
import WebexAPI

@testable import TerminalUI

/// The user pane, driven through the app shell on a text terminal against an in-process
/// sandbox: look a user up, change values, save, and see what the sandbox holds.
@MainActor
@Suite struct UserCodesScreenTests {
    private func userPane(_ fixture: FormFixture, columns: Int = 80, rows: Int = 24)
        -> (UserCodesView, PaneHarness)
    {
        let view = UserCodesView(pane: UserCodesPane(session: fixture.session))
        return (view, PaneHarness(
            pane: view, session: fixture.session, columns: columns, rows: rows))
    }

    private func lookUp(_ text: String, in view: UserCodesView, _ harness: PaneHarness) async {
        harness.type(text)
        harness.press(.enter)
        await view.runningWork?.value
    }

    @Test func lookUpByEmailPickAnOptionAndSaveTheFullList() async throws {
        let fixture = FormFixture()
        let (view, harness) = userPane(fixture)
        #expect(view.isEditingText)

        await lookUp("alice@example.com", in: view, harness)
        #expect(!view.isEditingText)
        harness.press(.enter, .down, .enter)

        #expect(harness.screen == """
        ┌─ Tracking codes of alice@example.com on acme.webex.com ──────────────────────┐
        │ Find user  alice@example.com                                                 │
        │ alice@example.com: 2 of 4 codes have a value, 1 edited (*)                   │
        │ Code         Mode     Value                           Problem                │
        │ Department   Select   * Sales                                                │
        │ Division     Editable –                                                      │
        │ Cost Center  Text     CC-100                                                 │
        │ Region       Host sel –                                                      │
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
        │ 1 edited — Ctrl-S sends the user's full list                                 │
        │ Enter edit · x undo edit · / find user · Ctrl-S save · Esc back              │
        └──────────────────────────────────────────────────────────────────────────────┘
         alice@example.com: 2 values set.                                      1 edited
        """)

        harness.press(.ctrl("s"))
        await view.runningWork?.value
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "alice@example.com") == [
            "Department": "Sales", "Cost Center": "CC-100",
        ])
        #expect(!harness.screen.contains("* Sales"))
        #expect(view.statusText == nil)
    }

    @Test func lookUpByPersonIdAndTypeATextValue() async throws {
        let fixture = FormFixture()
        let (view, harness) = userPane(fixture)

        await lookUp(formBob.personId, in: view, harness)
        harness.press(.down, .down, .enter)
        #expect(view.isEditingText)
        harness.type("CC-7")
        #expect(harness.screen.contains("Value for 'Cost Center'"))
        harness.press(.enter, .function(2))
        await view.runningWork?.value
        #expect(fixture.sandbox.userValues(siteUrl: formSite, personId: formBob.personId) == [
            "Cost Center": "CC-7",
        ])
    }

    @Test func editableSelectOffersTheOptionsAndTyping() async {
        let fixture = FormFixture()
        let (view, harness) = userPane(fixture)
        await lookUp("alice@example.com", in: view, harness)

        harness.press(.down, .enter)
        #expect(harness.screen.contains("Type another value…"))
        harness.press(.char("G"), .enter)
        harness.type("Contractor")
        harness.press(.enter)
        #expect(harness.screen.contains("* Contractor"))

        // A select code takes only its options; the picker offers nothing else.
        harness.press(.up, .enter)
        #expect(!harness.screen.contains("Type another value…"))
    }

    @Test func aRefusedSaveKeepsTheEditsAndShowsStatusMessageAndTrackingId() async {
        let fixture = FormFixture(refusingWritesWith: (
            400, "The request could not be understood by the server due to malformed syntax.",
            "Tracking code of 'Department' is not found."))
        let (view, harness) = userPane(fixture, columns: 120, rows: 40)
        await lookUp("alice@example.com", in: view, harness)
        harness.press(.enter, .down, .enter, .ctrl("s"))
        await view.runningWork?.value

        #expect(harness.screen == """
        ┌─ Tracking codes of alice@example.com on acme.webex.com ──────────────────────────────────────────────────────────────┐
        │ Find user  alice@example.com                                                                                         │
        │ ✗ Webex refused the save: HTTP 400                                                                                   │
        │   The request could not be understood by the server due to malformed syntax.                                         │
        │   Tracking code of 'Department' is not found.                                                                        │
        │   trackingId 5E5A1D0C0FFEE0000000000000000042_1750000000000                                                          │
        │ alice@example.com: 2 of 4 codes have a value, 1 edited (*)                                                           │
        │ Code         Mode     Value                                                   Problem                                │
        │ Department   Select   * Sales                                                                                        │
        │ Division     Editable –                                                                                              │
        │ Cost Center  Text     CC-100                                                                                         │
        │ Region       Host sel –                                                                                              │
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
        │ 1 edited — Ctrl-S sends the user's full list                                                                         │
        │ Enter edit · x undo edit · / find user · Ctrl-S save · Esc back                                                      │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
         Could not save the values of alice@example.com: Webex refused the request: HTTP 400: The request could not …  1 edited
        """)
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "alice@example.com")
            == ["Department": "Design", "Cost Center": "CC-100"])
    }

    @Test func slashLooksUpAnotherUserAndEscapeAsksBeforeDroppingEdits() async {
        let fixture = FormFixture()
        let (view, harness) = userPane(fixture)
        await lookUp("alice@example.com", in: view, harness)

        harness.press(.char("/"))
        #expect(view.isEditingText)
        await lookUp("bob@example.com", in: view, harness)
        #expect(harness.screen.contains("bob@example.com: 0 of 4 codes have a value"))

        harness.press(.down, .down, .char("x"), .enter)
        harness.type("CC-1")
        harness.press(.enter, .escape)
        #expect(harness.screen.contains("Leave and drop 1 unsaved edit of bob@example.com?"))
        harness.press(.escape)
        #expect(harness.closeCount == 0)
        harness.press(.escape, .char("y"))
        #expect(harness.closeCount == 1)
        #expect(fixture.sandbox.userValues(siteUrl: formSite, email: "bob@example.com").isEmpty)
    }

    @Test func anUnknownUserIsSaidPlainlyAndTheQueryStaysForAFix() async {
        let fixture = FormFixture()
        let (view, harness) = userPane(fixture)
        await lookUp("nobody@example.com", in: view, harness)
        let screen = harness.screen
        #expect(screen.contains("✗ No user 'nobody@example.com' on acme.webex.com."))
        #expect(view.isEditingText)
        harness.press(.backspace, .backspace, .backspace)
        harness.type("org")
        #expect(harness.screen.contains("Find user  nobody@example.org"))
    }

    @Test func aStaleValueIsFlaggedAndBlocksSaving() async {
        let fixture = FormFixture(codes: [
            formCode("1", "Department", options: ["Engineering", "Sales"]),
            formCode("3", "Cost Center", mode: .text),
        ])
        let (view, harness) = userPane(fixture)
        await lookUp("alice@example.com", in: view, harness)
        let screen = harness.screen
        #expect(screen.contains("Current value: 'Design' is not one of the options"))
        #expect(screen.contains("✗ 1 problem — fix it to save"))
        #expect(view.statusText == "1 problem")
    }

    @Test func aReadOnlySitesReasonWrapsUnderTheTableAndReadsInFullAt80x24() async throws {
        let fixture = FormFixture(readOnly: true)
        let reason = try #require(fixture.readOnlyReason)
        let (view, harness) = userPane(fixture)
        await lookUp("alice@example.com", in: view, harness)
        harness.press(.down, .down, .down)

        let rows = harness.paneRows
        let first = try #require(rows.firstIndex { $0.hasPrefix("Read-only, cannot save: ") })
        let hints = try #require(rows.firstIndex { $0.hasPrefix("/ find user · r reload") })
        #expect((2...3).contains(hints - first), "\(harness.screen)")
        #expect(lettersOf(rows[first..<hints]) == lettersOf(["Read-only, cannot save: " + reason]))
        #expect(!harness.screen.contains("…"))
        // The row the cursor is on, the last, still shows.
        #expect(view.pane.cursor == 3)
        #expect(rows.contains { $0.hasPrefix("Region       Host sel") })
    }

    @Test func theHighlightedRowsProblemShowsInFullOverThreeRows() async throws {
        let name = "Department of Research and Development for the Northern and Western Regions"
        let fixture = FormFixture(codes: [formCode("1", name, options: ["Engineering"])])
        let (view, harness) = userPane(fixture)
        await lookUp("alice@example.com", in: view, harness)

        let problem = try #require(view.pane.selectedRow?.problem)
        let rows = harness.paneRows
        let first = try #require(rows.firstIndex { $0.hasPrefix("✗ Current value: 'Design'") })
        let problemRows = rows[first...].prefix { !$0.hasPrefix("✗ 1 problem") }
        #expect(problemRows.count == 3, "\(harness.screen)")
        #expect(lettersOf(problemRows) == lettersOf(["✗ " + problem]))
        // The table's cells are cut; the problem under it is not.
        #expect(!problemRows.joined().contains("…"))
    }

    @Test func aReadOnlySiteOffersNoEditRefusesEnterAndSaveBrieflyAndGivesTheReasonOnce()
        async throws
    {
        let fixture = FormFixture(readOnly: true)
        let reason = try #require(fixture.readOnlyReason)
        let (view, harness) = userPane(fixture)
        await lookUp("alice@example.com", in: view, harness)

        #expect(harness.paneRows.last == "/ find user · r reload · Esc back")
        harness.press(.enter)
        #expect(view.valuePicker == nil && view.valueEdit == nil)
        #expect(fixture.session.status?.text == "acme.webex.com is read-only: values cannot be changed.")
        harness.press(.char("e"), .ctrl("s"))
        await view.runningWork?.value
        #expect(view.pane.saveError == nil)
        #expect(!view.pane.hasEdits)

        // The reason (a long settings path) is wrapped once above the key hints, nowhere else.
        let letters = lettersOf(harness.paneRows)
        let once = lettersOf([reason])
        #expect(letters.components(separatedBy: once).count == 2)
        #expect(fixture.session.callLog.records.allSatisfy { $0.method == "GET" })
    }

    @Test func aMappedSiteRefusalGivesTheReasonOnceAndKeepsStatusAndTrackingId() async {
        let fixture = FormFixture(refusingWritesWith: (
            403, "The server refused to fulfill it.",
            "The tracking codes of site 'acme.webex.com' are mapped to user attributes."))
        let (view, harness) = userPane(fixture)
        await lookUp("alice@example.com", in: view, harness)
        harness.press(.enter, .down, .enter, .ctrl("s"))
        await view.runningWork?.value

        let rows = harness.paneRows
        // Status and trackingId at the top (wrapped), the reason once above the key hints.
        #expect(lettersOf(rows[1...2]) == lettersOf([
            "✗ Webex refused the save: HTTP 403, trackingId "
                + RefusingTransport.trackingId,
        ]))
        #expect(rows[3].hasPrefix("alice@example.com: 2 of 4 codes"))
        #expect(rows.filter { $0.contains("Control Hub") }.count == 1, "\(harness.screen)")
        #expect(rows.last == "x undo edit · / find user · r reload · Esc back")
    }
}
