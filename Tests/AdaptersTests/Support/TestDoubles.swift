import Adapters
import Foundation
import HTTPServer
import WebexAPI

/// A transport whose every request fails before an answer arrives, like a dead network.
struct FailingTransport: HTTPTransport {
    let failure: TransportFailure

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw failure
    }
}

/// A Webex of the future: every request gets `body` back with status 200.
struct FixedAnswerTransport: HTTPTransport {
    let body: String

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(
            status: 200, headers: ["Content-Type": "application/json", "TrackingID": "FUTURE_1"],
            body: Data(body.utf8))
    }
}

/// Runs `body` with both servers started, and stops them afterwards, also when it throws.
func withServers<T>(
    _ fixture: AdapterFixture, accessToken: String? = nil, limits: HTTPServerLimitsChoice = .standard,
    _ body: (AdapterServers) async throws -> T
) async throws -> T {
    let servers = try fixture.startServers(accessToken: accessToken, limits: limits.value)
    do {
        let result = try await body(servers)
        await servers.stop()
        return result
    } catch {
        await servers.stop()
        throw error
    }
}

/// Limits for a test server: the defaults, or small ones that tests can exceed cheaply.
enum HTTPServerLimitsChoice {
    case standard
    case small
    /// The small limits, and a body that has not arrived after `bodySeconds` gets a 408.
    case smallWithBodyTimeout(bodySeconds: Double)

    var value: HTTPServerLimits {
        var limits = HTTPServerLimits()
        switch self {
        case .standard:
            break
        case .small:
            limits.maxBodyBytes = 4 * 1024
            limits.maxHeaderBytes = 4 * 1024
        case .smallWithBodyTimeout(let seconds):
            limits = HTTPServerLimitsChoice.small.value
            limits.bodyReadTimeout = seconds
        }
        return limits
    }
}
