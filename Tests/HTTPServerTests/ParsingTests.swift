import Foundation
import Testing
@testable import HTTPServer

/// The pure pieces: request head, target, framing, response bytes, dates, addresses.
@Suite("Parsing and serialising")
struct ParsingTests {
    private func parseHead(_ text: String) -> Result<RequestHead, RequestRejection> {
        Array(text.utf8).withUnsafeBufferPointer { RequestHead.parse($0) }
    }

    private func head(_ text: String) throws -> RequestHead {
        try parseHead(text).get()
    }

    private func rejectionStatus<Value>(_ result: Result<Value, RequestRejection>) -> Int? {
        guard case .failure(let rejection) = result else { return nil }
        return rejection.status
    }

    @Test func headKeepsFieldOrderSpellingAndTrimsValues() throws {
        let parsed = try head(
            "PATCH /a HTTP/1.0\r\nX-One:  first \t\r\nx-two:second\r\nEmpty:\r\n\r\n"
        )
        #expect(parsed.method == "PATCH")
        #expect(parsed.target == "/a")
        #expect(parsed.minorVersion == 0)
        #expect(parsed.headers.map(\.name) == ["X-One", "x-two", "Empty"])
        #expect(parsed.headers.map(\.value) == ["first", "second", ""])
    }

    @Test func fieldValueWithControlCharacterIsRefused() {
        let result = parseHead("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{01}b\r\n\r\n")
        #expect(throws: RequestRejection.self) { try result.get() }
    }

    @Test func targetDecoding() throws {
        let target = try RequestTarget.parse("/v1/a%2Fb/%E2%9C%93?q=%20x+y&&k", method: "GET").get()
        #expect(target.path == "/v1/a/b/✓")
        #expect(target.queryItems == [
            URLQueryItem(name: "q", value: " x+y"), URLQueryItem(name: "k", value: nil),
        ])

        #expect(try RequestTarget.parse("*", method: "OPTIONS").get().path == "*")
        #expect(throws: RequestRejection.self) { try RequestTarget.parse("*", method: "GET").get() }
        #expect(try RequestTarget.parse("HTTP://h:1?x=1", method: "GET").get().path == "/")
        for invalid in ["/a#frag", "/a?x=%4", "/a?%FF=1"] {
            #expect(throws: RequestRejection.self) {
                try RequestTarget.parse(invalid, method: "GET").get()
            }
        }
    }

    @Test func framingReadsLengthAndConnectionTokens() throws {
        let limits = HTTPServerLimits()
        let post = try head(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 007\r\nConnection: TE, Close\r\n\r\n"
        )
        let framing = try RequestFraming.analyze(post, limits: limits).get()
        #expect(framing.contentLength == 7)
        #expect(framing.keepAlive == false)
        #expect(framing.expectsContinue == false)

        let repeated = try head(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\ncontent-length: 3\r\n\r\n"
        )
        #expect(try RequestFraming.analyze(repeated, limits: limits).get().contentLength == 3)

        let smuggled = try head(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        #expect(rejectionStatus(RequestFraming.analyze(smuggled, limits: limits)) == 411)

        let oddExpectation = try head("POST / HTTP/1.1\r\nHost: h\r\nExpect: magic\r\n\r\n")
        #expect(rejectionStatus(RequestFraming.analyze(oddExpectation, limits: limits)) == 417)

        let http10 = try head("GET / HTTP/1.0\r\n\r\n")
        #expect(try RequestFraming.analyze(http10, limits: limits).get().keepAlive == false)
    }

    @Test func responseBytesCarryFramingAndDropUnsafeFields() {
        let response = HTTPServerResponse(
            status: 201,
            headers: [
                (name: "Location", value: "/v1/x"),
                (name: "Content-Length", value: "999"),
                (name: "X-Injected", value: "a\r\nSet-Cookie: evil"),
                (name: "Bad Name", value: "v"),
            ],
            body: Data("{}".utf8)
        )
        let bytes = ResponseSerializer.serialize(
            response, isHeadRequest: false, closeConnection: true, announceKeepAlive: false,
            date: "Thu, 01 Jan 1970 00:00:00 GMT"
        )
        #expect(String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 201 Created\r\n"
            + "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\nLocation: /v1/x\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\n{}")
    }

    @Test func noContentHasNeitherBodyNorLength() {
        let bytes = ResponseSerializer.serialize(
            HTTPServerResponse(status: 204, body: Data("ignored".utf8)),
            isHeadRequest: false, closeConnection: false, announceKeepAlive: false, date: "D"
        )
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == "HTTP/1.1 204 No Content\r\nDate: D\r\n\r\n")
    }

    @Test func headAnswerKeepsTheLengthTheHandlerDeclared() {
        let declared = HTTPServerResponse(
            status: 200, headers: [(name: "content-length", value: "42")]
        )
        let bytes = ResponseSerializer.serialize(
            declared, isHeadRequest: true, closeConnection: false, announceKeepAlive: false,
            date: "D"
        )
        #expect(String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 200 OK\r\nDate: D\r\n"
            + "Content-Length: 42\r\n\r\n")

        let withBody = HTTPServerResponse(status: 200, body: Data("abc".utf8))
        let headBytes = ResponseSerializer.serialize(
            withBody, isHeadRequest: true, closeConnection: false, announceKeepAlive: false,
            date: "D"
        )
        #expect(String(decoding: headBytes, as: UTF8.self).hasSuffix("Content-Length: 3\r\n\r\n"))
    }

    @Test func invalidHandlerStatusBecomes500() {
        let bytes = ResponseSerializer.serialize(
            HTTPServerResponse(status: 101), isHeadRequest: false, closeConnection: false,
            announceKeepAlive: false, date: "D"
        )
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
    }

    @Test func dateIsIMFFixdate() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true),
        ("[::1]", true), ("::ffff:127.0.0.1", true), ("0.0.0.0", false), ("192.168.1.10", false),
        ("::", false), ("example.com", false), ("128.0.0.1", false),
    ])
    func loopbackDetection(host: String, isLoopback: Bool) {
        #expect(HTTPServer.isLoopback(host) == isLoopback)
    }

    @Test func requestHeaderLookupIgnoresCase() {
        let request = HTTPServerRequest(
            method: "GET", target: "/", path: "/",
            queryItems: [URLQueryItem(name: "a", value: "1")],
            headers: [
                (name: "Content-Type", value: "text/plain"),
                (name: "content-type", value: "second"),
            ]
        )
        #expect(request.header("CONTENT-TYPE") == "text/plain")
        #expect(request.header("Accept") == nil)
        #expect(request.queryValue("a") == "1")
    }
}
