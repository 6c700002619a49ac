import Foundation

/// What the client tells an observer about each attempt: enough for an API log view, never the token.
public struct APICallRecord: Sendable, Hashable {
    public var method: String
    public var path: String
    public var status: Int?
    public var duration: Double
    /// Webex's trackingId for this call, the one its error messages quote: from the answer's
    /// error body or `TrackingID` header; the sent id when no answer came or it carried none.
    public var trackingId: String
    /// The `TrackingID` trackcodes sent with the request (`trackcodes_<uuid>_<n>`).
    public var sentTrackingId: String
    public var failure: String?
    public var startedAt: Date
}

/// Async client of the Webex tracking-code API.
///
/// Adds auth and a `TrackingID` to every request, retries by `RetryPolicy`, decodes tolerantly,
/// and turns every failure into a `WebexError`. Safe to share between tasks.
public final class WebexClient: Sendable {
    public static let defaultBaseURL = URL(string: "https://webexapis.com/v1")!

    public let baseURL: URL
    private let token: AccessToken
    private let transport: any HTTPTransport
    private let sleeper: any Sleeper
    private let retryPolicy: RetryPolicy
    private let trackingIDs: TrackingIDGenerator
    private let observer: (@Sendable (APICallRecord) -> Void)?

    public init(
        baseURL: URL = WebexClient.defaultBaseURL,
        token: AccessToken,
        transport: any HTTPTransport,
        sleeper: any Sleeper = TaskSleeper(),
        retryPolicy: RetryPolicy = .standard,
        trackingIDs: TrackingIDGenerator = TrackingIDGenerator(),
        observer: (@Sendable (APICallRecord) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.token = token
        self.transport = transport
        self.sleeper = sleeper
        self.retryPolicy = retryPolicy
        self.trackingIDs = trackingIDs
        self.observer = observer
    }

    // MARK: - The calls

    public func listSites() async throws(WebexError) -> [Site] {
        try await decode(SiteList.self, from: .listSites).sites
    }

    public func me() async throws(WebexError) -> Person {
        try await decode(Person.self, from: .me)
    }

    public func listTrackingCodes(siteUrl: String? = nil) async throws(WebexError) -> [TrackingCode] {
        try decodeList(from: try await send(.listTrackingCodes(siteUrl: siteUrl)))
    }

    public func trackingCode(id: String, siteUrl: String? = nil) async throws(WebexError) -> TrackingCode {
        try await decode(TrackingCode.self, from: .getTrackingCode(id: id, siteUrl: siteUrl))
    }

    public func createTrackingCode(_ draft: TrackingCodeDraft) async throws(WebexError) -> TrackingCode {
        try await decode(TrackingCode.self, from: .createTrackingCode(draft))
    }

    public func updateTrackingCode(id: String, _ draft: TrackingCodeDraft) async throws(WebexError) -> TrackingCode {
        try await decode(TrackingCode.self, from: .updateTrackingCode(id: id, draft))
    }

    public func deleteTrackingCode(id: String, siteUrl: String) async throws(WebexError) {
        _ = try await send(.deleteTrackingCode(id: id, siteUrl: siteUrl))
    }

    public func userTrackingCodes(for user: UserReference, siteUrl: String? = nil) async throws(WebexError) -> UserTrackingCodes {
        try await decode(UserTrackingCodes.self, from: .getUserTrackingCodes(user, siteUrl: siteUrl))
    }

    public func updateUserTrackingCodes(_ update: UserTrackingCodesUpdate) async throws(WebexError) -> UserTrackingCodes {
        try await decode(UserTrackingCodes.self, from: .updateUserTrackingCodes(update))
    }

    // MARK: - Requests

    /// The request `endpoint` would send, with a fresh TrackingID. Print it with `redactedDescription`.
    public func makeRequest(for endpoint: WebexEndpoint) throws(WebexError) -> HTTPRequest {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            throw .badResponse(status: 0, reason: "cannot build a URL from base \(baseURL)", trackingId: "")
        }
        components.percentEncodedPath = components.percentEncodedPath.trimmingSuffix("/") + endpoint.path
        let query = endpoint.queryItems
        components.queryItems = query.isEmpty ? nil : query
        // `+` is legal in a query but read as a space by many servers; emails often have one.
        if let encoded = components.percentEncodedQuery {
            components.percentEncodedQuery = encoded.replacingOccurrences(of: "+", with: "%2B")
        }
        guard let url = components.url else {
            throw .badResponse(status: 0, reason: "cannot build a URL from base \(baseURL)", trackingId: "")
        }

        var headers = [
            "Authorization": "Bearer \(token.secret)",
            "Accept": "application/json",
            "TrackingID": trackingIDs.next(),
        ]
        headers.merge(endpoint.extraHeaders) { _, new in new }
        let body: Data?
        do {
            body = try endpoint.body(encoder: Self.encoder)
        } catch {
            throw .badResponse(status: 0, reason: "cannot encode the request body: \(error)", trackingId: "")
        }
        if body != nil { headers["Content-Type"] = "application/json;charset=utf-8" }
        return HTTPRequest(method: endpoint.method, url: url, headers: headers, body: body)
    }

