import Foundation
import Testing
@testable import HTTPServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The normal path, through the same URLSession stack the Webex client uses.
@Suite("Round trips through URLSession")
struct RoundTripTests {
    let session = makeSession()

    private func send(
        _ method: String, _ url: String, body: String? = nil
    ) async throws -> (HTTPURLResponse, Echo) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http, try JSONDecoder().decode(Echo.self, from: data))
    }

    @Test func getDecodesPathAndQueryAndKeepsPlusSigns() async throws {
        try await withServer { port, _ in
            let url = "http://127.0.0.1:\(port)/v1/tracking%20codes/%C3%A9t%C3%A9"
                + "?siteUrl=a.webex.com&name=%2Bplus+raw&flag&empty=&max=10"
            let (response, echo) = try await send("GET", url)

            #expect(response.statusCode == 200)
            let contentType = response.value(forHTTPHeaderField: "Content-Type")
            #expect(contentType == "application/json;charset=UTF-8")
            #expect(response.value(forHTTPHeaderField: "X-Echo") == "yes")
            #expect(response.value(forHTTPHeaderField: "Date")?.hasSuffix(" GMT") == true)
            #expect(echo.method == "GET")
            #expect(echo.path == "/v1/tracking codes/été")
            #expect(echo.target.hasPrefix("/v1/tracking%20codes/"))
            #expect(echo.query == [
                .init(name: "siteUrl", value: "a.webex.com"),
                .init(name: "name", value: "+plus+raw"),
                .init(name: "flag", value: nil),
                .init(name: "empty", value: ""),
                .init(name: "max", value: "10"),
            ])
            #expect(echo.remote.hasPrefix("127.0.0.1:"))
        }
    }

    @Test(arguments: ["POST", "PUT"])
    func bodiesArriveWhole(method: String) async throws {
        try await withServer { port, _ in
            let long = String(repeating: "x", count: 5000)
            let body = #"{"name":"Division","values":["é","\#(long)"]}"#
            let url = "http://127.0.0.1:\(port)/v1/codes/42"
            let (response, echo) = try await send(method, url, body: body)

            #expect(response.statusCode == 200)
            #expect(echo.method == method)
            #expect(echo.path == "/v1/codes/42")
            #expect(echo.body == body)
            #expect(echo.contentType == "application/json")
        }
    }

    @Test func deleteWithoutBody() async throws {
        try await withServer { port, _ in
            let url = "http://127.0.0.1:\(port)/v1/codes/42?siteUrl=x"
            let (response, echo) = try await send("DELETE", url)
            #expect(response.statusCode == 200)
            #expect(echo.method == "DELETE")
            #expect(echo.body.isEmpty)
            #expect(echo.query == [.init(name: "siteUrl", value: "x")])
        }
    }

    @Test func handlerStatusAndHeadersReachTheClient() async throws {
        let handler: HTTPServer.Handler = { _ in
            HTTPServerResponse(
                status: 404, headers: [(name: "Retry-After", value: "3")], body: Data("none".utf8)
            )
        }
        try await withServer(handler: handler) { port, _ in
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/missing"))
            let (data, response) = try await session.data(from: url)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 404)
            #expect(http.value(forHTTPHeaderField: "Retry-After") == "3")
            #expect(String(decoding: data, as: UTF8.self) == "none")
        }
    }

    @Test func concurrentRequestsAreServedInParallel() async throws {
        try await withServer { port, _ in
            let session = self.session
            let paths = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let url = try #require(URL(string: "http://127.0.0.1:\(port)/n/\(index)"))
                        let (data, _) = try await session.data(from: url)
                        return try JSONDecoder().decode(Echo.self, from: data).path
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(paths == Set((0..<40).map { "/n/\($0)" }))
        }
    }
}
