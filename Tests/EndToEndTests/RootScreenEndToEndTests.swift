import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in tmux against `trackcodes sandbox` over loopback: the root screen's
/// stories, checked on screen and in the sandbox's state afterwards.
@Suite("Root screen end to end", .serialized)
struct RootScreenEndToEndTests {
    private func open(
        _ sandbox: SandboxProcess, columns: Int = 80, rows: Int = 24
    ) throws -> TmuxSession {
        let session = try TmuxSession(
            command: sandbox.command(), columns: columns, rows: rows,
            environment: sandbox.environment)
        try session.waitFor(text: "12 codes")
        return session
    }

    @Test func switchSiteAndFilter() throws {
        let sandbox = try SandboxProcess()
        let ui = try open(sandbox)
        try ui.send("s")
        try ui.waitFor(text: "acme-eu.webex.com")
        try ui.send("j")
        try ui.send("Enter")
        try ui.waitFor(text: "Tracking codes · acme-eu.webex.com")
        try ui.waitFor(text: "Abteilung")
        try ui.send("/")
        try ui.type("kost")
        let screen = try ui.waitFor(text: "1 of 4")
        #expect(screen.contains("Kostenstelle"))
        #expect(!screen.contains("Abteilung"))
    }

    @Test func siteAtLaunchOpensOnThatSiteAndAnUnknownOneIsAnError() throws {
        let sandbox = try SandboxProcess()
        let ui = try TmuxSession(
            command: sandbox.command("--site acme-eu.webex.com"), environment: sandbox.environment)
        try ui.waitFor(text: "Tracking codes · acme-eu.webex.com")
        try ui.waitFor(text: "Abteilung")

        let typo = try TmuxSession(
            command: sandbox.command("--site acme-us.webex.com"), environment: sandbox.environment)
        try typo.waitFor(wrappedText: "No site 'acme-us.webex.com' in this account; choose one of: "
            + "acme.webex.com, acme-eu.webex.com")
        try typo.waitFor(text: "┌─ Sites")
        try typo.send("Escape")
        try typo.waitFor(text: "12 codes")
    }

    @Test func markThreeDeleteAfterConfirmingThenUndoAndRedo() throws {
        let sandbox = try SandboxProcess()
        let ui = try open(sandbox)
        try ui.send("Space")
        try ui.send("Space")
        try ui.send("Space")
        try ui.waitFor(text: "3 marked")
        try ui.send("d")
        try ui.waitFor(text: "Delete 3 tracking codes?")
        try ui.send("y")
        try ui.waitFor(text: "3 deleted · 0 failed")
        #expect(try sandbox.codeNames().count == 9)
        #expect(try !sandbox.codeNames().contains("Campaign"))

        try ui.send("Enter")
        try ui.send("z")
        try ui.waitFor(text: "Restored 3 of 3")
        #expect(try sandbox.codeNames().count == 12)
        try ui.send("Z")
        try ui.waitFor(text: "Deleted 3 of 3 codes again")
        #expect(try sandbox.codeNames().count == 9)
    }

    @Test func cancelledDeleteDeletesNothing() throws {
        let sandbox = try SandboxProcess()
        let ui = try open(sandbox)
        try ui.send("a")
        try ui.waitFor(text: "12 marked")
        try ui.send("d")
        try ui.waitFor(text: "Delete 12 tracking codes?")
        try ui.send("Escape")
        try ui.waitFor(text: "nothing was deleted")
        #expect(try sandbox.codeNames().count == 12)
    }

    @Test func resizeToSmallAndTooSmallAndBackThenQuitRestoresTheTerminal() throws {
        let sandbox = try SandboxProcess()
        let ui = try open(sandbox, columns: 200, rows: 50)
        try ui.waitFor(text: "┌─ Detail")
        try ui.resize(columns: 80, rows: 24)
        try ui.waitFor("the list alone at 80×24") { !$0.contains("Detail") && $0.contains("12 codes") }
        try ui.resize(columns: 40, rows: 10)
        try ui.waitFor(text: "Terminal too small")
        try ui.resize(columns: 120, rows: 40)
        // Below 152 columns the detail waits for `i`: the list gets the width and its labels.
        try ui.waitFor("the list alone with full labels at 120×40") {
            !$0.contains("Detail") && $0.contains("Input mode") && $0.contains("12 codes")
        }
        try ui.send("i")
        try ui.waitFor(text: "┌─ Detail")
        try ui.send("q")
        let screen = try ui.waitFor(text: "[exit 0]")
        #expect(!screen.contains("Tracking codes ·"))
    }

    /// Killed rather than quit: the terminal is restored, and the exit status is 128 plus the
    /// signal's number, as shells and supervisors expect.
    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func aSignalRestoresTheTerminalAndExitsWithItsStatus(signal: Int32, status: Int) throws {
        let sandbox = try SandboxProcess()
        let ui = try open(sandbox)
        // The pane runs bash, which runs trackcodes as its child.
        let shell = try ui.tmux(["display-message", "-p", "-t", ui.name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try ProcessRunner.run(["pgrep", "-P", shell, "trackcodes"], timeout: 10)
        let program = try #require(
            Int32(children.output.trimmingCharacters(in: .whitespacesAndNewlines)),
            "\(children.output)")
        #expect(kill(program, signal) == 0)
        let screen = try ui.waitFor(text: "[exit \(status)]")
        #expect(!screen.contains("Tracking codes ·"), "\(screen)")
    }
}
