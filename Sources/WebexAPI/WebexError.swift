import Foundation

/// The error body every Webex endpoint documents: `{message, errors[].description, trackingId}`.
public struct WebexErrorBody: Codable, Hashable, Sendable {
    public struct Detail: Codable, Hashable, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public var message: String?
    public var errors: [Detail]?
    public var trackingId: String?

    public init(message: String?, errors: [Detail]?, trackingId: String?) {
        self.message = message
        self.errors = errors
        self.trackingId = trackingId
    }
}

/// Everything a call can fail with, carrying what a person needs to act: the HTTP status, Webex's
/// words, and the trackingId to quote to Cisco support. Never the token.
public enum WebexError: Error, Hashable, Sendable, LocalizedError {
    /// Webex answered with an error status (other than 401).
    case api(status: Int, message: String, descriptions: [String], trackingId: String)
    /// 401: the token is missing, wrong or expired.
    case unauthorized(message: String, trackingId: String)
    /// Still 429 after the retries the policy allows.
    case rateLimited(retryAfterSeconds: Int?, trackingId: String)
    /// No HTTP answer arrived.
    case network(TransportFailure, trackingId: String)
    /// An answer arrived but was not what the API documents (HTML page, truncated JSON, ...).
    case badResponse(status: Int, reason: String, trackingId: String)
    case cancelled

    public var status: Int? {
        switch self {
        case .api(let status, _, _, _), .badResponse(let status, _, _): status
        case .unauthorized: 401
        case .rateLimited: 429
        case .network, .cancelled: nil
        }
    }

    public var trackingId: String? {
        switch self {
        case .api(_, _, _, let id), .unauthorized(_, let id), .rateLimited(_, let id),
             .network(_, let id), .badResponse(_, _, let id): id
        case .cancelled: nil
        }
    }

    /// Webex's own words (message and descriptions), for a one-line display.
    public var webexMessage: String? {
        switch self {
        case .api(_, let message, let descriptions, _):
            ([message] + descriptions.filter { $0 != message }).filter { !$0.isEmpty }.joined(separator: ": ")
        case .unauthorized(let message, _): message
        default: nil
        }
    }

    /// True for failures where the network or the login, not the request, is at fault.
    public var isNetworkOrAuth: Bool {
        switch self {
        case .network, .unauthorized: true
        default: false
        }
    }

    public var errorDescription: String? {
        let quote = trackingId.map { " (trackingId \($0))" } ?? ""
        switch self {
        case .api(let status, _, _, _):
            return "Webex refused the request: HTTP \(status): \(webexMessage ?? "no message")\(quote)"
        case .unauthorized(let message, _):
            return "The access token is missing, invalid or expired (HTTP 401: \(message)). "
                + "Get a fresh token from developer.webex.com and set WEBEX_API_KEY\(quote)"
        case .rateLimited(let seconds, _):
            let advice = seconds.map { "; Webex asked to wait \($0) s before trying again" }
                ?? ". Try again in a moment"
            return "Webex is rate-limiting these requests (HTTP 429)\(advice)\(quote)"
        case .network(let failure, _):
            return "Network failure: \(failure.sentence)\(quote)"
        case .badResponse(let status, let reason, _):
            return "Webex sent an answer trackcodes cannot read: HTTP \(status): \(reason)\(quote)"
        case .cancelled:
            return "Cancelled"
        }
    }
}

extension WebexError {
    /// The same error with `secret` blanked out of every text a server or transport supplied:
    /// a proxy or a buggy server that echoes the `Authorization` header must not put the token
    /// on a screen, in a journal or in an adapter's answer. Short secrets are left alone, as
    /// blanking them would garble the text.
    func redacting(_ secret: String) -> WebexError {
        guard secret.count >= 8 else { return self }
        let clean = { (text: String) in text.replacingOccurrences(of: secret, with: "<redacted>") }
        switch self {
        case .api(let status, let message, let descriptions, let trackingId):
            return .api(status: status, message: clean(message), descriptions: descriptions.map(clean),
                        trackingId: clean(trackingId))
        case .unauthorized(let message, let trackingId):
            return .unauthorized(message: clean(message), trackingId: clean(trackingId))
        case .rateLimited(let seconds, let trackingId):
            return .rateLimited(retryAfterSeconds: seconds, trackingId: clean(trackingId))
        case .network(.other(let detail), let trackingId):
            return .network(.other(clean(detail)), trackingId: clean(trackingId))
        case .network(let failure, let trackingId):
            return .network(failure, trackingId: clean(trackingId))
        case .badResponse(let status, let reason, let trackingId):
            return .badResponse(status: status, reason: clean(reason), trackingId: clean(trackingId))
        case .cancelled:
            return self
        }
    }
}

extension TransportFailure {
    /// A sentence that says what happened and what to check.
    public var sentence: String {
        switch self {
        case .connectionRefused(let host): "the connection to \(host) was refused; is the server running and the address right?"
        case .timedOut: "the server did not answer in time"
        case .cannotResolveHost(let host): "cannot resolve the host name '\(host)'; check the base URL and DNS"
        case .tls(let detail): "the secure connection failed (\(detail))"
        case .connectionLost: "the connection dropped before the answer was complete"
        case .other(let detail): detail
        }
    }
}
