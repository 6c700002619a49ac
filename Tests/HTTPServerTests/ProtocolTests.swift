import Foundation
import Testing
@testable import HTTPServer

/// HTTP/1.1 connection handling, byte for byte, over raw sockets.
@Suite("Protocol over raw sockets")
struct ProtocolTests {
    private func decodeEcho(_ response: RawClient.Response) throws -> Echo {
        try JSONDecoder().decode(Echo.self, from: response.body)
    }

    @Test func keepAliveServesTwoRequestsOnOneConnection() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try await client.readResponse()
            try client.send("POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
            let second = try await client.readResponse()

            #expect(first.status == 200)
            #expect(first.header("Connection") == nil)
            #expect(try decodeEcho(first).path == "/first")
            #expect(try decodeEcho(second).body == "hello")
            // Same client port: the second request really used the first connection.
            #expect(try decodeEcho(first).remote == decodeEcho(second).remote)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send(
                "GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "PUT /two HTTP/1.1\r\nHost: x\r\nContent-Length: 18\r\n\r\nGET /not-a-request"
                    + "\r\nDELETE /three?z=1 HTTP/1.1\r\nHost: x\r\n\r\n"
            )
            var responses: [Echo] = []
            for _ in 0..<3 {
                responses.append(try await decodeEcho(client.readResponse()))
            }

            #expect(responses.map(\.path) == ["/one", "/two", "/three"])
            #expect(responses[1].body == "GET /not-a-request")
            #expect(responses[2].query == [.init(name: "z", value: "1")])
        }
    }

    @Test func pipelinedRequestSplitAcrossWritesIsReassembled() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HT")
            let first = try await decodeEcho(client.readResponse())
            try client.send("TP/1.1\r\nHost: x\r\n\r\n")
            let second = try await decodeEcho(client.readResponse())
            #expect([first.path, second.path] == ["/a", "/b"])
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(try await client.readsEndOfStream())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        try await withServer { port, _ in
            let plain = try RawClient(port: port)
            try plain.send("GET /old HTTP/1.0\r\n\r\n")
            #expect(try await plain.readResponse().header("Connection") == "close")
            #expect(try await plain.readsEndOfStream())

            let keeping = try RawClient(port: port)
            try keeping.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try await keeping.readResponse().header("Connection") == "keep-alive")
            try keeping.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try await decodeEcho(keeping.readResponse()).path == "/b")
        }
    }

    @Test func headAnswersWithLengthButNoBody() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send(
                "HEAD /h HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n"
            )
            let head = try await client.readResponse(bodyExpected: false)
            let length = try #require(Int(head.header("Content-Length") ?? ""))
            #expect(length > 0)
            // Had the HEAD answer carried a body, these bytes would be JSON, not a status line.
            #expect(try await decodeEcho(client.readResponse()).path == "/after")
        }
    }

    @Test func expectContinueGetsAnInterimAnswerBeforeTheBody() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send(
                "POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"
            )
            #expect(try await client.readResponse().status == 100)
            try client.send("data")
            #expect(try await decodeEcho(client.readResponse()).body == "data")
        }
    }

    @Test func leadingEmptyLinesBeforeARequestAreIgnored() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send("\r\n\r\nGET /x HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await decodeEcho(client.readResponse()).path == "/x")
        }
    }

    @Test func absoluteFormTargetIsReducedToItsPath() async throws {
        try await withServer { port, _ in
            let client = try RawClient(port: port)
            try client.send("GET http://127.0.0.1/v1/x?a=b HTTP/1.1\r\nHost: x\r\n\r\n")
            let echo = try await decodeEcho(client.readResponse())
            #expect(echo.path == "/v1/x")
            #expect(echo.query == [.init(name: "a", value: "b")])
        }
    }

    @Test func handlerAskingToCloseClosesTheConnection() async throws {
        let handler: HTTPServer.Handler = { _ in
            HTTPServerResponse(status: 200, headers: [(name: "Connection", value: "close")])
        }
        try await withServer(handler: handler) { port, _ in
            let client = try RawClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Length") == "0")
            #expect(try await client.readsEndOfStream())
        }
    }

    @Test func ipv6LoopbackIsServedWhenAvailable() async throws {
        let server = HTTPServer(host: "::1", handler: echo)
        let port: Int
        do {
            port = try server.start()
        } catch HTTPServerError.addressNotAvailable {
            // No IPv6 on this machine: nothing to test, and the error said so plainly.
            return
        }
        defer { server.stop() }
        let client = try RawClient(port: port, host: "::1")
        try client.send("GET /six HTTP/1.1\r\nHost: x\r\n\r\n")
        let echo = try await decodeEcho(client.readResponse())
        #expect(echo.path == "/six")
        #expect(echo.remote.hasPrefix("[::1]:"))
    }
}
