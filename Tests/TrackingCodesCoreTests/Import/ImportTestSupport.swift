import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import TrackingCodesCore

/// Records every wait instead of sleeping, so a Retry-After of seconds costs a test nothing.
final class InstantSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []

    var waits: [Double] { lock.withLock { recorded } }

    func sleep(seconds: Double) async throws {
        lock.withLock { recorded.append(seconds) }
        try Task.checkCancellation()
    }
}

/// Counts requests by kind and by the status they got, across threads; can run a hook on each
/// answer (to cancel an import part-way, for example).
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    struct Seen: Hashable {
        var method: String
        var path: String
        var status: Int?
    }

    let base: any HTTPTransport
    private let lock = NSLock()
    private var seen: [Seen] = []
    private let onAnswer: @Sendable (HTTPRequest, HTTPResponse) -> Void

    init(
        _ base: any HTTPTransport,
        onAnswer: @escaping @Sendable (HTTPRequest, HTTPResponse) -> Void = { _, _ in }
    ) {
        self.base = base
        self.onAnswer = onAnswer
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await base.send(request)
            lock.withLock {
                seen.append(
                    Seen(method: request.method, path: request.url.path, status: response.status))
            }
            onAnswer(request, response)
            return response
        } catch {
            lock.withLock {
                seen.append(Seen(method: request.method, path: request.url.path, status: nil))
            }
            throw error
        }
    }

    var all: [Seen] { lock.withLock { seen } }

    /// User-value PUTs Webex accepted.
    var acceptedUserPuts: Int {
        all.count {
            $0.method == "PUT" && $0.path.hasSuffix("/userconfig/trackingCodes") && $0.status == 200
        }
    }
    /// User-value GETs Webex answered with data.
    var answeredUserGets: Int {
        all.count {
            $0.method == "GET" && $0.path.hasSuffix("/userconfig/trackingCodes") && $0.status == 200
        }
    }
    var writes: Int { all.count { $0.method != "GET" } }
    var rateLimited: Int { all.count { $0.status == 429 } }
}

/// A session on `sandbox` whose waits are recorded, not slept, and whose requests are counted.
@MainActor
func importSession(
    _ sandbox: Sandbox, directory: TemporaryDirectory, settings: Settings = Settings(),
    retryPolicy: RetryPolicy = .none, sleeper: InstantSleeper = InstantSleeper(),
    onAnswer: @escaping @Sendable (HTTPRequest, HTTPResponse) -> Void = { _, _ in }
) -> (Session, CountingTransport) {
    let transport = CountingTransport(SandboxTransport(sandbox), onAnswer: onAnswer)
    let session = Session(
        token: AccessToken(Sandbox.demoToken), transport: transport,
        baseURL: Sandbox.inProcessBaseURL,
        retryPolicy: retryPolicy, sleeper: sleeper, paths: directory.paths, settings: settings,
        clock: { Date(timeIntervalSince1970: 1_750_000_000) })
    return (session, transport)
}

/// `count` users named user0001@example.com and so on, with no values.
func numberedUsers(_ count: Int) -> [SandboxUser] {
    (1...count).map { index in
        let number = String(format: "%04d", index)
        // Twelve hex digits in the last group whatever the index: the UUID always parses.
        return SandboxUser(
            personId: SandboxUser.personId(
                for: UUID(uuidString: "00000000-0000-4000-8000-00000000\(number)")!),
            email: "user\(number)@example.com", displayName: "User \(number)")
    }
}

/// The parsed table of CSV `text`.
func csv(_ text: String) throws -> DelimitedTable {
    try DelimitedTable.parse(text)
}
