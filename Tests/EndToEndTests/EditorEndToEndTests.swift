import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// The code editor in the real binary, in tmux, against `trackcodes sandbox` over loopback: open
/// it from the code list (`n` new, `e` edit), type, save, and check what the sandbox holds.
@Suite("Code editor end to end", .serialized)
struct EditorEndToEndTests {
    /// Opens the editor for the code `name` on acme.webex.com: filter the list, then `e`.
    private func openEditor(of name: String, in ui: TmuxSession) throws {
        try ui.waitFor(text: "Department")
        try ui.send("/")
        try ui.type(name)
        try ui.send("Enter")
        try ui.send("e")
        try ui.waitFor(text: "Edit '\(name)' on acme.webex.com")
    }

    @Test func createACodeFirstBreakingARuleThenFixingIt() async throws {
        let sandbox = try SandboxProcess(keepsState: true)
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "Department")

        try ui.send("n")
        try ui.waitFor(text: "New tracking code on acme.webex.com")
        try ui.waitFor(text: "'options' cannot be empty when 'inputMode' is 'select'")
        try ui.type("E2E Travel")
        try ui.send("F2")
        try ui.waitFor(text: "Nothing was sent: the form breaks 1 rule")
        #expect(try await sandbox.state().code(named: "E2E Travel") == nil)

        try ui.send("BTab")
        try ui.send("a")
        try ui.type("Air")
        try ui.send("Enter")
        try ui.waitFor(text: "Ready to save")
        try ui.waitForAbsence(of: "cannot be empty")
        try ui.send("C-s")
        try ui.waitFor(text: "Saved 'E2E Travel'")

        let code = try #require(try await sandbox.state().code(named: "E2E Travel"))
        #expect(code.options == [TrackingCodeOption(value: "Air")])
        #expect(code.inputMode == .select)
        try ui.send("Escape")
        try ui.waitForAbsence(of: "Edit 'E2E Travel'")
    }

    @Test func editTheOptionsAndTheDefault() async throws {
        let sandbox = try SandboxProcess(keepsState: true)
        let ui = try sandbox.startUI()
        try openEditor(of: "Billing Code", in: ui)

        // B-100 (default), B-200, B-300: move B-100 down, make B-300 the default.
        try ui.send("BTab")
        try ui.send("J")
        try ui.send("G")
        try ui.send("*")
        try ui.waitFor(text: "3 options, default: B-300")
        try ui.send("F2")
        try ui.waitFor(text: "Saved 'Billing Code'")

        let code = try #require(try await sandbox.state().code(named: "Billing Code"))
        #expect(code.options == [
            TrackingCodeOption(value: "B-200"), TrackingCodeOption(value: "B-100"),
            TrackingCodeOption(value: "B-300", defaultValue: true),
        ])
    }

    @Test func aRefusedSaveKeepsTheFormAndShowsStatusAndTrackingId() async throws {
        let sandbox = try SandboxProcess(keepsState: true)
        let ui = try sandbox.startUI()
        try openEditor(of: "Event Type", in: ui)
        // Event Type is id 10 in the demo organisation.
        try await sandbox.setFaults(#"{"failingIds": ["10"], "failingStatus": 409}"#)

        try ui.type("s")
        try ui.send("F2")
        let screen = try ui.waitFor(text: "Webex refused the save: HTTP 409")
        #expect(screen.contains("trackingId "))
        #expect(screen.contains("Event Types"))
        #expect(try await sandbox.state().code(named: "Event Type") != nil)

        // Once the fault is gone the same form saves as typed.
        try await sandbox.setFaults("{}")
        try ui.send("F2")
        try ui.waitFor(text: "Saved 'Event Types'")
        #expect(try await sandbox.state().code(named: "Event Types") != nil)
    }

    @Test func altKeysTypedInTheFormAreIgnoredNotTakenAsEsc() throws {
        let sandbox = try SandboxProcess()
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "Department")
        try ui.send("n")
        try ui.waitFor(text: "New tracking code on acme.webex.com")

        // tmux sends Alt-b as ESC b in one write, as terminals do.
        try ui.type("Payroll")
        try ui.send("M-b")
        try ui.type("yearly")
        try ui.send("M-x")
        try ui.type("cd")
        let screen = try ui.waitFor(text: "Payrollyearlycd")
        #expect(!screen.contains("Discard"))
        #expect(screen.contains("New tracking code on acme.webex.com"))
    }
}
