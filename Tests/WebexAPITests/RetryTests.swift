import Foundation
import Testing
import WebexAPI

@Suite("Client retries: 429, 5xx, dropped connections, cancellation")
struct RetryTests {
    @Test func rateLimitWaitsRetryAfterSecondsThenSucceeds() async throws {
        let transport = ScriptedTransport([json(429, "{}", headers: ["Retry-After": "7"]), json(200, #"{"items":[]}"#)])
        let sleeper = RecordingSleeper()
        let codes = try await client(transport, sleeper: sleeper).listTrackingCodes()
        #expect(codes.isEmpty)
        #expect(sleeper.waits == [7])
        #expect(transport.requests.count == 2)
    }

    @Test func rateLimitWithoutHeaderWaits15AndZeroWaitsAtLeastOne() async throws {
        let transport = ScriptedTransport([json(429, "{}"), json(429, "{}", headers: ["Retry-After": "0"]), json(200, #"{"items":[]}"#)])
        let sleeper = RecordingSleeper()
        _ = try await client(transport, sleeper: sleeper).listTrackingCodes()
        #expect(sleeper.waits == [15, 1])
    }

    @Test func rateLimitRetriesAreBounded() async throws {
        let transport = ScriptedTransport([], then: json(429, #"{"message":"Too many","trackingId":"T1"}"#, headers: ["Retry-After": "2"]))
        let sleeper = RecordingSleeper()
        do {
            _ = try await client(transport, sleeper: sleeper).listTrackingCodes()
            Issue.record("expected rate limiting to surface")
        } catch {
            #expect(error == .rateLimited(retryAfterSeconds: 2, trackingId: "T1"))
        }
        #expect(transport.requests.count == RetryPolicy.standard.maxRateLimitRetries + 1)
        #expect(sleeper.waits.count == RetryPolicy.standard.maxRateLimitRetries)
    }

    @Test func aPostIsNeverSentTwiceOnServerErrors() async throws {
        for status in [500, 502, 503, 504] {
            let transport = ScriptedTransport([], then: json(status, #"{"message":"boom","trackingId":"T"}"#))
            let draft = TrackingCodeDraft(name: "X", siteUrl: "example.webex.com")
            await #expect(throws: WebexError.self) { try await client(transport).createTrackingCode(draft) }
            #expect(transport.requests.count == 1, "POST sent \(transport.requests.count) times on \(status)")
        }
        let dropped = ScriptedTransport([], then: .fail(.connectionLost))
        await #expect(throws: WebexError.self) {
            try await client(dropped).createTrackingCode(TrackingCodeDraft(name: "X", siteUrl: "s"))
        }
        #expect(dropped.requests.count == 1)
    }

    @Test func idempotentCallsRetryGatewayErrorsWithBackoff() async throws {
        let transport = ScriptedTransport([json(503, "{}"), .fail(.connectionLost), json(502, "{}"), json(200, oneCode)])
        let sleeper = RecordingSleeper()
        let code = try await client(transport, sleeper: sleeper).trackingCode(id: "1")
        #expect(code.name == "Department")
        #expect(sleeper.waits == [0.5, 1, 2])
    }

    @Test func a500IsNotRetriedEvenForGet() async throws {
        let transport = ScriptedTransport([], then: json(500, #"{"message":"Internal","trackingId":"T"}"#))
        await #expect(throws: WebexError.self) { try await client(transport).listSites() }
        #expect(transport.requests.count == 1)
    }

    @Test func cancellingStopsTheWaitAtOnce() async throws {
        // 100 s: long, but within the two minutes the standard policy still waits for.
        let transport = ScriptedTransport([], then: json(429, "{}", headers: ["Retry-After": "100"]))
        let client = client(transport, sleeper: TaskSleeper())
        let task = Task { try await client.listTrackingCodes() }
        // Wait until the first 429 has arrived, so the client is inside its long wait.
        while transport.requests.isEmpty { await Task.yield() }
        let started = Date()
        task.cancel()
        let result = await task.result
        #expect(Date().timeIntervalSince(started) < 2)
        guard case .failure(let error) = result, let webexError = error as? WebexError else {
            Issue.record("expected a cancellation error")
            return
        }
        #expect(webexError == .cancelled)
    }
}
