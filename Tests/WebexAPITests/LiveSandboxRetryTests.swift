import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// The retry policy against the sandbox's injected faults, over loopback HTTP with URLSession.
@Suite("Client against a faulty sandbox over HTTP")
struct LiveSandboxRetryTests {
    func serve(_ faults: SandboxFaults, token: String = Sandbox.demoToken) throws -> (SandboxHTTPServer, URL) {
        let sandbox = Sandbox(dataset: try DemoData.load(), faults: faults, acceptedTokens: [token])
        let server = SandboxHTTPServer(sandbox: sandbox)
        return (server, try server.start())
    }

    @Test func retryAfterIsHonouredThroughTheInjectedSleeper() async throws {
        let (server, url) = try serve(SandboxFaults(rateLimitShare: 1, retryAfterSeconds: 3))
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let client = WebexClient(baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport(), sleeper: sleeper)
        do {
            _ = try await client.listTrackingCodes()
            Issue.record("expected the rate limit to surface after the retries")
        } catch {
            guard case .rateLimited(3, let trackingId) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(!trackingId.isEmpty)
        }
        #expect(sleeper.waits == Array(repeating: 3, count: RetryPolicy.standard.maxRateLimitRetries))
        #expect(server.sandbox.handledRequestCount == RetryPolicy.standard.maxRateLimitRetries + 1)
    }

    @Test func a429WithoutRetryAfterWaitsFifteenSecondsThenSucceeds() async throws {
        let (server, url) = try serve(SandboxFaults(rateLimitShare: 1, retryAfterSeconds: nil))
        defer { server.stop() }
        let sleeper = RecordingSleeper { server.sandbox.faults = .none }
        let client = WebexClient(baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport(), sleeper: sleeper)
        let codes = try await client.listTrackingCodes()
        #expect(!codes.isEmpty)
        #expect(sleeper.waits == [15])
    }

    @Test func aPostIsSentOnceOnA503ButAGetIsRetried() async throws {
        let (server, url) = try serve(SandboxFaults(serverErrorShare: 1, serverErrorStatus: 503))
        defer { server.stop() }
        let client = WebexClient(baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport(), sleeper: RecordingSleeper())
        let draft = TrackingCodeDraft(name: "Once", siteUrl: "acme.webex.com")
        await #expect(throws: WebexError.self) { try await client.createTrackingCode(draft) }
        #expect(server.sandbox.handledRequestCount == 1)
        await #expect(throws: WebexError.self) { try await client.listTrackingCodes() }
        #expect(server.sandbox.handledRequestCount == 1 + 1 + RetryPolicy.standard.maxServerErrorRetries)
    }

    @Test func theTokenNeverAppearsInAnyErrorDescription() async throws {
        let secret = "LIVE-SECRET-5f0c1e-never-shown"
        let (server, url) = try serve(.none, token: secret)
        defer { server.stop() }
        let good = WebexClient(baseURL: url, token: AccessToken(secret), transport: URLSessionTransport(), retryPolicy: .none)
        let wrong = WebexClient(baseURL: url, token: AccessToken(secret + "x"), transport: URLSessionTransport(), retryPolicy: .none)
        let refused = WebexClient(baseURL: URL(string: "http://127.0.0.1:1/v1")!, token: AccessToken(secret), transport: URLSessionTransport(), retryPolicy: .none)
        var descriptions: [String] = []
        for step in 0..<5 {
            do {
                switch step {
                case 0: _ = try await good.trackingCode(id: "99999")
                case 1: _ = try await good.createTrackingCode(TrackingCodeDraft(name: "", siteUrl: "acme.webex.com"))
                case 2: _ = try await good.listTrackingCodes(siteUrl: "nowhere.example")
                case 3: _ = try await wrong.listSites()
                default: _ = try await refused.listSites()
                }
                Issue.record("step \(step): expected an error")
            } catch {
                descriptions.append(error.errorDescription ?? "")
                descriptions.append(String(describing: error))
            }
        }
        #expect(descriptions.count == 10)
        #expect(descriptions.allSatisfy { !$0.contains(secret) })
        #expect(descriptions[6].contains("401"))
        #expect(descriptions[8].contains("refused"))
    }
}