    /// Sends `endpoint`, retrying as the policy allows; returns the successful response.
    public func send(_ endpoint: WebexEndpoint) async throws(WebexError) -> HTTPResponse {
        let request = try makeRequest(for: endpoint)
        let trackingId = request.header("TrackingID") ?? ""
        let idempotent = RetryPolicy.isIdempotent(method: request.method)
        var rateLimitRetries = 0
        var serverRetries = 0

        while true {
            if Task.isCancelled { throw .cancelled }
            let started = Date()
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch is CancellationError {
                throw .cancelled
            } catch let tooLarge as ResponseTooLarge {
                let reason = Self.describe(tooLarge)
                report(
                    request, endpoint, started, status: tooLarge.status,
                    answeredTrackingId: tooLarge.trackingId, failure: reason)
                throw .badResponse(
                    status: tooLarge.status, reason: reason, trackingId: tooLarge.trackingId ?? trackingId)
            } catch let failure as TransportFailure {
                report(
                    request, endpoint, started, status: nil, answeredTrackingId: nil,
                    failure: failure.sentence)
                let mayRetry = idempotent && (failure == .connectionLost || failure == .timedOut)
                if mayRetry, serverRetries < retryPolicy.maxServerErrorRetries {
                    try await wait(retryPolicy.serverErrorWait(retry: serverRetries))
                    serverRetries += 1
                    continue
                }
                throw .network(failure, trackingId: trackingId)
            } catch {
                report(
                    request, endpoint, started, status: nil, answeredTrackingId: nil,
                    failure: "\(error)")
                throw .network(.other("\(error)"), trackingId: trackingId)
            }
            report(
                request, endpoint, started, status: response.status,
                answeredTrackingId: Self.answeredTrackingId(of: response), failure: nil)

            switch response.status {
            case 200..<300:
                return response
            case 429:
                let seconds = retryPolicy.rateLimitWait(retryAfter: response.header("Retry-After"))
                // Waiting longer than the policy allows would look like a hang: say how long
                // Webex asked for and let the user decide.
                guard rateLimitRetries < retryPolicy.maxRateLimitRetries,
                      seconds <= retryPolicy.maximumRetryAfterSeconds else {
                    let refusal = Self.error(from: response, sentTrackingId: trackingId)
                    throw refusal.redacting(token.secret)
                }
                try await wait(seconds)
                rateLimitRetries += 1
            case let status where idempotent && RetryPolicy.isRetryableServerStatus(status)
                && serverRetries < retryPolicy.maxServerErrorRetries:
                try await wait(retryPolicy.serverErrorWait(retry: serverRetries))
                serverRetries += 1
            default:
                throw Self.error(from: response, sentTrackingId: trackingId).redacting(token.secret)
            }
        }
    }

    private func wait(_ seconds: Double) async throws(WebexError) {
        do {
            try await sleeper.sleep(seconds: seconds)
        } catch {
            throw .cancelled
        }
    }

    /// Sends `endpoint` and returns Webex's answer byte for byte, once its body has been checked
    /// to decode as the model the endpoint documents: for callers that pass the bytes on (the
    /// REST adapter), so a 200 with a broken body is an error and not passed along as success.
    public func sendCheckingBody(
        _ endpoint: WebexEndpoint
    ) async throws(WebexError) -> HTTPResponse {
        let response = try await send(endpoint)
        switch endpoint {
        case .listSites: _ = try decode(SiteList.self, from: response)
        case .me: _ = try decode(Person.self, from: response)
        case .listTrackingCodes: _ = try decodeList(from: response)
        case .getTrackingCode, .createTrackingCode, .updateTrackingCode:
            _ = try decode(TrackingCode.self, from: response)
        case .getUserTrackingCodes, .updateUserTrackingCodes:
            _ = try decode(UserTrackingCodes.self, from: response)
        case .deleteTrackingCode: break
        }
        return response
    }

    private func decode<T: Decodable>(
        _ type: T.Type, from endpoint: WebexEndpoint
    ) async throws(WebexError) -> T {
        try decode(type, from: try await send(endpoint))
    }

