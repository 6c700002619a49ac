import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// The records a client hands its observer, kept for a test to read.
private final class RecordedCalls: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [APICallRecord] = []

    var records: [APICallRecord] {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }

    func append(_ record: APICallRecord) {
        lock.lock()
        defer { lock.unlock() }
        kept.append(record)
    }
}

/// The API log names each call by Webex's trackingId, so a user can find the row an error
/// message's trackingId belongs to; the id trackcodes sent is kept beside it.
@Suite("API call records carry Webex's trackingId")
struct CallLogTrackingIdTests {
    @Test func aSuccessfulCallIsLoggedWithTheTrackingIdWebexAnswered() async throws {
        let server = SandboxHTTPServer(sandbox: Sandbox(dataset: try DemoData.load()))
        let url = try server.start()
        defer { server.stop() }
        let calls = RecordedCalls()
        let client = WebexClient(
            baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport(),
            observer: calls.append)

        _ = try await client.listTrackingCodes()

        let record = try #require(calls.records.first)
        #expect(record.sentTrackingId.hasPrefix("trackcodes_"))
        #expect(!record.trackingId.hasPrefix("trackcodes_"))
        #expect(record.trackingId.wholeMatch(of: /[0-9a-fA-F]{32}_[0-9]+/) != nil)
    }

    @Test func anErrorAndItsLogRowQuoteTheSameTrackingId() async throws {
        let server = SandboxHTTPServer(sandbox: Sandbox(dataset: try DemoData.load()))
        let url = try server.start()
        defer { server.stop() }
        let calls = RecordedCalls()
        let client = WebexClient(
            baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport(),
            retryPolicy: .none, observer: calls.append)

        do {
            _ = try await client.trackingCode(id: "no-such-code-999")
            Issue.record("expected the sandbox to refuse an unknown id")
        } catch {
            let record = try #require(calls.records.last)
            let quoted = try #require(error.trackingId)
            #expect(record.status == 404)
            #expect(record.trackingId == quoted)
            #expect(record.sentTrackingId != quoted)
        }
    }
}
