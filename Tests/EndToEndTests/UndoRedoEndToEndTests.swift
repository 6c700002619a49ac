import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// Undo and redo of each kind of change, in the real binary against `trackcodes sandbox`: make
/// the change in its pane, go back to the code list, press `z` and `Z`, and check after each
/// step what the sandbox holds, what the screen says, and what the history view lists.
@Suite("Undo and redo end to end", .serialized)
struct UndoRedoEndToEndTests {
    /// Opens the history view and returns its row for `change`, checking site, time and state.
    private func historyRow(
        _ change: String, state: String, in ui: TmuxSession
    ) throws -> String {
        try ui.send("H")
        let screen = try ui.waitFor("'\(change)' in the history, \(state)") { screen in
            screen.contains("History of changes")
                && Self.line(containing: change, in: screen)?.hasSuffix(state) == true
        }
        let row = try #require(Self.line(containing: change, in: screen))
        #expect(row.contains("acme.webex.com"))
        #expect(row.range(of: #"^\d\d:\d\d:\d\d "#, options: .regularExpression) != nil, "\(row)")
        try ui.send("Escape")
        try ui.waitForAbsence(of: "History of changes")
        return row
    }

    private static func line(containing text: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(text) }
            .map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    @Test func createInTheEditorThenUndoAndRedoGivesANewId() async throws {
        let sandbox = try SandboxProcess()
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "12 codes")

        try ui.send("n")
        try ui.waitFor(text: "New tracking code on acme.webex.com")
        try ui.type("E2E Travel")
        try ui.send("BTab")
        try ui.send("a")
        try ui.type("Air")
        try ui.send("Enter")
        try ui.send("C-s")
        try ui.waitFor(text: "Created 'E2E Travel'")
        let created = try await sandbox.waitForState("the new code") {
            $0.code(named: "E2E Travel") != nil
        }
        let firstID = try #require(created.code(named: "E2E Travel")?.id)
        try ui.send("Escape")
        // Wait for the editor to close: a key right behind Esc would read as Alt-key.
        try ui.waitForAbsence(of: "Edit 'E2E Travel'")
        try ui.waitFor(text: "13 codes")

        try ui.send("z")
        try ui.waitFor(text: "Undid the creation of 'E2E Travel': deleted id \(firstID).")
        _ = try await sandbox.waitForState("the code gone again") {
            $0.code(named: "E2E Travel") == nil
        }
        try ui.waitFor(text: "12 codes")
        _ = try historyRow("Created 'E2E Travel'", state: "undone", in: ui)

        try ui.send("Z")
        let back = try await sandbox.waitForState("the code back") {
            $0.code(named: "E2E Travel") != nil
        }
        let secondID = try #require(back.code(named: "E2E Travel")?.id)
        #expect(secondID != firstID)
        #expect(back.code(named: "E2E Travel")?.options == [TrackingCodeOption(value: "Air")])
        try ui.waitFor(wrappedText: "Re-created 'E2E Travel' as id \(secondID) (was \(firstID)); "
            + "Webex gives a re-created code a new id")
        _ = try historyRow("Created 'E2E Travel'", state: "done", in: ui)
    }

    @Test func editTheOptionsAndDefaultThenUndoAndRedo() async throws {
        let sandbox = try SandboxProcess()
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "Billing Code")
        let original = try #require(try await sandbox.state().code(named: "Billing Code"))

        // Billing Code is the first row: B-100 (default), B-200, B-300. Move B-100 down and
        // make B-300 the default.
        try ui.send("e")
        try ui.waitFor(text: "Edit 'Billing Code' on acme.webex.com")
        try ui.send("BTab")
        try ui.send("J")
        try ui.send("G")
        try ui.send("*")
        try ui.waitFor(text: "3 options, default: B-300")
        try ui.send("F2")
        try ui.waitFor(text: "Saved 'Billing Code'")
        let edited = try await sandbox.waitForState("the edit") {
            $0.code(named: "Billing Code")?.defaultOption?.value == "B-300"
        }
        let afterEdit = try #require(edited.code(named: "Billing Code"))
        #expect(afterEdit.options.map(\.value) == ["B-200", "B-100", "B-300"])
        try ui.send("Escape")
        try ui.waitForAbsence(of: "Edit 'Billing Code'")

        try ui.send("z")
        try ui.waitFor(text: "Reverted 'Billing Code' (id \(original.id)).")
        let reverted = try await sandbox.waitForState("the old object") {
            $0.code(named: "Billing Code")?.defaultOption?.value == "B-100"
        }
        #expect(reverted.code(named: "Billing Code") == original)
        _ = try historyRow("Edited 'Billing Code'", state: "undone", in: ui)

        try ui.send("Z")
        try ui.waitFor(text: "Re-applied the edit of 'Billing Code' (id \(original.id)).")
        let redone = try await sandbox.waitForState("the edit again") {
            $0.code(named: "Billing Code")?.defaultOption?.value == "B-300"
        }
        #expect(redone.code(named: "Billing Code") == afterEdit)
        _ = try historyRow("Edited 'Billing Code'", state: "done", in: ui)
    }

    @Test func changeAUsersValuesThenUndoAndRedo() async throws {
        let sandbox = try SandboxProcess()
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "12 codes")
        let email = "wang.fang@acme.example.com"

        try ui.send("u")
        try ui.waitFor(text: "Find user")
        try ui.type(email)
        try ui.send("Enter")
        try ui.waitFor(text: "\(email): 4 of")
        // Department (Legal) is the first row; Division, the second, has no value yet.
        try ui.send("Enter")
        try ui.send("g")
        try ui.send("Enter")
        try ui.waitFor(text: "* Engineering")
        try ui.send("Down")
        try ui.send("Enter")
        try ui.waitFor(text: "Type another value…")
        try ui.send("Enter")
        try ui.waitFor(text: "* Full-time")
        try ui.send("F2")
        _ = try await sandbox.waitForState("the new values") {
            $0.values(of: email)["1"] == "Engineering" && $0.values(of: email)["2"] == "Full-time"
        }
        try ui.waitForAbsence(of: "* Engineering")
        try ui.send("Escape")
        try ui.waitFor(text: "Tracking codes · acme.webex.com")

        // Webex cannot remove a value: Division keeps the one it was given, and the
        // screen says so.
        try ui.send("z")
        try ui.waitFor(wrappedText: "Restored the earlier values of \(email). Webex has no way "
            + "to remove a user's value, so 'Division' keeps 'Full-time'.")
        let undone = try await sandbox.waitForState("Department back to Legal") {
            $0.values(of: email)["1"] == "Legal"
        }
        #expect(undone.values(of: email) == [
            "1": "Legal", "2": "Full-time", "11": "Contoso GmbH", "3": "CC-7730", "7": "São Paulo",
        ])
        _ = try historyRow("Changed 2 values of wang.fang", state: "undone", in: ui)

        try ui.send("Z")
        try ui.waitFor(text: "Set the values of \(email) again.")
        let redone = try await sandbox.waitForState("Department Engineering again") {
            $0.values(of: email)["1"] == "Engineering"
        }
        #expect(redone.values(of: email)["2"] == "Full-time")
        _ = try historyRow("Changed 2 values of wang.fang", state: "done", in: ui)
    }
}
