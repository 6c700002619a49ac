import Foundation
import WebexAPI
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// A real `trackcodes sandbox` on a free loopback port, for the editor and user pane end-to-end
/// tests: starts the binary, reads the base URL it prints, reads its state and sets its faults
/// through the `/_sandbox/` control API, and runs the terminal UI against it in tmux.
final class EditorSandboxProcess {
    let directory: URL
    let baseURL: URL
    private let pid: pid_t

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("trackcodes-forms-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let output = directory.appendingPathComponent("sandbox.out").path
        pid = try ProcessRunner.spawn(
            [TestPaths.binary, "sandbox", "--port", "0",
             "--state", directory.appendingPathComponent("state.json").path],
            outputPath: output)

        let prefix = "Webex sandbox listening on "
        let deadline = Date().addingTimeInterval(20)
        var found: URL?
        while found == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            found = text.split(separator: "\n").first { $0.hasPrefix(prefix) }
                .flatMap { URL(string: String($0.dropFirst(prefix.count))) }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            kill(pid, SIGTERM)
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw RunnerError("the sandbox printed no base URL in 20 s:\n\(text)")
        }
        baseURL = found
    }

    deinit {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The terminal UI on this sandbox in a private tmux server, with its own config and state
    /// folders and the sandbox's token.
    func startUI(columns: Int = 80, rows: Int = 24) throws -> TmuxSession {
        try TmuxSession(
            command: TmuxSession.quote(TestPaths.binary) + " --base-url "
                + TmuxSession.quote(baseURL.absoluteString),
            columns: columns, rows: rows,
            environment: [
                "WEBEX_API_KEY": Sandbox.demoToken,
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
                "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
                "LANG": "C.UTF-8",
                "TERM": "screen-256color",
            ])
    }

    private func controlURL(_ name: String) -> URL {
        // The control API sits beside /v1: http://127.0.0.1:PORT/_sandbox/NAME.
        baseURL.deletingLastPathComponent().appendingPathComponent("_sandbox/\(name)")
    }

    private func send(_ method: String, _ name: String, body: Data? = nil) async throws -> Data {
        let request = HTTPRequest(
            method: method, url: controlURL(name),
            headers: ["Authorization": "Bearer \(Sandbox.demoToken)",
                      "Content-Type": "application/json"],
            body: body)
        let response = try await URLSessionTransport(timeout: 10).send(request)
        guard response.status == 200 else {
            throw RunnerError("\(method) /_sandbox/\(name) answered \(response.status)")
        }
        return response.body
    }

    /// Everything the sandbox holds now.
    func state() async throws -> SandboxDataset {
        try JSONDecoder().decode(SandboxDataset.self, from: try await send("GET", "state"))
    }

    /// Replaces the sandbox's faults, e.g. `{"failingIds": ["10"], "failingStatus": 409}`.
    func setFaults(_ json: String) async throws {
        _ = try await send("PUT", "faults", body: Data(json.utf8))
    }

    /// Polls the state until `predicate` holds: a write the UI started may still be on its way.
    func waitForState(
        _ what: String, timeout: Double = 15, _ predicate: (SandboxDataset) -> Bool
    ) async throws -> SandboxDataset {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try await state()
        while !predicate(last) {
            guard Date() < deadline else {
                throw RunnerError(
                    "timed out after \(timeout) s waiting for the sandbox to hold \(what)")
            }
            usleep(20_000)
            last = try await state()
        }
        return last
    }
}

extension SandboxDataset {
    func code(named name: String, on site: String = "acme.webex.com") -> TrackingCode? {
        codes.first { $0.siteUrl == site && $0.name == name }
    }

    func values(of email: String, on site: String = "acme.webex.com") -> [String: String] {
        users.first { $0.email == email }?.values[site] ?? [:]
    }
}

/// Whether the binary has its terminal UI yet. Until the root screen lands, `trackcodes` without
/// a command says the UI is not built; the pane tests then have nothing to drive and are skipped
/// rather than failed. This check goes when the launcher is wired on main.
enum FormsEndToEnd {
    static let uiIsBuilt: Bool = {
        let result = try? ProcessRunner.run(
            [TestPaths.binary, "--base-url", "http://127.0.0.1:9/v1"],
            environment: ["WEBEX_API_KEY": Sandbox.demoToken, "PATH": "/usr/bin:/bin",
                          "TERM": "dumb"],
            timeout: 10)
        return !(result?.output.contains("terminal UI is not built yet") ?? false)
    }()
}
