import Foundation
import Testing

/// Checks the harness itself, so a failing end-to-end test points at the program, not the tools.
@Suite("End-to-end harness")
struct HarnessTests {
    @Test func tmuxShowsTypedInputAndResizes() throws {
        let session = try TmuxSession(command: "cat", columns: 80, rows: 24)
        try session.type("héllo 世界")
        try session.waitFor(text: "héllo 世界")
        try session.resize(columns: 40, rows: 10)
        let size = try session.tmux(["display-message", "-p", "-t", session.name, "#{window_width}x#{window_height}"])
        #expect(size.trimmingCharacters(in: .whitespacesAndNewlines) == "40x10")
        try session.send("Enter")
        try session.send("C-d")
        try session.waitFor(text: "[exit 0]")
    }

    @Test func waitingForTextThatNeverComesFailsWithTheScreen() throws {
        let session = try TmuxSession(command: "echo ready")
        try session.waitFor(text: "ready")
        #expect(throws: RunnerError.self) { try session.waitFor(text: "never shown", timeout: 0.3) }
    }
}
