import Foundation
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// `trackcodes sandbox` running as its own process on a free loopback port, for end-to-end
/// tests: its base URL and token, its state read back over `/_sandbox/state`, and a temporary
/// home for the XDG folders of the program under test.
final class SandboxProcess {
    let pid: pid_t
    let baseURL: String
    let token = Sandbox.demoToken
    let home: URL

    init(latencyMs: Int = 0) throws {
        home = FileManager.default.temporaryDirectory
            .appendingPathComponent("e2e-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let output = home.appendingPathComponent("sandbox.out").path
        pid = try ProcessRunner.spawn(
            [TestPaths.binary, "sandbox", "--port", "0", "--latency-ms", "\(latencyMs)"],
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

    /// The names of the codes `siteUrl` holds now.
    func codeNames(siteUrl: String = "acme.webex.com") throws -> [String] {
        let result = try ProcessRunner.run(
            ["curl", "-s", "--noproxy", "*", "-H", "Authorization: Bearer \(token)",
             baseURL.replacingOccurrences(of: "/v1", with: "") + "/_sandbox/state"], timeout: 20)
        let dataset = try JSONDecoder().decode(SandboxDataset.self, from: Data(result.output.utf8))
        return dataset.codes.filter { $0.siteUrl == siteUrl }.map(\.name).sorted()
    }
}
