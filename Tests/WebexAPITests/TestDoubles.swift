import Foundation
import WebexAPI

/// Records every wait instead of sleeping, so retry tests run instantly and can check the waits.
final class RecordingSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []
    /// Runs at each wait, e.g. to clear an injected fault as time "passes".
    private let onWait: @Sendable () -> Void

    init(onWait: @escaping @Sendable () -> Void = {}) {
        self.onWait = onWait
    }

    var waits: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func sleep(seconds: Double) async throws {
        lock.withLock { recorded.append(seconds) }
        onWait()
        try Task.checkCancellation()
    }
}

/// Answers from a script of responses (or failures) and keeps every request it saw.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(HTTPResponse)
        case fail(TransportFailure)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var seen: [HTTPRequest] = []
    private let fallback: Step

    init(_ steps: [Step], then fallback: Step = .respond(HTTPResponse(status: 200, body: Data("{}".utf8)))) {
        self.steps = steps
        self.fallback = fallback
    }

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step = lock.withLock {
            seen.append(request)
            return steps.isEmpty ? fallback : steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let failure): throw failure
        }
    }
}

func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> ScriptedTransport.Step {
    var all = headers
    all["Content-Type"] = "application/json"
    return .respond(HTTPResponse(status: status, headers: all, body: Data(body.utf8)))
}

let secretToken = "SECRET-TOKEN-8b1f0d2a-should-never-be-printed"

func client(_ transport: any HTTPTransport, sleeper: any Sleeper = RecordingSleeper(), policy: RetryPolicy = .standard) -> WebexClient {
    WebexClient(baseURL: URL(string: "https://webexapis.example/v1")!, token: AccessToken(secretToken),
                transport: transport, sleeper: sleeper, retryPolicy: policy)
}

let oneCode = #"{"id":"1","name":"Department","siteUrl":"example.webex.com","inputMode":"select","hostProfileCode":"optional","options":[{"value":"A","defaultValue":true}],"scheduleStartCodes":[{"service":"All","type":"optional"}]}"#
