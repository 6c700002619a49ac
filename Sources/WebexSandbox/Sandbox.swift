import Foundation
import WebexAPI

/// A local emulator of the Webex tracking-code API, faithful to Cisco's schemas, documented rules
/// and quirks; where Webex is silent it behaves as the README's sandbox section says.
///
/// It answers `HTTPRequest`s in process (`SandboxTransport`) or over loopback HTTP
/// (`SandboxHTTPServer`). Thread-safe; faults can be changed while it runs.
public final class Sandbox: @unchecked Sendable {
    /// The bearer token the sandbox accepts unless told otherwise. Not a secret.
    public static let demoToken = "trackcodes-sandbox-demo-token"
    /// Base URL for in-process use; the host never resolves, nothing leaves the process.
    public static let inProcessBaseURL = URL(string: "http://sandbox.trackcodes.invalid/v1")!

    // Guarded by `lock`: all mutable state below.
    private let lock = NSLock()
    private var store: SandboxStore
    /// Users not decoded yet (the demo's, until a request needs them); see `completeUsers()`.
    private var deferredUsers: DeferredUsers?
    private var faultsValue: SandboxFaults
    private var random: SeededGenerator
    private var requestCount = 0

    private let stateFile: URL?
    private let acceptedTokens: Set<String>

    /// - Parameters:
    ///   - stateFile: when set, every change is written there atomically, and `load` reads it back.
    ///   - acceptedTokens: bearer tokens answered with data; anything else gets Webex's 401.
    ///   - deferredUsers: users to decode when a request first needs them; `dataset.users` must
    ///     then be empty. Decoding the demo's users costs more than the rest of start-up.
    public init(dataset: SandboxDataset, faults: SandboxFaults = .none, stateFile: URL? = nil,
                acceptedTokens: Set<String> = [Sandbox.demoToken], deferredUsers: DeferredUsers? = nil) {
        store = SandboxStore(dataset: dataset)
        self.deferredUsers = deferredUsers
        faultsValue = faults
        random = SeededGenerator(seed: faults.seed)
        self.stateFile = stateFile
        self.acceptedTokens = acceptedTokens
    }

    /// The demo organisation, or the state file's content when that file exists.
    public static func demo(faults: SandboxFaults = .none, stateFile: URL? = nil) throws -> Sandbox {
        if let stateFile, FileManager.default.fileExists(atPath: stateFile.path) {
            return Sandbox(dataset: try SandboxStateFile.load(stateFile), faults: faults, stateFile: stateFile)
        }
        let (dataset, users) = try DemoData.loadDeferringUsers()
        return Sandbox(dataset: dataset, faults: faults, stateFile: stateFile, deferredUsers: users)
    }

    public var faults: SandboxFaults {
        get { locked { faultsValue } }
        set {
            locked {
                faultsValue = newValue
                random = SeededGenerator(seed: newValue.seed)
            }
        }
    }

    // MARK: - Inspection, for tests and benchmarks

    public var dataset: SandboxDataset {
        locked {
            try? completeUsers()
            return store.dataset
        }
    }

    /// The site's codes in the order the list endpoint returns them.
    public func codes(siteUrl: String) -> [TrackingCode] {
        locked { store.dataset.codes.filter { $0.siteUrl == siteUrl } }
    }

    /// A user's values on a site, by code name; found by email or person id.
    public func userValues(siteUrl: String, email: String? = nil, personId: String? = nil) -> [String: String] {
        locked {
            try? completeUsers()
            guard let index = try? store.userIndex(personId: personId, email: email),
                  let site = try? store.site(siteUrl) else { return [:] }
            let codes = store.codes(on: site)
            var result: [String: String] = [:]
            for (id, value) in store.dataset.users[index].values[site.siteUrl] ?? [:] {
                if let name = codes.first(where: { $0.id == id })?.name { result[name] = value }
            }
            return result
        }
    }

