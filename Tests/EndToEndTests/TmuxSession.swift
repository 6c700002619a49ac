import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for end-to-end tests: one tmux server on a private socket, one window running
/// the program under test. Tests type with `send` and wait for text with `waitFor`; nothing sleeps
/// for a fixed time.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    /// Starts `command` (already shell-quoted) in a `columns`×`rows` window.
    init(command: String, columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8))").path
        let exports = environment.map { "export \($0.key)=\(Self.quote($0.value));" }.joined(separator: " ")
        // `remain-on-exit` keeps the pane readable after the program quits, so tests can check
        // that the terminal was restored. The exit marker starts a line of its own: a killed
        // program leaves the cursor anywhere, and a marker wrapped over two lines never matches.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
                  "bash --norc --noprofile -c \(Self.quote("\(exports) \(command); rc=$?; printf \"\\r\\n[exit %d]\\n\" \"$rc\"; sleep 86400"))"])
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? ProcessRunner.run(["tmux", "-S", socket, "kill-server"], timeout: 10)
        unlink(socket)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(["tmux", "-S", socket] + arguments, timeout: 20)
        guard result.status == 0 else {
            throw RunnerError("tmux \(arguments.first ?? "") failed (\(result.status)): \(result.output)")
        }
        return result.output
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-c`, `Down`) or, with `literal`, plain text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try send(text, literal: true) }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen until `predicate` holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(20_000)
        }
        throw RunnerError("timed out after \(timeout) s waiting for \(what); screen was:\n\(last)")
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 15) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for `text` with line breaks and runs of spaces ignored: for messages the screen
    /// wraps onto several rows.
    @discardableResult
    func waitFor(wrappedText text: String, timeout: Double = 15) throws -> String {
        let wanted = Self.words(text)
        return try waitFor("'\(text)' (wrapped)", timeout: timeout) { Self.words($0).contains(wanted) }
    }

    /// `text` with every run of whitespace, line breaks included, as one space.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @discardableResult
    func waitForAbsence(of text: String, timeout: Double = 15) throws -> String {
        try waitFor("'\(text)' to go", timeout: timeout) { !$0.contains(text) }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Paths of the package and of the binary the tests drive.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `trackcodes` binary SwiftPM built alongside the tests.
    static var binary: String {
        let bundle = Bundle.main.bundleURL
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("trackcodes").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/trackcodes").path
    }
}