    /// The codes of a list answer, decoded one by one (see `JSONItemsScanner`); when the answer
    /// is not the plain shape, or a code fails, the whole answer is decoded for the error.
    private func decodeList(from response: HTTPResponse) throws(WebexError) -> [TrackingCode] {
        if let ranges = JSONItemsScanner.elementRanges(ofArrayAt: "items", in: response.body),
           let codes = try? ranges.map({
               try Self.decoder.decode(TrackingCode.self, from: response.body[$0])
           }) {
            return codes
        }
        return try decode(TrackingCodeList.self, from: response).items
    }

    private func decode<T: Decodable>(
        _ type: T.Type, from response: HTTPResponse
    ) throws(WebexError) -> T {
        do {
            return try Self.decoder.decode(T.self, from: response.body)
        } catch {
            let failure = WebexError.badResponse(
                status: response.status, reason: Self.describe(decodingError: error, body: response.body),
                trackingId: response.header("TrackingID") ?? "")
            throw failure.redacting(token.secret)
        }
    }

    /// Tells the observer about one attempt. `answeredTrackingId` is Webex's id for it, when the
    /// answer carried one; the record falls back to the id trackcodes sent.
    private func report(
        _ request: HTTPRequest, _ endpoint: WebexEndpoint, _ started: Date, status: Int?,
        answeredTrackingId: String?, failure: String?
    ) {
        guard let observer else { return }
        var path = endpoint.path
        if let query = request.url.query, !query.isEmpty { path += "?" + query }
        let sent = request.header("TrackingID") ?? ""
        observer(APICallRecord(
            method: request.method, path: path, status: status, duration: Date().timeIntervalSince(started),
            trackingId: answeredTrackingId ?? sent, sentTrackingId: sent, failure: failure,
            startedAt: started))
    }

    /// Webex's trackingId in `response`, in the order `error(from:sentTrackingId:)` reads it
    /// (error body, then header), so a log row and the error it led to quote the same id.
    static func answeredTrackingId(of response: HTTPResponse) -> String? {
        let body = (200..<300).contains(response.status)
            ? nil : try? decoder.decode(WebexErrorBody.self, from: response.body)
        let answered = body?.trackingId ?? response.header("TrackingID")
        return answered?.isEmpty == false ? answered : nil
    }

    // MARK: - Decoding

    static let decoder = JSONDecoder()
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Turns an error response into a `WebexError`, reading Webex's body when there is one.
    static func error(from response: HTTPResponse, sentTrackingId: String) -> WebexError {
        let body = try? decoder.decode(WebexErrorBody.self, from: response.body)
        let trackingId = answeredTrackingId(of: response) ?? sentTrackingId
        let descriptions = body?.errors?.map(\.description) ?? []
        guard let body, body.message != nil || !descriptions.isEmpty else {
            if response.status == 429 {
                return .rateLimited(retryAfterSeconds: response.header("Retry-After").flatMap { Int($0) }, trackingId: trackingId)
            }
            return .badResponse(status: response.status, reason: describeUnreadable(response), trackingId: trackingId)
        }
        let message = body.message ?? descriptions.first ?? ""
        switch response.status {
        case 401: return .unauthorized(message: message, trackingId: trackingId)
        case 429: return .rateLimited(retryAfterSeconds: response.header("Retry-After").flatMap { Int($0) }, trackingId: trackingId)
        default: return .api(status: response.status, message: message, descriptions: descriptions, trackingId: trackingId)
        }
    }

    static func describeUnreadable(_ response: HTTPResponse) -> String {
        let type = response.header("Content-Type") ?? "no content type"
        if response.body.isEmpty { return "empty body (\(HTTPStatus.reason(response.status)))" }
        if type.contains("html") { return "an HTML page instead of JSON (\(HTTPStatus.reason(response.status)))" }
        return "a body that is not a Webex error (\(type), \(response.body.count) bytes)"
    }

    static func describe(_ tooLarge: ResponseTooLarge) -> String {
        let megabyte = 1024 * 1024
        let limit = tooLarge.limit % megabyte == 0
            ? "\(tooLarge.limit / megabyte) MB" : "\(tooLarge.limit) bytes"
        return "the answer is larger than \(limit), the most trackcodes reads"
    }

    static func describe(decodingError error: any Error, body: Data) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return body.isEmpty ? "empty body where JSON was expected" : "the JSON is malformed or truncated (\(body.count) bytes)"
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "unexpected JSON at '\(path.isEmpty ? "top level" : path)': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Reason phrases, for messages and for our own servers.
public enum HTTPStatus {
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
