import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// The production transport's limits and the retry policy's bounds, on their own: what the
/// matrix's 50 MB and day-long `Retry-After` rows rest on.
@Suite("Transport limits and waits", .serialized)
struct TransportLimitTests {
    static let limit = 1024 * 1024

    private func fetch(_ body: Data, announced: Bool) async throws -> HTTPResponse {
        let server = try MisbehavingServer(
            sandbox: Sandbox(dataset: FaultEnvironment.dataset()), picks: { _ in true },
            misbehave: { _, _ in
                announced
                    ? .answer(status: 200, headers: ["TrackingID": "BIG_1"], body: body)
                    : .closeDelimited(body: body)
            })
        defer { server.stop() }
        let transport = URLSessionTransport(timeout: 20, maxResponseBytes: Self.limit)
        return try await transport.send(HTTPRequest(method: "GET", url: server.baseURL))
    }

    @Test(arguments: [true, false])
    func aBodyPastTheLimitIsNotRead(announced: Bool) async throws {
        let body = Data(repeating: UInt8(ascii: "x"), count: 3 * Self.limit)
        do {
            _ = try await fetch(body, announced: announced)
            Issue.record("a body of 3 MB was read past a 1 MB limit")
        } catch let tooLarge as ResponseTooLarge {
            #expect(tooLarge.status == 200)
            #expect(tooLarge.limit == Self.limit)
            // The head arrives before the body is refused, so its TrackingID is kept.
            #expect(tooLarge.trackingId == (announced ? "BIG_1" : nil))
        }
    }

    @Test(arguments: [true, false])
    func aBodyWithinTheLimitIsReadWhole(announced: Bool) async throws {
        let body = Data(repeating: UInt8(ascii: "y"), count: Self.limit)
        let response = try await fetch(body, announced: announced)
        #expect(response.body == body)
    }

    /// Retry-After values that are not a sane number of seconds: the wait the policy asks for
    /// stays finite, and anything past two minutes is not waited for at all.
    @Test(arguments: [
        ("7", 7.0), ("0", 1), ("-5", 1), ("", 15), ("soon", 15),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 15),
        ("inf", 15), ("nan", 15), ("1e300", 1e300),
    ])
    func retryAfterValues(header: String, wait: Double) {
        let policy = RetryPolicy.standard
        #expect(policy.rateLimitWait(retryAfter: header) == wait)
        #expect(policy.rateLimitWait(retryAfter: header).isFinite)
        #expect(
            (policy.rateLimitWait(retryAfter: header) <= policy.maximumRetryAfterSeconds)
                == (wait <= 120))
    }

    /// A wait too long to count in nanoseconds once trapped; now it waits until cancelled.
    @Test(.timeLimit(.minutes(1)), arguments: [1e300, Double.infinity, 2e10])
    func theRealSleeperSurvivesAbsurdWaits(seconds: Double) async {
        let sleeping = Task { try await TaskSleeper().sleep(seconds: seconds) }
        sleeping.cancel()
        await #expect(throws: CancellationError.self) { try await sleeping.value }
    }

    @Test func theRealSleeperTreatsNotANumberAsNoWait() async throws {
        try await TaskSleeper().sleep(seconds: .nan)
        try await TaskSleeper().sleep(seconds: -3)
    }
}
