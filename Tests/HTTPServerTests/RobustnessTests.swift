import Foundation
import Testing
@testable import HTTPServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Limits, malformed input, slow and hostile clients.
@Suite("Limits and hostile clients")
struct RobustnessTests {
    /// Sends `request` on a fresh connection and returns the answer, checking that the server
    /// then closes the connection.
    private func answerAndClose(port: Int, to request: String) async throws -> RawClient.Response {
        let client = try RawClient(port: port)
        try client.send(request)
        let response = try await client.readResponse()
        #expect(response.header("Connection") == "close")
        #expect(try await client.readsEndOfStream())
        return response
    }

    @Test func oversizedContentLengthGets413WithoutCallingTheHandler() async throws {
        let calls = Counter()
        var limits = HTTPServerLimits()
        limits.maxBodyBytes = 1024
        try await withServer(limits: limits, handler: { request in
            calls.increment()
            return await echo(request)
        }) { port, _ in
            // Only the header is sent: a 413 must come without waiting for the body.
            let response = try await answerAndClose(
                port: port, to: "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n"
            )
            #expect(response.status == 413)
            #expect(response.bodyText.contains("1024 bytes"))

            let huge = try await answerAndClose(
                port: port,
                to: "POST /big HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 99999999999999999999999\r\n\r\n"
            )
            #expect(huge.status == 413)
            #expect(calls.count == 0)
        }
    }

    @Test func bodyAtTheLimitIsAccepted() async throws {
        var limits = HTTPServerLimits()
        limits.maxBodyBytes = 1024
        try await withServer(limits: limits) { port, _ in
            let client = try RawClient(port: port)
            let body = String(repeating: "b", count: 1024)
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n" + body)
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(try JSONDecoder().decode(Echo.self, from: response.body).body == body)
        }
    }

    @Test func oversizedHeaderGets431() async throws {
        var limits = HTTPServerLimits()
        limits.maxHeaderBytes = 2048
        try await withServer(limits: limits) { port, _ in
            let filler = String(repeating: "v", count: 3000)
            let response = try await answerAndClose(
                port: port, to: "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: \(filler)\r\n\r\n"
            )
            #expect(response.status == 431)

            // The limit counts the whole block, blank line included: 39 bytes plus the filler.
            let framing = "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: \r\n\r\n".utf8.count
            let atLimit = try RawClient(port: port)
            try atLimit.send("GET / HTTP/1.1\r\nHost: x\r\nX-Filler: "
                + String(repeating: "v", count: 2048 - framing) + "\r\n\r\n")
            #expect(try await atLimit.readResponse().status == 200)

            let justOver = try await answerAndClose(
                port: port,
                to: "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: "
                    + String(repeating: "v", count: 2049 - framing) + "\r\n\r\n"
            )
            #expect(justOver.status == 431)
        }
    }

    @Test func overlongRequestLineGets414() async throws {
        var limits = HTTPServerLimits()
        limits.maxHeaderBytes = 1024
        try await withServer(limits: limits) { port, _ in
            let response = try await answerAndClose(
                port: port,
                to: "GET /\(String(repeating: "a", count: 2000)) HTTP/1.1\r\nHost: x\r\n\r\n"
            )
            #expect(response.status == 414)
        }
    }

    @Test(arguments: [
        "garbage\r\n\r\n",
        "GET /\r\n\r\n",
        "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
        "GET nopath HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n folded: v\r\n\r\n",
        "GET / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "GET / HTTP/1.1\nHost: x\n\n",
        "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /%C3 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\nhello",
        "\u{01}\u{02}\u{03}binary noise with no line end",
    ])
    func malformedRequestsGet400(request: String) async throws {
        try await withServer { port, _ in
            let response = try await answerAndClose(port: port, to: request)
            #expect(response.status == 400)
            #expect(!response.bodyText.isEmpty)
        }
    }

    @Test func unsupportedVersionGets505() async throws {
        try await withServer { port, _ in
            let response = try await answerAndClose(
                port: port, to: "GET / HTTP/2.0\r\nHost: x\r\n\r\n"
            )
            #expect(response.status == 505)
        }
    }

    @Test func chunkedBodyIsRefusedWith411() async throws {
        try await withServer { port, _ in
            let response = try await answerAndClose(
                port: port,
                to: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n0\r\n\r\n"
            )
            #expect(response.status == 411)
            #expect(response.bodyText.contains("Content-Length"))

            let gzip = try await answerAndClose(
                port: port, to: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
            )
            #expect(gzip.status == 501)
        }
    }

