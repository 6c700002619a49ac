import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A SIGKILL in the middle of a bulk delete: the journal still holds every code that went (or
/// was about to go), and `trackcodes journal restore` brings them all back.
@Suite("Crash recovery end to end", .serialized)
struct CrashRecoveryEndToEndTests {
    @Test func killedDuringBulkDeleteThenJournalRestoreBringsEveryCodeBack() throws {
        let sandbox = try SandboxProcess(latencyMs: 400)
        let original = try sandbox.codeNames()
        let ui = try TmuxSession(command: sandbox.command(), environment: sandbox.environment)
        try ui.waitFor(text: "12 codes")
        try ui.send("a")
        try ui.waitFor(text: "12 marked")
        try ui.send("d")
        try ui.waitFor(text: "Delete 12 tracking codes?")
        try ui.send("y")
        try ui.waitFor("the first deletes to finish") { $0.contains("✓") && $0.contains("in flight") }

        let program = try programPID(in: ui)
        #expect(kill(program, SIGKILL) == 0)
        try ui.waitFor(text: "[exit 137]")
        let left = try sandbox.codeNames()
        #expect(left.count < original.count)

        var environment = sandbox.environment
        environment["HOME"] = sandbox.home.path
        let restore = try ProcessRunner.run(
            [TestPaths.binary, "--base-url", sandbox.baseURL, "journal", "restore", "--yes"],
            environment: environment, timeout: 60)
        #expect(restore.status == 0, "\(restore.output)")
        #expect(restore.output.contains("Restored '"))
        #expect(try sandbox.codeNames() == original)

        let again = try ProcessRunner.run(
            [TestPaths.binary, "--base-url", sandbox.baseURL, "journal", "list"],
            environment: environment, timeout: 60)
        #expect(again.output.contains("Nothing to restore"), "\(again.output)")
    }

    /// The trackcodes process: the child of the shell tmux started in the pane.
    private func programPID(in ui: TmuxSession) throws -> pid_t {
        let shell = try ui.tmux(["display-message", "-p", "-t", ui.name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(
            contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let first = children.split(separator: " ").first, let pid = pid_t(first) else {
            throw RunnerError("no program running under the pane's shell \(shell)")
        }
        return pid
    }
}
