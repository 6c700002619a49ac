import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// Esc against a slow Webex: the real binary in tmux, `trackcodes sandbox` answering every
/// request three seconds late. Esc must end the wait at once, say so, and leave the UI usable.
@Suite("Slow calls end to end", .serialized)
struct SlowCallEndToEndTests {
    /// Well under the sandbox's three seconds: the answer cannot have arrived.
    static let promptly: TimeInterval = 1

    @Test func escCancelsASlowRefreshAtOnceAndTheListStaysUsable() throws {
        let sandbox = try SandboxProcess(latencyMs: 3000)
        let ui = try sandbox.startUI()
        // Two slow calls: the sites, then the codes.
        try ui.waitFor(text: "12 codes", timeout: 30)

        try ui.send("r")
        try ui.waitFor(text: "Esc cancels")
        let pressed = Date()
        try ui.send("Escape")
        let screen = try ui.waitFor(
            text: "Reload of acme.webex.com cancelled; the list shows the codes loaded before.")
        let waited = Date().timeIntervalSince(pressed)
        #expect(waited < Self.promptly, "the cancel took \(waited) s")
        #expect(!screen.contains("Esc cancels"))
        #expect(screen.contains("Billing Code"))

        // Still usable: the filter answers keys at once, without the network.
        try ui.send("/")
        try ui.type("dep")
        let filtered = try ui.waitFor(text: "1 of 12")
        #expect(filtered.contains("Department"))
        #expect(!filtered.contains("Billing Code"))
    }

    @Test func escCancelsASlowSaveInTheEditorAndKeepsTheForm() async throws {
        let sandbox = try SandboxProcess()
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "Department")
        try ui.send("/")
        try ui.type("Event Type")
        try ui.send("Enter")
        try ui.send("e")
        try ui.waitFor(text: "Edit 'Event Type' on acme.webex.com")
        try await sandbox.setFaults(#"{"latencyMs": 3000}"#)

        try ui.type("s")
        try ui.send("F2")
        try ui.waitFor(text: "Saving… (Esc cancels)")
        let pressed = Date()
        try ui.send("Escape")
        let screen = try ui.waitFor(
            text: "The save was cancelled; Webex may or may not have received it.")
        let waited = Date().timeIntervalSince(pressed)
        #expect(waited < Self.promptly, "the cancel took \(waited) s")
        #expect(screen.contains("Name              Event Types"))
        #expect(screen.contains("Edit 'Event Type' on acme.webex.com"))

        // The form still holds the edit: leaving asks before dropping it.
        try ui.send("Escape")
        let dialog = try ui.waitFor(text: "Discard the changes to 'Event Type'?")
        #expect(dialog.contains("The cancelled save may"), "\(dialog)")
        try ui.send("Escape")
        try ui.waitForAbsence(of: "Discard the changes")

        // Once Webex is quick again, the same form saves as typed.
        try await sandbox.setFaults("{}")
        try ui.send("F2")
        try ui.waitFor(text: "Saved 'Event Types'")
        #expect(try await sandbox.state().code(named: "Event Types") != nil)
    }
}
