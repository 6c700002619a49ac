import Foundation
import WebexAPI
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// `trackcodes sandbox` running as its own process on a free loopback port, for end-to-end
/// tests: its base URL and token, its state and faults through the `/_sandbox/` control API,
/// and a temporary home for the XDG folders of the program under test.
final class SandboxProcess {
    let pid: pid_t
    let baseURL: String
    let token = Sandbox.demoToken
    let home: URL

    /// - Parameters:
    ///   - keepsState: serve from a state file in `home`, as a user's sandbox would.
    ///   - dataset: what that state file starts with, instead of the demo data.
    init(latencyMs: Int = 0, keepsState: Bool = false, dataset: SandboxDataset? = nil) throws {
        home = FileManager.default.temporaryDirectory
            .appendingPathComponent("e2e-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let output = home.appendingPathComponent("sandbox.out").path
        let stateFile = home.appendingPathComponent("state.json")
        if let dataset { try SandboxStateFile.save(dataset, to: stateFile) }
        let state = keepsState || dataset != nil ? ["--state", stateFile.path] : []
        pid = try ProcessRunner.spawn(
            [TestPaths.binary, "sandbox", "--port", "0", "--latency-ms", "\(latencyMs)"] + state,
            outputPath: output)

        let deadline = Date().addingTimeInterval(20)
        var found: String?
        while found == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            found = text.split(separator: "\n").first { $0.hasPrefix("Webex sandbox listening on ") }
                .map { String($0.dropFirst("Webex sandbox listening on ".count)) }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            kill(pid, SIGKILL)
            throw RunnerError("the sandbox did not print its address")
        }
        baseURL = found
    }

    deinit {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: home)
    }

    /// The environment for `trackcodes` against this sandbox, with XDG folders in `home`.
    var environment: [String: String] {
        [
            "WEBEX_API_KEY": token,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "no_proxy": "*",
        ]
    }

    /// `trackcodes` with `arguments` against this sandbox, as a shell command line.
    func command(_ arguments: String = "") -> String {
        "\(TmuxSession.quote(TestPaths.binary)) --base-url \(baseURL) \(arguments)"
    }

    /// The terminal UI on this sandbox in a private tmux server.
    func startUI(columns: Int = 80, rows: Int = 24) throws -> TmuxSession {
        try TmuxSession(command: command(), columns: columns, rows: rows, environment: environment)
    }

    /// The names of the codes `siteUrl` holds now.
    func codeNames(siteUrl: String = "acme.webex.com") throws -> [String] {
        let result = try ProcessRunner.run(
            ["curl", "-s", "--noproxy", "*", "-H", "Authorization: Bearer \(token)",
             baseURL.replacingOccurrences(of: "/v1", with: "") + "/_sandbox/state"], timeout: 20)
        let dataset = try JSONDecoder().decode(SandboxDataset.self, from: Data(result.output.utf8))
        return dataset.codes.filter { $0.siteUrl == siteUrl }.map(\.name).sorted()
    }

    private func controlURL(_ name: String) -> URL {
        // The control API sits beside /v1: http://127.0.0.1:PORT/_sandbox/NAME. The base URL
        // was parsed from the sandbox's own output, so the swapped one parses too.
        URL(string: baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/\(name)"))!
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

