import Foundation
import Testing
import TrackcodesCLI
import WebexAPI
import WebexSandbox

/// A sandbox with the demo organisation, and the CLI wired to it in-process.
///
/// Both `--demo` and the "real" path (token from `WEBEX_API_KEY`) reach the same sandbox, so a
/// test can run a command and then look at what the sandbox holds.
final class CLIHarness {
    /// Distinctive, so a test can prove it never reaches any output.
    static let fakeToken = "tcTEST-3f9a1c77e0b24d5e8a6b-SECRET"

    let sandbox: Sandbox
    /// Every response the CLI received, in order.
    let responses = ResponseLog()
    /// `XDG_STATE_HOME` and `XDG_CONFIG_HOME` of this harness's runs, so the journal of the
    /// writes lands here and not in the home folder.
    let stateHome = CLIHarness.makeStateHome()

    /// The environment of a run with the fake token.
    var environment: [String: String] {
        Self.isolated(["WEBEX_API_KEY": Self.fakeToken], stateHome: stateHome)
    }

    /// The journal file the CLI's writes go to.
    var journalFile: URL {
        stateHome.appendingPathComponent("trackcodes/journal.jsonl")
    }

    /// `environment` plus XDG folders under `stateHome`.
    static func isolated(_ environment: [String: String], stateHome: URL = makeStateHome()) -> [String: String] {
        environment.merging(
            ["XDG_STATE_HOME": stateHome.path, "XDG_CONFIG_HOME": stateHome.path]) { mine, _ in mine }
    }

    static func makeStateHome() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-cli-tests-\(UUID().uuidString)")
    }

    init() throws {
        sandbox = Sandbox(
            dataset: try DemoData.load(), acceptedTokens: [Sandbox.demoToken, Self.fakeToken])
    }

    deinit {
        try? FileManager.default.removeItem(at: stateHome)
    }

    var preferredSite: String {
        sandbox.dataset.sites.first(where: \.isDefault)?.siteUrl ?? ""
    }

    /// The first code on the preferred site that `matches`.
    func code(where matches: (TrackingCode) -> Bool = { _ in true }) -> TrackingCode? {
        sandbox.codes(siteUrl: preferredSite).first(where: matches)
    }

    /// The first demo user that `matches`.
    func user(where matches: (SandboxUser) -> Bool = { _ in true }) -> SandboxUser? {
        sandbox.dataset.users.first(where: matches)
    }

    var services: CLIServices {
        let transport = RecordingTransport(base: SandboxTransport(sandbox), log: responses)
        return CLIServices(
            makeTransport: { transport }, makeDemoTransport: { transport },
            sleeper: ImmediateSleeper(), retryPolicy: .none)
    }

    /// Runs `arguments` with `WEBEX_API_KEY` set to the fake token unless `environment` says
    /// otherwise.
    func run(
        _ arguments: [String], environment: [String: String]? = nil, stdin: String = ""
    ) async -> CapturedRun {
        await Trackcodes.runCapturingOutput(
            arguments, environment: environment.map { Self.isolated($0, stateHome: stateHome) } ?? self.environment,
            standardInput: Data(stdin.utf8), services: services)
    }

    /// The journal's lines, each as a JSON object.
    func journalRecords() throws -> [[String: Any]] {
        let text = try String(contentsOf: journalFile, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

}

/// The responses a transport passed on, so a test can compare output with the exact bytes.
final class ResponseLog: @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [HTTPResponse] = []

    func append(_ response: HTTPResponse) {
        lock.lock()
        defer { lock.unlock() }
        responses.append(response)
    }

    var last: HTTPResponse? {
        lock.lock()
        defer { lock.unlock() }
        return responses.last
    }
}

/// Passes requests to `base` and logs every response.
struct RecordingTransport: HTTPTransport {
    let base: any HTTPTransport
    let log: ResponseLog

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        log.append(response)
        return response
    }
}

/// Never waits; retries in tests are off anyway.
struct ImmediateSleeper: Sleeper {
    func sleep(seconds: Double) async throws {}
}

/// A transport that answers every request with one fixed response, or fails with `failure`.
struct FixedTransport: HTTPTransport {
    var response: HTTPResponse?
    var failure: TransportFailure?

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let failure { throw failure }
        return response ?? HTTPResponse(status: 500)
    }
}

extension CLIServices {
    /// Every request goes to `transport`.
    static func fixed(_ transport: FixedTransport) -> CLIServices {
        CLIServices(
            makeTransport: { transport }, makeDemoTransport: { transport },
            sleeper: ImmediateSleeper(), retryPolicy: .none)
    }
}

extension CapturedRun {
    var stderrLines: [Substring] { standardError.split(separator: "\n") }
}
