@testable import Adapters
import Foundation
import HTTPServer
import Testing

/// Who may call the adapters, decided request by request.
@Suite("Access policy")
struct AccessPolicyTests {
    private func request(_ headers: [(name: String, value: String)]) -> HTTPServerRequest {
        HTTPServerRequest(method: "GET", target: "/healthz", path: "/healthz", headers: headers)
    }

    @Test("Token comparison: equal only when every byte and the length match")
    func comparesTokens() {
        let secret = Array("correct-horse-battery".utf8)
        #expect(AccessPolicy.constantTimeEquals(expected: secret, given: secret))
        #expect(!AccessPolicy.constantTimeEquals(expected: secret, given: Array("correct-horse-battery!".utf8)))
        #expect(!AccessPolicy.constantTimeEquals(expected: secret, given: Array("correct-horse".utf8)))
        #expect(!AccessPolicy.constantTimeEquals(expected: secret, given: Array("Correct-horse-battery".utf8)))
        #expect(!AccessPolicy.constantTimeEquals(expected: secret, given: []))
    }

    @Test("Loopback origins pass; other origins and the opaque null origin do not",
          arguments: [
              ("http://localhost:3000", true), ("https://127.0.0.1", true), ("http://[::1]:8080", true),
              ("http://127.1.2.3:80", true), ("https://example.com", false), ("null", false),
              ("http://localhost.evil.example", false), ("file://localhost", false),
          ])
    func judgesOrigins(origin: String, allowed: Bool) {
        #expect(AccessPolicy.isLoopbackOrigin(origin) == allowed)
    }

    @Test("On loopback, the Host header must name a loopback host")
    func judgesHosts() {
        let policy = AccessPolicy(listenHost: "127.0.0.1", accessToken: nil)
        #expect(policy.denial(for: request([("Host", "127.0.0.1:8080")])) == nil)
        #expect(policy.denial(for: request([("Host", "localhost")])) == nil)
        #expect(policy.denial(for: request([("Host", "[::1]:9090")])) == nil)
        #expect(policy.denial(for: request([("Host", "rebound.example:8080")])) == .foreignHost("rebound.example:8080"))

        let exposed = AccessPolicy(listenHost: "0.0.0.0", accessToken: "t")
        let withToken = request([("Host", "build-server.lan:8080"), ("Authorization", "Bearer t")])
        #expect(exposed.denial(for: withToken) == nil)
    }

    @Test("The bearer token is read case-insensitively by scheme, and checked")
    func checksBearer() {
        let policy = AccessPolicy(listenHost: "127.0.0.1", accessToken: "abc")
        #expect(policy.denial(for: request([("authorization", "bearer abc")])) == nil)
        #expect(policy.denial(for: request([])) == .missingToken)
        #expect(policy.denial(for: request([("Authorization", "Basic abc")])) == .missingToken)
        #expect(policy.denial(for: request([("Authorization", "Bearer abd")])) == .wrongToken)
    }
}
