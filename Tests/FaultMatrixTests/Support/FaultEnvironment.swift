import Foundation
import TrackingCodesCore
import WebexAPI
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// One fault set up for one surface: a small sandbox organisation behind a misbehaving server
/// that spoils the target call, the transport and sleeper a surface's client gets, and a
/// temporary home for journals and settings.
final class FaultEnvironment: @unchecked Sendable {
    /// Distinctive, so the tests can prove it reaches no screen, output, log or journal.
    static let token = "tcFAULT-5b1f0e2a9c7d-SECRET"
    static let site = "acme.webex.com"

    let fault: Fault
    let target: FaultTarget
    let sandbox: Sandbox
    let server: MisbehavingServer
    let sleeper = RecordingSleeper()
    let home = FileManager.default.temporaryDirectory
        .appendingPathComponent("fault-matrix-\(UUID().uuidString)", isDirectory: true)
    /// Keeps the refusing port taken while the test runs (connection refused only).
    private let refusingSocket: Int32?
    private let refusingPort: Int?

    init(_ fault: Fault, target: FaultTarget) throws {
        self.fault = fault
        self.target = target
        sandbox = Sandbox(dataset: Self.dataset(), acceptedTokens: [Self.token])
        server = try MisbehavingServer(
            sandbox: sandbox, forwardsPicked: fault.reachesWebex, picks: { target.picks($0) },
            misbehave: { request, answer in
                fault.misbehaviour(for: request, sandboxAnswer: answer, token: Self.token)
            })
        if fault == .connectionRefused {
            let (fd, port) = try LoopbackSocket.refusingPort()
            refusingSocket = fd
            refusingPort = port
        } else {
            refusingSocket = nil
            refusingPort = nil
        }
    }

    deinit {
        server.stop()
        if let refusingSocket { close(refusingSocket) }
        try? FileManager.default.removeItem(at: home)
    }

    /// Where clients send requests.
    var baseURL: URL { server.baseURL }

    /// The production transport, aimed at a port where nothing listens for the call under test
    /// when the fault is a refused connection.
    var transport: any HTTPTransport {
        FaultTransport(target: target, refusingPort: refusingPort)
    }

    var paths: Paths {
        Paths(
            configDirectory: home.appendingPathComponent("config"),
            stateDirectory: home.appendingPathComponent("state"))
    }

    /// The standard policy, except that a silent server is tried twice rather than four times:
    /// each try costs the one-second timeout, in every cell of the matrix.
    var retryPolicy: RetryPolicy {
        var policy = RetryPolicy.standard
        if fault == .timeout { policy.maxServerErrorRetries = 1 }
        return policy
    }

    /// A client as a surface would build it, its waits recorded.
    func makeClient(observer: (@Sendable (APICallRecord) -> Void)? = nil) -> WebexClient {
        WebexClient(
            baseURL: baseURL, token: AccessToken(Self.token), transport: transport,
            sleeper: sleeper,
            retryPolicy: retryPolicy, observer: observer)
    }

    /// The code every surface reads or changes.
    var department: TrackingCode? {
        sandbox.codes(siteUrl: Self.site).first { $0.name == "Department" }
    }

    /// How many times the call under test reached the server.
    var targetAttempts: Int {
        server.received.filter { line in
            switch target {
            case .read: line.hasPrefix("GET ") && line.contains("/trackingCodes?")
            case .write: line.hasPrefix("PUT ")
            }
        }.count
    }

    /// A small organisation: one Control Hub managed site with three codes and one user.
    static func dataset() -> SandboxDataset {
        let schedule = TrackingCodeRules.normalizedScheduleStartCodes([
            .init(service: .all, type: .optional)
        ])
        let codes = [
            TrackingCode(
                id: "1", name: "Department", siteUrl: site,
                options: ["Engineering", "Design", "Sales"].enumerated().map {
                    TrackingCodeOption(value: $1, defaultValue: $0 == 1)
                },
                inputMode: .select, hostProfileCode: .optional, scheduleStartCodes: schedule),
            TrackingCode(
                id: "2", name: "Cost Center", siteUrl: site, inputMode: .text,
                hostProfileCode: .optional,
                scheduleStartCodes: schedule),
            TrackingCode(
                id: "3", name: "Project", siteUrl: site,
                options: [TrackingCodeOption(value: "Apollo")],
                inputMode: .editableSelect, hostProfileCode: .optional, scheduleStartCodes: schedule
            ),
        ]
        return SandboxDataset(
            admin: Person(id: "admin", emails: ["admin@example.com"], displayName: "Admin"),
            sites: [SandboxSite(siteUrl: site, isDefault: true)],
            codes: codes,
            users: [
                SandboxUser(
                    personId: "UEVPUExFL2FsaWNl", email: "alice@example.com", displayName: "Alice",
                    values: [site: ["1": "Design"]])
            ])
    }
}

/// `URLSessionTransport`, the program's own, with the shortest timeout it allows (one second)
/// for the call under test and a generous one for everything else. The call under test goes to
/// `refusingPort` when there is one, so only it meets the refused connection. The two sessions
/// are shared by every test.
struct FaultTransport: HTTPTransport {
    static let quick = URLSessionTransport(timeout: 1)
    static let patient = URLSessionTransport(timeout: 20)

    let target: FaultTarget
    let refusingPort: Int?

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard target.picks(request) else { return try await Self.patient.send(request) }
        var redirected = request
        if let refusingPort,
            var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        {
            components.port = refusingPort
            redirected.url = components.url ?? request.url
        }
        return try await Self.quick.send(redirected)
    }
}

/// Records the waits the retry policy asks for and returns at once: tests never sleep.
final class RecordingSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []

    var waits: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func sleep(seconds: Double) async throws {
        record(seconds)
        try Task.checkCancellation()
    }

    private func record(_ seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(seconds)
    }
}
