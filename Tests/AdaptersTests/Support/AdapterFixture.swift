import Adapters
import Foundation
import HTTPServer
import TrackingCodesCore
import WebexAPI
import WebexSandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let demoSite = "acme.webex.com"
let mappedSite = "acme-apac.webex.com"
let demoUserEmail = "wang.fang@acme.example.com"

/// A fresh demo sandbox, a client on it, and the adapters' operations over that client.
///
/// By default writes go through a core `Session`'s journaled writer, as in the program, with
/// the journal in a new temporary state directory.
struct AdapterFixture {
    let sandbox: Sandbox
    let client: WebexClient
    let operations: TrackingCodeOperations
    /// The session writes go through; nil for a fixture made with `journaled: false`.
    let session: Session?

    @MainActor
    static func make(
        readOnly: Bool = false, transport: (any HTTPTransport)? = nil, journaled: Bool = true,
        paths: Paths? = nil, settings: Settings = Settings()
    ) throws -> AdapterFixture {
        let sandbox = try Sandbox.demo()
        let client = WebexClient(
            baseURL: Sandbox.inProcessBaseURL, token: AccessToken(Sandbox.demoToken),
            transport: transport ?? SandboxTransport(sandbox), retryPolicy: .none)
        guard journaled else {
            let operations = TrackingCodeOperations(
                service: DirectTrackingCodeService(client: client), client: client, readOnly: readOnly)
            return AdapterFixture(sandbox: sandbox, client: client, operations: operations, session: nil)
        }
        let session = Session(
            client: client, callLog: APICallLog(), paths: paths ?? temporaryPaths(), settings: settings,
            readOnly: readOnly)
        let operations = TrackingCodeOperations(
            service: JournaledTrackingCodeService(session: session), client: client, readOnly: readOnly)
        return AdapterFixture(sandbox: sandbox, client: client, operations: operations, session: session)
    }

    /// Fresh config and state directories under the temporary directory.
    static func temporaryPaths() -> Paths {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("trackcodes-adapters-\(UUID().uuidString)")
        return Paths(configDirectory: root.appendingPathComponent("config"),
                     stateDirectory: root.appendingPathComponent("state"))
    }

    /// The journal's lines so far (none without a session).
    func journal() async throws -> [JournalRecord] {
        guard let session else { return [] }
        return try await session.journal.read().records
    }

    /// Both servers on ephemeral loopback ports; stop them with `stop()`.
    func startServers(
        accessToken: String? = nil, limits: HTTPServerLimits = HTTPServerLimits()
    ) throws -> AdapterServers {
        let options = ServeOptions(restPort: 0, mcpPort: 0, accessToken: accessToken,
                                   readOnly: operations.isReadOnly, limits: limits)
        return try AdapterServers.start(options: options, operations: operations)
    }
}

/// A response from an HTTP call: status, headers and the JSON body when there is one.
struct HTTPResult {
    var status: Int
    var headers: [String: String]
    var body: Data

    var json: JSONValue? { JSONValue.parse(body) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The first `errors[].description` of a Webex-shaped error body.
    var firstDescription: String? { json?["errors"]?.arrayValue?.first?["description"]?.stringValue }
}

/// URLSession calls against the adapters, never through a proxy.
enum HTTP {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        configuration.timeoutIntervalForRequest = 20
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }()

    static func call(
        _ method: String, _ url: URL, body: String? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPResult {
        var request = URLRequest(url: url)
        request.httpMethod = method
        var allHeaders = headers
        if body != nil, allHeaders.keys.first(where: { $0.lowercased() == "content-type" }) == nil {
            allHeaders["Content-Type"] = "application/json"
        }
        for (name, value) in allHeaders { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return HTTPResult(status: http.statusCode, headers: fields, body: data)
    }
}

extension AdapterServers {
    /// A URL on the REST adapter, e.g. `rest("/v1/admin/meeting/config/trackingcodes?siteUrl=x")`.
    func rest(_ pathAndQuery: String) -> URL {
        // The base URL and our literal paths always form a valid URL.
        URL(string: restURL.absoluteString + pathAndQuery)!
    }
}
