import Foundation
import HTTPServer
import WebexAPI

/// Error answers of the REST adapter, all in Webex's error shape
/// (`{message, errors[].description, trackingId}`) so a Webex client reads them unchanged.
enum RESTErrorResponse {
    /// Webex's wording per status, as the sandbox and Webex's docs use it.
    enum Message {
        static let badRequest = "The request could not be understood by the server due to malformed "
            + "syntax. See 'errors' for more details."
        static let unauthorized =
            "The request requires a valid access token set in the Authorization request header."
        static let forbidden = "The server understood the request, but refused to fulfill it."
        static let notFound = "The requested resource could not be found."
        static let methodNotAllowed =
            "The request was made to a resource using an HTTP request method that is not supported."
        static let unsupportedMediaType = "The request body must be JSON (Content-Type: application/json)."
        static let badGateway = "trackcodes could not get a usable answer from Webex."
        static let gatewayTimeout = "Webex did not answer in time."
        static let unavailable = "trackcodes cannot make this change right now."
        static let preconditionFailed =
            "The tracking code changed since it was read (its ETag no longer matches If-Match)."
    }

    static func make(
        _ status: Int, message: String, descriptions: [String], trackingId: String = makeTrackingId(),
        headers: [(name: String, value: String)] = []
    ) -> HTTPServerResponse {
        let body = WebexErrorBody(
            message: message, errors: descriptions.map { .init(description: $0) }, trackingId: trackingId)
        let allHeaders = [(name: "TrackingID", value: trackingId)] + headers
        return .json(status, JSONCoding.data(body), headers: allHeaders)
    }

    /// The answer for a failed call: Webex's own status and words when Webex answered; 502 or
    /// 504 when it did not; 400, 403 or 503 when the adapter refused before sending.
    static func make(for failure: AdapterFailure) -> HTTPServerResponse {
        switch failure {
        case .invalid(let descriptions):
            return make(400, message: Message.badRequest, descriptions: descriptions)
        case .readOnly(let reason):
            return make(403, message: Message.forbidden, descriptions: [reason])
        case .journalUnavailable:
            return make(503, message: Message.unavailable, descriptions: [failure.sentence])
        case .conflict(let sentence):
            return make(409, message: sentence, descriptions: [sentence])
        case .webex(let error):
            return make(for: error)
        }
    }

    static func make(for error: WebexError) -> HTTPServerResponse {
        let trackingId = error.trackingId.flatMap { $0.isEmpty ? nil : $0 } ?? makeTrackingId()
        switch error {
        case .api(let status, let message, let descriptions, _):
            return make(status, message: message, descriptions: descriptions, trackingId: trackingId)
        case .unauthorized(let message, _):
            return make(401, message: message, descriptions: [message], trackingId: trackingId)
        case .rateLimited(let seconds, _):
            let retry = seconds.map { [(name: "Retry-After", value: String($0))] } ?? []
            let sentence = error.errorDescription ?? "rate limited"
            return make(
                429, message: sentence, descriptions: [sentence], trackingId: trackingId, headers: retry)
        case .network(let failure, _):
            let status = failure == .timedOut ? 504 : 502
            let message = status == 504 ? Message.gatewayTimeout : Message.badGateway
            return make(status, message: message, descriptions: [error.errorDescription ?? failure.sentence],
                        trackingId: trackingId)
        case .badResponse:
            return make(502, message: Message.badGateway, descriptions: [error.errorDescription ?? "\(error)"],
                        trackingId: trackingId)
        case .cancelled:
            return make(503, message: Message.unavailable,
                        descriptions: ["The request was cancelled because trackcodes is shutting down."],
                        trackingId: trackingId)
        }
    }

    /// The answers the HTTP server gives on its own (a body or header too large, a request
    /// too slow, no `Content-Length`, a full server), in the same shape as every other error.
    static func rejection(status: Int, sentence: String) -> HTTPServerResponse {
        make(status, message: status == 400 ? Message.badRequest : sentence, descriptions: [sentence])
    }

    /// An id for answers the adapter makes itself, in Webex's style but marked as ours so
    /// support can tell it did not come from Cisco.
    static func makeTrackingId() -> String {
        let hex = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        return "TRACKCODES_\(hex)_\(Int64(Date().timeIntervalSince1970 * 1000))"
    }
}