    @Test func partialHeaderTimesOutWith408() async throws {
        var limits = HTTPServerLimits()
        limits.headerReadTimeout = 0.3
        try await withServer(limits: limits) { port, _ in
            let client = try RawClient(port: port)
            let started = Date()
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n")
            // Waits for the server's own timeout, which is what is under test.
            let response = try await client.readResponse()
            let waited = Date().timeIntervalSince(started)

            #expect(response.status == 408)
            #expect(waited >= 0.25 && waited < 4)
            #expect(try await client.readsEndOfStream())
        }
    }

    @Test func silentConnectionIsClosedWithoutAnAnswer() async throws {
        var limits = HTTPServerLimits()
        limits.headerReadTimeout = 0.3
        try await withServer(limits: limits) { port, _ in
            let client = try RawClient(port: port)
            #expect(try await client.readsEndOfStream())
        }
    }

    @Test func idleKeepAliveConnectionIsClosedAfterItsTimeout() async throws {
        var limits = HTTPServerLimits()
        limits.idleKeepAliveTimeout = 0.3
        try await withServer(limits: limits) { port, _ in
            let client = try RawClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            #expect(try await client.readsEndOfStream())
        }
    }

    @Test func slowBodyTimesOutWith408() async throws {
        var limits = HTTPServerLimits()
        limits.bodyReadTimeout = 0.3
        try await withServer(limits: limits) { port, _ in
            let client = try RawClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try await client.readResponse().status == 408)
        }
    }

    @Test func stalledClientDoesNotBlockOthers() async throws {
        try await withServer { port, _ in
            let stalled = try RawClient(port: port)
            try stalled.send("GET /stalled HTTP/1.1\r\nHo")
            let silent = try RawClient(port: port)

            let url = try #require(URL(string: "http://127.0.0.1:\(port)/other"))
            let started = Date()
            let (data, response) = try await makeSession().data(from: url)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(try JSONDecoder().decode(Echo.self, from: data).path == "/other")
            // The default header timeout is 10 s; being served well before it proves no waiting.
            #expect(Date().timeIntervalSince(started) < 5)
            withExtendedLifetime([stalled, silent]) {}
        }
    }

    @Test func slowHandlerDoesNotBlockOtherConnections() async throws {
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let handler: HTTPServer.Handler = { request in
            if request.path == "/slow" {
                for await _ in release { break }
            }
            return .text(200, request.path)
        }
        try await withServer(handler: handler) { port, _ in
            let slow = try RawClient(port: port)
            try slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")

            let fast = try RawClient(port: port)
            try fast.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await fast.readResponse().bodyText == "/fast")

            releaseContinuation.yield()
            #expect(try await slow.readResponse().bodyText == "/slow")
        }
    }

    @Test func connectionsBeyondTheLimitGet503() async throws {
        var limits = HTTPServerLimits()
        limits.maxConnections = 2
        try await withServer(limits: limits) { port, _ in
            // Two kept-alive connections, each proven admitted by a served request.
            let held = try (0..<2).map { _ in try RawClient(port: port) }
            for client in held {
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try await client.readResponse().status == 200)
            }

            let extra = try RawClient(port: port)
            try extra.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try await extra.readResponse()
            #expect(response.status == 503)
            #expect(response.header("Connection") == "close")
            #expect(response.bodyText.contains("maximum of 2 connections"))
            #expect(try await extra.readsEndOfStream())

            // The held connections are unaffected.
            try held[0].send("GET /still HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await held[0].readResponse().status == 200)
        }
    }

    @Test func clientVanishingMidResponseDoesNotHurtTheServer() async throws {
        let large = Data(repeating: 0x61, count: 8 * 1024 * 1024)
        let handler: HTTPServer.Handler = { request in
            request.path == "/large"
                ? HTTPServerResponse(status: 200, body: large)
                : .text(200, "ok")
        }
        try await withServer(handler: handler) { port, _ in
            for _ in 0..<3 {
                let client = try RawClient(port: port)
                try client.send("GET /large HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try await client.receiveSome(1024).count > 0)
                client.resetOnClose()
            }
            // Had a write to a reset socket raised SIGPIPE, this process would be gone by now.
            let survivor = try RawClient(port: port)
            try survivor.send("GET /small HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await survivor.readResponse().bodyText == "ok")
        }
    }
}
