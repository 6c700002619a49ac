import Foundation
import HTTPServer
import WebexAPI

/// The sandbox over real HTTP, so curl and the production URLSession client can talk to it.
///
/// Besides the Webex paths under `/v1`, it answers a small control API under `/_sandbox/` (never
/// part of Webex) for tests and benchmarks that drive a running sandbox from outside:
/// `GET /_sandbox/state` (the whole dataset), `GET` and `PUT /_sandbox/faults` (a `SandboxFaults`
/// JSON object). Both need the sandbox's bearer token.
public final class SandboxHTTPServer: Sendable {
    public let sandbox: Sandbox
    private let server: HTTPServer

    /// Listens on `host` (loopback unless told otherwise) and `port` (0 picks a free one).
    public init(sandbox: Sandbox, host: String = "127.0.0.1", port: Int = 0, limits: HTTPServerLimits = .init()) {
        self.sandbox = sandbox
        server = HTTPServer(host: host, port: port, limits: limits) { request in
            await SandboxHTTPServer.answer(request, sandbox: sandbox, host: host)
        }
    }

    /// Starts listening; returns the base URL to give a client, e.g. `http://127.0.0.1:8099/v1`.
    @discardableResult
    public func start() throws -> URL {
        let port = try server.start()
        return Self.baseURL(host: server.host, port: port)
    }

    public func stop() { server.stop() }

    public var baseURL: URL? { server.port.map { Self.baseURL(host: server.host, port: $0) } }

    static func baseURL(host: String, port: Int) -> URL {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        // Built from a host we bound and a port number: always a valid URL.
        return URL(string: "http://\(shownHost):\(port)/v1")!
    }

    private static func answer(_ request: HTTPServerRequest, sandbox: Sandbox, host: String) async -> HTTPServerResponse {
        if request.path.hasPrefix(controlPrefix) {
            return control(request, sandbox: sandbox)
        }
        guard let url = URL(string: "http://sandbox\(request.target.hasPrefix("/") ? "" : "/")\(request.target)") else {
            return HTTPServerResponse.text(400, "Bad request target")
        }
        var headers: [String: String] = [:]
        for (name, value) in request.headers where headers[name] == nil {
            headers[name] = value
        }
        let answer = await sandbox.handle(HTTPRequest(method: request.method, url: url, headers: headers,
                                                      body: request.body.isEmpty ? nil : request.body))
        return HTTPServerResponse(status: answer.status,
                                  headers: answer.headers.map { (name: wireName($0.key), value: $0.value) },
                                  body: answer.body)
    }

    static let controlPrefix = "/_sandbox/"

    private static func control(_ request: HTTPServerRequest, sandbox: Sandbox) -> HTTPServerResponse {
        guard sandbox.accepts(authorization: request.header("Authorization")) else {
            return .json(401, Data(#"{"message":"The sandbox control API needs the sandbox's bearer token."}"#.utf8))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        switch (request.method, request.path) {
        case ("GET", controlPrefix + "state"):
            return .json(200, (try? encoder.encode(sandbox.dataset)) ?? Data())
        case ("GET", controlPrefix + "faults"):
            return .json(200, (try? encoder.encode(sandbox.faults)) ?? Data())
        case ("PUT", controlPrefix + "faults"):
            do {
                sandbox.faults = try JSONDecoder().decode(SandboxFaults.self, from: request.body)
                return .json(200, (try? encoder.encode(sandbox.faults)) ?? Data())
            } catch {
                return .json(400, Data(#"{"message":"The body must be a SandboxFaults JSON object."}"#.utf8))
            }
        default:
            return .json(404, Data(#"{"message":"No such sandbox control resource."}"#.utf8))
        }
    }

    /// Webex's own spelling of the headers the sandbox sends (`HTTPResponse` keeps them lower-cased).
    private static func wireName(_ name: String) -> String {
        switch name {
        case "trackingid": "TrackingID"
        case "content-type": "Content-Type"
        case "retry-after": "Retry-After"
        default: name
        }
    }
}
