import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import Adapters

/// Every way the client and the adapters read JSON, against generated answers: nothing
/// crashes, a call succeeds only on a 2xx, every failure is a `WebexError` that says what
/// happened, no retry waits longer than the policy allows, and the token stays out of it.
@Suite("Fuzz: JSON decoding", .serialized)
struct JSONFuzzTests {
    static let token = "tcFUZZ-41d7c0de-SECRET-token"

    @Test func theClientReadsEveryAnswerOrSaysWhyNot() async throws {
        let transport = ScriptedAnswerTransport()
        let sleeper = BoundedSleeper()
        let client = WebexClient(
            baseURL: Sandbox.inProcessBaseURL, token: AccessToken(Self.token), transport: transport,
            sleeper: sleeper, retryPolicy: .standard)
        let draft = TrackingCodeDraft(name: "Fuzz", siteUrl: "acme.webex.com")
        let update = UserTrackingCodesUpdate(
            siteUrl: "acme.webex.com", user: .email("a@example.com"),
            trackingCodes: [.init(name: "A", value: "B")])

        await FuzzBudget(cases: 3000).run("JSON decoding (client)") { random, index in
            var answer = JSONFuzz.answer(&random)
            if random.chance(0.05) {
                // A server that echoes the Authorization header.
                answer.body += Data("Bearer \(Self.token)".utf8)
            }
            transport.answer = answer
            let call = random.int(0...9)
            let outcome: Result<Void, WebexError>
            do throws(WebexError) {
                switch call {
                case 0: _ = try await client.listSites()
                case 1: _ = try await client.me()
                case 2: _ = try await client.listTrackingCodes(siteUrl: "acme.webex.com")
                case 3: _ = try await client.trackingCode(id: "1")
                case 4: _ = try await client.createTrackingCode(draft)
                case 5: _ = try await client.updateTrackingCode(id: "1", draft)
                case 6: try await client.deleteTrackingCode(id: "1", siteUrl: "acme.webex.com")
                case 7: _ = try await client.userTrackingCodes(for: .email("a@example.com"))
                case 8: _ = try await client.updateUserTrackingCodes(update)
                default: _ = try await client.sendCheckingBody(.listTrackingCodes(siteUrl: nil))
                }
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }

            switch outcome {
            case .success:
                #expect(
                    (200..<300).contains(answer.status),
                    "case \(index): success on \(answer.status)")
            case .failure(let error):
                let description = error.errorDescription ?? ""
                #expect(!description.isEmpty)
                #expect(
                    !description.contains(Self.token), "case \(index): the token in \(description)")
                switch error {
                case .badResponse(let status, _, _), .api(let status, _, _, _):
                    #expect(status == answer.status, "case \(index)")
                case .unauthorized:
                    #expect(answer.status == 401, "case \(index)")
                case .rateLimited:
                    #expect(answer.status == 429, "case \(index)")
                case .network, .cancelled:
                    Issue.record("case \(index): \(error) for an answer that arrived")
                }
            }
        }
        #expect(sleeper.longest <= RetryPolicy.standard.maximumRetryAfterSeconds)
    }

    @Test func jsonValuesSurviveAReadWriteRoundTrip() throws {
        // Fewer cases than the client's: JSONValue's decoding tries each JSON type in turn and
        // pays for every miss, a few milliseconds a body in a debug build.
        FuzzBudget(cases: 1000).run("JSON decoding (JSONValue)") { random, index in
            let body = Data(JSONFuzz.body(&random))
            guard let value = JSONValue.parse(body) else { return }
            let encoded = try? JSONEncoder().encode(value)
            #expect(encoded != nil, "case \(index): a parsed value did not encode")
            if let encoded {
                #expect(
                    JSONValue.parse(encoded) == value, "case \(index): the round trip changed it")
            }
        }
    }

    @Test func theAdaptersReadEveryBodyOrNameWhatIsWrong() throws {
        FuzzBudget(cases: 1500).run("JSON decoding (adapter bodies)") { random, index in
            let body = Data(JSONFuzz.body(&random))
            let object: [String: JSONValue]
            do throws(AdapterFailure) {
                object = try WebexBodyReader.object(from: body)
            } catch {
                #expect(!error.sentence.isEmpty)
                return
            }
            do throws(AdapterFailure) {
                let draft = try WebexBodyReader.draft(
                    from: object, optionsDefault: random.chance(0.5) ? [] : nil)
                _ = TrackingCodeRules.violations(
                    of: draft, management: random.chance(0.5) ? .siteAdmin : nil)
                #expect((try? JSONEncoder().encode(draft)) != nil, "case \(index)")
            } catch {
                #expect(!error.sentence.isEmpty, "case \(index)")
            }
            do throws(AdapterFailure) {
                _ = try WebexBodyReader.userUpdate(from: object)
            } catch {
                #expect(!error.sentence.isEmpty, "case \(index)")
            }
        }
    }
}

/// Answers every request with the answer set for the current case.
final class ScriptedAnswerTransport: HTTPTransport, @unchecked Sendable {
    // Set between calls, read during them: the fuzz loop awaits each call before the next.
    var answer = HTTPResponse(status: 500)

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        answer
    }
}

/// Returns at once and remembers the longest wait asked for.
final class BoundedSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var longestWait: Double = 0

    var longest: Double {
        lock.lock()
        defer { lock.unlock() }
        return longestWait
    }

    func sleep(seconds: Double) async throws {
        note(seconds)
    }

    private func note(_ seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        longestWait = max(longestWait, seconds.isFinite ? seconds : .infinity)
    }
}
