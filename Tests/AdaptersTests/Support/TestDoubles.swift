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

    var value: HTTPServerLimits {
        var limits = HTTPServerLimits()
        if case .small = self {
            limits.maxBodyBytes = 4 * 1024
            limits.maxHeaderBytes = 4 * 1024
        }
        return limits
    }
}
