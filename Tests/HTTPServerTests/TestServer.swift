import Foundation
@testable import HTTPServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `body` against a server on 127.0.0.1 and an ephemeral port, and stops the server after.
@discardableResult
func withServer<Result>(
    limits: HTTPServerLimits = .init(),
    handler: @escaping HTTPServer.Handler = echo,
    _ body: (_ port: Int, _ server: HTTPServer) async throws -> Result
) async throws -> Result {
    let server = HTTPServer(limits: limits, handler: handler)
    let port = try server.start()
    do {
        let result = try await body(port, server)
        await stopOffThePool(server)
        return result
    } catch {
        await stopOffThePool(server)
        throw error
    }
}

/// `stop()` blocks while requests finish, and those requests need the cooperative pool: so it
/// runs on a thread of its own here, the way async code should call it.
func stopOffThePool(_ server: HTTPServer, gracePeriod: Double = 2) async {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            server.stop(gracePeriod: gracePeriod)
            continuation.resume()
        }
    }
}

/// Answers with what it received, as JSON, so tests can check the parsing end to end.
@Sendable func echo(_ request: HTTPServerRequest) async -> HTTPServerResponse {
    let query = request.queryItems.map { item -> [String: String] in
        item.value.map { ["name": item.name, "value": $0] } ?? ["name": item.name]
    }
    let object: [String: Any] = [
        "method": request.method,
        "target": request.target,
        "path": request.path,
        "query": query,
        "body": String(decoding: request.body, as: UTF8.self),
        "remote": request.remoteAddress,
        "contentType": request.header("content-type") ?? "",
    ]
    // A dictionary of strings and arrays of string dictionaries always serialises.
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return .json(200, data, headers: [(name: "X-Echo", value: "yes")])
}

/// The decoded form of what `echo` answers.
struct Echo: Decodable, Equatable {
    struct Item: Decodable, Equatable {
        var name: String
        var value: String?
    }

    var method: String
    var target: String
    var path: String
    var query: [Item]
    var body: String
    var remote: String
    var contentType: String
}

/// Counts calls from concurrent handlers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() {
        lock.lock()
        value += 1
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// A session that talks to the loopback server directly.
///
/// On Linux, URLSession (libcurl) honours `http_proxy` even for 127.0.0.1. If a proxy is set in
/// the environment, run the tests with `no_proxy=127.0.0.1,localhost`.
func makeSession() -> URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 10
    configuration.urlCache = nil
    return URLSession(configuration: configuration)
}