    /// Requests answered so far, including refused and faulted ones.
    public var handledRequestCount: Int { locked { requestCount } }

    // MARK: - Answering

    /// Answers one request as Webex would; never throws, every failure is an HTTP answer.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let trackingId = Self.makeTrackingId()
        let (faults, injected) = locked { () -> (SandboxFaults, SandboxFailure?) in
            requestCount += 1
            return (faultsValue, drawFault(for: request))
        }
        if faults.latencyMs > 0 {
            do {
                try await Task.sleep(nanoseconds: UInt64(faults.latencyMs) * 1_000_000)
            } catch {
                return response(for: .status(503), trackingId: trackingId)
            }
        }
        if let injected {
            var answer = response(for: injected, trackingId: trackingId)
            if injected.status == 429 {
                answer.body = Self.encode(["message": SandboxFailure.Message.tooManyRequests, "trackingId": trackingId])
                if let seconds = faults.retryAfterSeconds { answer.headers["retry-after"] = String(seconds) }
            }
            return answer
        }

        guard isAuthorized(request) else { return response(for: .unauthorized, trackingId: trackingId) }
        do {
            let (status, body) = try route(request)
            return HTTPResponse(status: status, headers: Self.headers(trackingId: trackingId, hasBody: body != nil), body: body ?? Data())
        } catch {
            return response(for: error, trackingId: trackingId)
        }
    }

    private func isAuthorized(_ request: HTTPRequest) -> Bool {
        accepts(authorization: request.header("Authorization"))
    }

    /// Whether an `Authorization` header value carries a token this sandbox accepts.
    public func accepts(authorization header: String?) -> Bool {
        guard let header else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        return acceptedTokens.contains(String(parts[1]).trimmingCharacters(in: .whitespaces))
    }

    /// Runs the request against the store; returns status and JSON body.
    private func route(_ request: HTTPRequest) throws(SandboxFailure) -> (Int, Data?) {
        let route = try SandboxRoute(request)
        switch route {
        case .listSites:
            return (200, Self.encode(locked { store.siteList() }))
        case .me:
            return (200, Self.encode(locked { store.dataset.admin }))
        case .listCodes(let siteUrl):
            let list = try lockedThrowing { () throws(SandboxFailure) in TrackingCodeList(items: store.codes(on: try store.site(siteUrl))) }
            return (200, Self.encode(list))
        case .getCode(let id, let siteUrl):
            return (200, Self.encode(try lockedThrowing { () throws(SandboxFailure) in try store.code(id: id, siteUrl: siteUrl) }))
        case .createCode(let draft):
            return (200, Self.encode(try mutating { (store: inout SandboxStore) throws(SandboxFailure) in try store.create(draft) }))
        case .updateCode(let id, let draft):
            return (200, Self.encode(try mutating { (store: inout SandboxStore) throws(SandboxFailure) in try store.update(id: id, draft) }))
        case .deleteCode(let id, let siteUrl):
            try mutating { (store: inout SandboxStore) throws(SandboxFailure) in try store.delete(id: id, siteUrl: siteUrl) }
            return (204, nil)
        case .getUserCodes(let siteUrl, let personId, let email):
            let codes = try lockedThrowing { () throws(SandboxFailure) in
                try completeUsers()
                return try store.userCodes(siteUrl: siteUrl, personId: personId, email: email)
            }
            return (200, Self.encode(codes))
        case .updateUserCodes(let update):
            return (200, Self.encode(try mutating { (store: inout SandboxStore) throws(SandboxFailure) in try store.updateUserCodes(update) }))
        }
    }

    /// Applies a change and, when there is a state file, saves it before answering.
    ///
    /// Without a state file the store changes in place: a store's changes check everything before
    /// they touch anything, so a refused one leaves it as it was. Copying it first would copy
    /// every user on every write, which made a 10,000-user import's PUTs hold the lock ~1 ms each.
    private func mutating<T>(_ change: (inout SandboxStore) throws(SandboxFailure) -> T) throws(SandboxFailure) -> T {
        try lockedThrowing { () throws(SandboxFailure) -> T in
            // Every change may touch users (a deleted code loses their values) or save them all.
            try completeUsers()
            guard stateFile != nil else { return try change(&store) }
            var copy = store
            let result = try change(&copy)
            if let stateFile {
                do {
                    try SandboxStateFile.save(copy.dataset, to: stateFile)
                } catch {
                    throw SandboxFailure(status: 500, message: SandboxFailure.Message.serverError,
                                         description: "The sandbox could not save its state file: \(error.localizedDescription)")
                }
            }
            store = copy
            return result
        }
    }

    /// Decides, under the lock, whether this request is one the faults pick to fail.
    private func drawFault(for request: HTTPRequest) -> SandboxFailure? {
        let faults = faultsValue
        guard !faults.isNone else { return nil }
        if !faults.failingIds.isEmpty, faults.failingIds.contains(where: { Self.request(request, names: $0) }) {
            return .status(faults.failingStatus)
        }
        if faults.rateLimitShare > 0, Double.random(in: 0..<1, using: &random) < faults.rateLimitShare {
            return SandboxFailure(status: 429, message: SandboxFailure.Message.tooManyRequests, description: "")
        }
        if faults.serverErrorShare > 0, Double.random(in: 0..<1, using: &random) < faults.serverErrorShare {
            return .status(faults.serverErrorStatus)
        }
        return nil
    }

    private static func request(_ request: HTTPRequest, names id: String) -> Bool {
        if request.url.path.hasSuffix("/trackingCodes/\(id)") { return true }
        guard let body = request.body, let json = JSONValue.parse(body) else { return false }
        return json["id"]?.stringValue == id
    }

    // MARK: - Answers

    private func response(for failure: SandboxFailure, trackingId: String) -> HTTPResponse {
        let body = WebexErrorBody(
            message: failure.message,
            errors: failure.description.isEmpty ? nil : [.init(description: failure.description)],
            trackingId: trackingId)
        return HTTPResponse(status: failure.status, headers: Self.headers(trackingId: trackingId, hasBody: true), body: Self.encode(body))
    }

    private static func headers(trackingId: String, hasBody: Bool) -> [String: String] {
        var headers = ["TrackingID": trackingId]
        if hasBody { headers["Content-Type"] = "application/json;charset=UTF-8" }
        return headers
    }

    /// Webex's style: 32 upper-case hex digits, `_`, epoch milliseconds.
    static func makeTrackingId() -> String {
        let hex = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        return "\(hex)_\(Int64(Date().timeIntervalSince1970 * 1000))"
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func encode<T: Encodable>(_ value: T) -> Data {
        // Encoding our own model types cannot fail: they hold only strings, bools and arrays.
        (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// Decodes the deferred users into the store, once. Call under the lock.
    private func completeUsers() throws(SandboxFailure) {
        guard let pending = deferredUsers else { return }
        let users: [SandboxUser]
        do {
            users = try pending.load()
        } catch {
            throw SandboxFailure(status: 500, message: SandboxFailure.Message.serverError,
                                 description: "The sandbox could not read its users: \(error.localizedDescription)")
        }
        deferredUsers = nil
        var dataset = store.dataset
        dataset.users = users
        store = SandboxStore(dataset: dataset)
    }

    // MARK: - Locking

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private func lockedThrowing<T>(_ body: () throws(SandboxFailure) -> T) throws(SandboxFailure) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// The sandbox as a transport: requests never leave the process.
public struct SandboxTransport: HTTPTransport {
    public let sandbox: Sandbox

    public init(_ sandbox: Sandbox) { self.sandbox = sandbox }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let response = await sandbox.handle(request)
        try Task.checkCancellation()
        return response
    }
}
