import Foundation
import Testing
import TrackingCodesCore
import WebexAPI

@testable import TerminalUI

/// The code editor, driven through the app shell on a text terminal against an in-process
/// sandbox: keys in, screens and the sandbox's codes out.
@MainActor
@Suite struct EditorScreenTests {
    private func newCodeForm(_ fixture: FormFixture, columns: Int = 80, rows: Int = 24)
        -> (CodeEditorView, PaneHarness)
    {
        let editor = TrackingCodeEditor(
            session: fixture.session, creatingOn: formSite, siteCodes: fixture.codes)
        let view = CodeEditorView(editor: editor)
        return (view, PaneHarness(
            pane: view, session: fixture.session, columns: columns, rows: rows))
    }

    private func editForm(
        _ fixture: FormFixture, code name: String, columns: Int = 80, rows: Int = 24
    ) throws -> (CodeEditorView, PaneHarness) {
        let code = try #require(fixture.code(named: name))
        let editor = TrackingCodeEditor(
            session: fixture.session, editing: code, siteCodes: fixture.codes)
        let view = CodeEditorView(editor: editor)
        return (view, PaneHarness(
            pane: view, session: fixture.session, columns: columns, rows: rows))
    }

    @Test func aNewCodeShowsItsBrokenRulesThenSavesOnceTheyAreFixed() async throws {
        let fixture = FormFixture()
        let (view, harness) = newCodeForm(fixture)

        #expect(harness.screen == """
        ┌─ New tracking code on acme.webex.com ────────────────────────────────────────┐
        │ Name              the name hosts see                                         │
        │                   ✗ 'name' cannot be empty                                   │
        │ Input mode          Select                                                   │
        │ Host profile        Optional                                                 │
        │ Used on schedule and start pages                                             │
        │   All services      Optional                                                 │
        │   Meeting Center    Optional                                                 │
        │   Event Center      Optional                                                 │
        │   Training Center   Optional                                                 │
        │   Support Center    Optional                                                 │
        │ Options           0 options                                                  │
        │                   ✗ 'options' cannot be empty when 'inputMode' is 'select'   │
        │   No options yet. Focus this list and press a to add one.                    │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │ ✗ 2 problems — fix them to save                                              │
        │ Type the name · ↓/Tab next field · Ctrl-S save · Esc back                    │
        └──────────────────────────────────────────────────────────────────────────────┘
                                                                             2 problems
        """)
        #expect(harness.driver.screen[21, 2].style == Theme.standard.errorText)

        // Saving now sends nothing and says why.
        harness.press(.ctrl("s"))
        await view.runningSave?.value
        #expect(harness.screen.contains("✗ Nothing was sent: the form breaks 2 rules"))
        #expect(fixture.code(named: "Travel") == nil)

        harness.type("Travel")
        #expect(!harness.screen.contains("'name' cannot be empty"))
        harness.press(.backTab, .char("a"))
        harness.type("Air")
        harness.press(.enter, .char("a"))
        harness.type("Rail")
        harness.press(.enter, .char(" "))
        let ready = harness.screen
        #expect(ready.contains("Ready to save: Ctrl-S"))
        #expect(ready.contains("2 options, default: Rail"))
        #expect(!ready.contains("✗ Nothing was sent"))

        harness.press(.function(2))
        await view.runningSave?.value
        let saved = try #require(fixture.code(named: "Travel"))
        #expect(saved.options == [
            TrackingCodeOption(value: "Air"), TrackingCodeOption(value: "Rail", defaultValue: true),
        ])
        #expect(saved.inputMode == .select)
        let screen = harness.screen
        #expect(screen.contains("Edit 'Travel' on acme.webex.com"))
        #expect(screen.contains("Saved 'Travel' (id \(saved.id))."))
        #expect(view.statusText == nil)
    }

    @Test func editingOptionsReordersRemovesAndMovesTheDefault() async throws {
        let fixture = FormFixture()
        let (view, harness) = try editForm(fixture, code: "Department")

        // Options: Engineering, Design (default), Sales.
        harness.press(.backTab)
        harness.press(.char("J"))
        harness.press(.char("G"), .char("*"))
        harness.press(.char("g"), .char("x"))
        let screen = harness.screen
        #expect(screen.contains("2 options, default: Sales"))
        #expect(view.statusText == "unsaved changes")

        harness.press(.char("e"), .ctrl("u"))
        harness.type("Engineering & Ops")
        harness.press(.enter)
        harness.press(.ctrl("s"))
        await view.runningSave?.value
        let saved = try #require(fixture.code(named: "Department"))
        #expect(saved.options == [
            TrackingCodeOption(value: "Engineering & Ops"),
            TrackingCodeOption(value: "Sales", defaultValue: true),
        ])
    }

    @Test func aSaveWebexRefusesKeepsTheFormAndShowsStatusMessageAndTrackingId() async throws {
        let fixture = FormFixture(refusingWritesWith: (
            409, "The request could not be completed due to a conflict.",
            "Tracking code name 'Dept' already exists."))
        let (view, harness) = try editForm(fixture, code: "Department", columns: 120, rows: 40)

        harness.press(.ctrl("u"))
        harness.type("Dept")
        harness.press(.ctrl("s"))
        await view.runningSave?.value

        #expect(harness.screen == """
        ┌─ Edit 'Department' on acme.webex.com ────────────────────────────────────────────────────────────────────────────────┐
        │ ✗ Webex refused the save: HTTP 409                                                                                   │
        │   The request could not be completed due to a conflict.                                                              │
        │   Tracking code name 'Dept' already exists.                                                                          │
        │   trackingId 5E5A1D0C0FFEE0000000000000000042_1750000000000                                                          │
        │                                                                                                                      │
        │ Name              Dept                                                                                               │
        │ Input mode          Select                                                                                           │
        │ Host profile        Optional                                                                                         │
        │ Used on schedule and start pages                                                                                     │
        │   All services      Optional                                                                                         │
        │   Meeting Center    Optional                                                                                         │
        │   Event Center      Optional                                                                                         │
        │   Training Center   Optional                                                                                         │
        │   Support Center    Optional                                                                                         │
        │ Options           3 options, default: Design                                                                         │
        │   1   Engineering                                                                                                    │
        │   2 ● Design                                                                                                         │
        │   3   Sales                                                                                                          │
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
        │ Ready to save: Ctrl-S                                                                                                │
        │ Type the name · ↓/Tab next field · Ctrl-S save · Esc back                                                            │
        └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
         Could not save 'Dept': Webex refused the request: HTTP 409: The request could not be completed due t…  unsaved changes
        """)
        #expect(view.editor.name == "Dept")
        #expect(fixture.code(named: "Department") != nil)
        #expect(fixture.code(named: "Dept") == nil)

        // The save was sent and refused: leaving says so, not "nothing has been sent".
        harness.press(.escape)
        let question = Self.words(harness.screen)
        #expect(question.contains("Discard the changes to 'Department'?"), "\(question)")
        #expect(question.contains("Webex refused the last save; nothing was changed."))
        #expect(!question.contains("Nothing has been sent"))
    }

    @Test func leavingBeforeAnySaveSaysNothingHasBeenSent() throws {
        let fixture = FormFixture()
        let (_, harness) = try editForm(fixture, code: "Department", columns: 120, rows: 40)
        harness.press(.ctrl("u"))
        harness.type("Dept")
        harness.press(.escape)
        #expect(Self.words(harness.screen).contains("Nothing has been sent to Webex."))
    }

    /// The screen's words in order, frames and line breaks gone: for text a dialog wraps.
    private static func words(_ screen: String) -> String {
        screen.replacingOccurrences(of: "│", with: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func rulesAreCheckedAsTheUserTypesAndAdvisoriesDoNotBlock() throws {
        let fixture = FormFixture()
        let (view, harness) = try editForm(fixture, code: "Division")

        harness.press(.ctrl("u"))
        harness.type("department")
        var screen = harness.screen
        #expect(screen.contains("! Another code on acme.webex.com is already named"))
        #expect(screen.contains("Ready to save: Ctrl-S   ! 1 warning"))
        #expect(view.editor.canSave)

        // Required host profile use is refused on a Control Hub managed site.
        harness.press(.down, .down, .right)
        screen = harness.screen
        #expect(screen.contains("◂ Required ▸"))
        #expect(screen.contains("✗ 'hostProfileCode' cannot be 'required' on a Control Hub"))
        #expect(screen.contains("✗ 1 problem — fix it to save"))
        #expect(view.statusText == "1 problem")
        harness.press(.left)
        #expect(!harness.screen.contains("cannot be 'required'"))

        // A name over 120 characters.
        harness.press(.home)
        harness.type(String(repeating: "n", count: 111))
        #expect(harness.screen.contains(
            "✗ 'name' cannot be longer than 120 characters (it has 121)"))
    }

    @Test func choosingHostProfileSelectLocksTheScheduleAndSaysWhy() throws {
        let fixture = FormFixture()
        let (view, harness) = newCodeForm(fixture)

        harness.press(.down, .enter)
        #expect(harness.screen.contains("┌─ Input mode"))
        harness.press(.char("G"), .enter)
        #expect(view.editor.inputMode == .hostProfileSelect)
        harness.press(.down, .down, .left)
        let screen = harness.screen
        #expect(screen.contains("locked: host profile select codes are not asked for there"))
        #expect(screen.contains("Host profile select codes are not asked for on schedule"))
        #expect(view.editor.scheduleType(for: .all) == .notUsed)
    }

    /// Rule 4 ties Admin set services to Admin set host-profile use: leaving it turns them
    /// Optional, and the form names them instead of changing them silently.
    @Test func leavingAdminSetHostProfileNamesTheServicesItTurnedOptional() throws {
        let billing = TrackingCode(
            id: "5", name: "Billing Code", siteUrl: formSite,
            options: [TrackingCodeOption(value: "B-100", defaultValue: true)],
            inputMode: .select, hostProfileCode: .adminSet,
            scheduleStartCodes: TrackingCodeRules.normalizedScheduleStartCodes([
                .init(service: .meetingCenter, type: .adminSet),
                .init(service: .eventCenter, type: .adminSet),
                .init(service: .trainingCenter, type: .notUsed),
                .init(service: .supportCenter, type: .notUsed),
            ]))
        let fixture = FormFixture(codes: formCodes() + [billing])
        let (view, harness) = try editForm(fixture, code: "Billing Code")

        harness.press(.down, .down, .right)
        #expect(view.editor.hostProfileCode == .notUsed)
        #expect(view.editor.scheduleType(for: .meetingCenter) == .optional)
        #expect(view.editor.scheduleType(for: .eventCenter) == .optional)
        #expect(view.editor.scheduleType(for: .trainingCenter) == .notUsed)
        let said = "Meeting Center and Event Center changed from Admin set to Optional: a service"
            + " can be Admin set only when Host profile is Admin set."
        #expect(lettersOf(harness.paneRows).contains(lettersOf([said])), "\(harness.screen)")

        // Back to Admin set: the two Optional services follow, and the form says so.
        harness.press(.left)
        #expect(view.editor.scheduleType(for: .meetingCenter) == .adminSet)
        #expect(lettersOf(harness.paneRows).contains(lettersOf([
            "Meeting Center and Event Center changed to Admin set",
        ])))
        // The next key clears the notice.
        harness.press(.down)
        #expect(!harness.screen.contains("changed"))
    }

    @Test func escapeAsksBeforeDroppingChangesAndLeavesAtOnceWithout() throws {
        let fixture = FormFixture()
        let (_, untouched) = newCodeForm(fixture)
        untouched.press(.escape)
        #expect(untouched.closeCount == 1)

        let (view, harness) = try editForm(fixture, code: "Department")
        harness.type("!")
        harness.press(.escape)
        #expect(harness.screen.contains("Discard the changes to 'Department'?"))
        harness.press(.escape)
        #expect(harness.closeCount == 0)
        #expect(view.editor.name == "Department!")
        harness.press(.escape, .char("y"))
        #expect(harness.closeCount == 1)
        #expect(fixture.code(named: "Department") != nil)
    }

    @Test func keysTypedIntoTheNameAreTextNotCommands() {
        let fixture = FormFixture()
        let (view, harness) = newCodeForm(fixture)
        harness.type("q?/")
        #expect(view.isEditingText)
        #expect(view.editor.name == "q?/")
        #expect(!harness.shell.hasQuit)
        #expect(!harness.shell.isHelpVisible)
    }

    @Test func hundredsOfOptionsScrollAndTheFooterStaysAt80x24() throws {
        let values = (1...300).map { "Cost centre \($0)" }
        let fixture = FormFixture(codes: [formCode("9", "Cost centre", options: values)])
        let (_, harness) = try editForm(fixture, code: "Cost centre")

        harness.press(.backTab, .char("G"))
        #expect(harness.screen == """
        ┌─ Edit 'Cost centre' on acme.webex.com ───────────────────────────────────────┐
        │ Name              Cost centre                                                │
        │ Input mode          Select                                                   │
        │ Host profile        Optional                                                 │
        │ Used on schedule and start pages                                             │
        │   All services      Optional                                                 │
        │   Meeting Center    Optional                                                 │
        │   Event Center      Optional                                                 │
        │   Training Center   Optional                                                 │
        │   Support Center    Optional                                                 │
        │ Options           300 options, no default                                    │
        │   292   Cost centre 292                                                      │
        │   293   Cost centre 293                                                      │
        │   294   Cost centre 294                                                      │
        │   295   Cost centre 295                                                      │
        │   296   Cost centre 296                                                      │
        │   297   Cost centre 297                                                      │
        │   298   Cost centre 298                                                      │
        │   299   Cost centre 299                                                      │
        │   300   Cost centre 300                                                      │
        │ No changes.                                                                  │
        │ a add · Enter edit · x delete · J/K move · Space default · Ctrl-S save       │
        └──────────────────────────────────────────────────────────────────────────────┘

        """)
        #expect(harness.driver.screen[4, 19].style == Theme.standard.selection)
        #expect(harness.driver.screen[4, 18].style == Theme.standard.normal)
    }

    @Test func controlCharactersInDataNeverReachTheTerminal() throws {
        let fixture = FormFixture(codes: [
            formCode("7", "Evil\u{1B}[31m", options: ["\u{07}bell", "\u{202E}txt"]),
        ])
        let (_, harness) = try editForm(fixture, code: "Evil\u{1B}[31m")
        let screen = harness.screen
        #expect(screen.contains("Evil␛[31m"))
        #expect(screen.contains("␇bell"))
        #expect(screen.contains("<U+202E>txt"))
        #expect(!screen.contains("\u{1B}"))
    }

    @Test func aReadOnlySitesReasonWrapsUnderTheFormAndReadsInFullAt80x24() throws {
        let fixture = FormFixture(readOnly: true)
        let reason = try #require(fixture.readOnlyReason)
        let (_, harness) = try editForm(fixture, code: "Department")

        let rows = harness.paneRows
        let first = try #require(rows.firstIndex { $0.hasPrefix("Read-only, cannot save: ") })
        let hints = try #require(rows.firstIndex { $0.hasSuffix("Ctrl-S save · Esc back") })
        // The reason names the settings file, too long for one row and short enough for three.
        #expect((2...3).contains(hints - first), "\(harness.screen)")
        #expect(lettersOf(rows[first..<hints]) == lettersOf(["Read-only, cannot save: " + reason]))
        #expect(!harness.screen.contains("…"))
        #expect(rows.first == "Name              Department")
        #expect(rows.contains("Options           3 options, default: Design"))
    }

    @Test func inASmallWindowTheReasonTakesTwoRowsEndingWithAnEllipsis() throws {
        let fixture = FormFixture(readOnly: true)
        let (view, harness) = try editForm(fixture, code: "Department", columns: 60, rows: 16)
        harness.press(Array(repeating: .tab, count: 7))
        #expect(view.focus == .schedule(.supportCenter))

        let rows = harness.paneRows
        let first = try #require(rows.firstIndex { $0.hasPrefix("Read-only, cannot save: ") })
        #expect(rows.count - first == 3, "two rows of the reason, then the key hints")
        #expect(!rows[first].hasSuffix("…"))
        #expect(rows[first + 1].hasSuffix("…"))
        // The form scrolled to keep the focused field in view above the longer message.
        #expect(rows.contains { $0.hasPrefix("  Support Center") }, "\(harness.screen)")
    }
}
