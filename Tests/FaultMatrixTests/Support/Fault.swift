import Foundation
import Testing
import TrackcodesCLI
import WebexAPI

/// One row of the fault matrix: something Webex, or the network on the way, can do to a call.
///
/// Each fault knows how the misbehaving server makes it and what every surface must show for
/// it. The matrix tests run each surface once per fault, so the rows appear in the test names.
enum Fault: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case status401, status403, status404, status409
    case status429WithRetryAfter, status429WithoutRetryAfter, status429LongRetryAfter
    case status500, status502, status503, status504
    case timeout, connectionRefused, resetMidBody, closedMidBody
    case malformedJSON, truncatedJSON, hugeJSON
    case unknownEnumValues, extraFields
    case htmlErrorPage
    case tokenEchoedInError

    var testDescription: String {
        switch self {
        case .status429WithRetryAfter: "429 with Retry-After"
        case .status429WithoutRetryAfter: "429 without Retry-After"
        case .status429LongRetryAfter: "429 with Retry-After of a day"
        case .timeout: "timeout"
        case .connectionRefused: "connection refused"
        case .resetMidBody: "reset mid-body"
        case .closedMidBody: "closed mid-body"
        case .malformedJSON: "malformed JSON"
        case .truncatedJSON: "truncated JSON"
        case .hugeJSON: "50 MB JSON"
        case .unknownEnumValues: "unknown enum values"
        case .extraFields: "extra fields"
        case .htmlErrorPage: "HTML error page"
        case .tokenEchoedInError: "400 quoting the token"
        default: "HTTP \(errorStatus ?? 0)"
        }
    }

    /// The status of a Webex error answer, for the faults that are one.
    var errorStatus: Int? {
        switch self {
        case .status401: 401
        case .status403: 403
        case .status404: 404
        case .status409: 409
        case .status429WithRetryAfter, .status429WithoutRetryAfter, .status429LongRetryAfter: 429
        case .status500: 500
        case .status502: 502
        case .status503: 503
        case .status504: 504
        case .tokenEchoedInError: 400
        default: nil
        }
    }

    /// The trackingId the fault's answer carries, which the user must be shown.
    var trackingId: String { "FAULTMATRIX\(rawValue.uppercased())_1750000000000" }

    static let retryAfterSeconds = 7
    static let longRetryAfterSeconds = 86_400

    // MARK: - What the user must see

    /// True for the faults a tolerant client reads as success.
    var succeeds: Bool { self == .unknownEnumValues || self == .extraFields }

    /// True when no HTTP answer arrives (or arrives broken), so the client's own trackingId is
    /// the one to show.
    var isNetworkFailure: Bool {
        [.timeout, .connectionRefused, .resetMidBody, .closedMidBody].contains(self)
    }

    /// Words that every surface's message must hold for this fault.
    var expectedWords: [String] {
        switch self {
        case .status401: ["401", "token"]
        case .status429WithRetryAfter: ["429", "wait \(Self.retryAfterSeconds) s"]
        case .status429WithoutRetryAfter: ["429"]
        case .status429LongRetryAfter: ["429", "wait \(Self.longRetryAfterSeconds) s"]
        case .timeout: ["did not answer in time"]
        case .connectionRefused: ["refused"]
        case .resetMidBody, .closedMidBody: ["connection dropped"]
        case .malformedJSON, .truncatedJSON: ["malformed or truncated"]
        case .hugeJSON: ["larger than"]
        case .htmlErrorPage: ["HTML page"]
        case .unknownEnumValues, .extraFields: []
        default: ["HTTP \(errorStatus ?? 0)"]
        }
    }

    /// Words of the advice the MCP server adds, so a model knows what to do next.
    var mcpAdvice: String {
        switch self {
        case .status401: "access token"
        case .status403: "Control Hub"
        case .status404: "list-tracking-codes"
        case .status409: "Choose another name"
        case .status429WithRetryAfter, .status429LongRetryAfter: "before trying again"
        case .status429WithoutRetryAfter: "Wait a little"
        case .status500, .status502, .status503, .status504: "try again later"
        case .timeout, .connectionRefused, .resetMidBody, .closedMidBody:
            "Try again when Webex can be reached"
        case .malformedJSON, .truncatedJSON, .hugeJSON, .htmlErrorPage: "could not be read"
        case .tokenEchoedInError: "correct them"
        case .unknownEnumValues, .extraFields: ""
        }
    }

    /// The exit code the README's table gives.
    var cliExitCode: ExitCode {
        switch self {
        case .unknownEnumValues, .extraFields: .success
        case .status401, .timeout, .connectionRefused, .resetMidBody, .closedMidBody: .networkOrAuth
        default: .apiError
        }
    }

    /// The status the REST adapter answers with: Webex's own, or 502/504 when Webex's answer
    /// did not arrive or could not be read.
    var restStatus: Int {
        switch self {
        case .unknownEnumValues, .extraFields: 200
        case .timeout: 504
        case .connectionRefused, .resetMidBody, .closedMidBody: 502
        case .malformedJSON, .truncatedJSON, .hugeJSON, .htmlErrorPage: 502
        default: errorStatus ?? 0
        }
    }

    /// The waits the standard retry policy asks for before giving up on the call under test
    /// (`write` is a PUT: idempotent, so it is retried like a read).
    var expectedWaits: [Double] {
        switch self {
        case .status429WithRetryAfter: Array(repeating: Double(Self.retryAfterSeconds), count: 4)
        case .status429WithoutRetryAfter: Array(repeating: 15, count: 4)
        case .status502, .status503, .status504, .htmlErrorPage, .resetMidBody, .closedMidBody:
            [0.5, 1, 2]
        case .timeout: [0.5]
        default: []
        }
    }

    /// The trackingId a message about this fault must quote: the answer's own when it carried
    /// one, else the one trackcodes sent (`trackcodes_<session>_<n>`), which is all there is.
    var shownTrackingId: String {
        switch self {
        case .timeout, .connectionRefused, .resetMidBody, .closedMidBody, .htmlErrorPage:
            "trackcodes_"
        default: trackingId
        }
    }

    // MARK: - How the server makes it

    /// Whether the picked request reaches the sandbox first: the change happens at "Webex"
    /// and only the answer goes wrong.
    var reachesWebex: Bool {
        [.resetMidBody, .closedMidBody, .truncatedJSON, .unknownEnumValues, .extraFields]
            .contains(self)
    }

    /// The misbehaviour for a picked request, given the sandbox's answer when it was forwarded.
    func misbehaviour(
        for request: HTTPRequest, sandboxAnswer: HTTPResponse?, token: String
    ) -> Misbehaviour {
        let healthy = sandboxAnswer?.body ?? Data("{}".utf8)
        let json = ["Content-Type": "application/json;charset=UTF-8", "TrackingID": trackingId]
        switch self {
        case .timeout:
            return .silence
        case .connectionRefused:
            // Never reached: `FaultTransport` sends this call to a port where nothing listens.
            return .silence
        case .resetMidBody:
            return .resetMidBody(
                declaredLength: healthy.count, body: healthy.prefix(healthy.count / 2))
        case .closedMidBody:
            return .closeMidBody(
                declaredLength: healthy.count, body: healthy.prefix(healthy.count / 2))
        case .malformedJSON:
            return .answer(
                status: 200, headers: json,
                body: Data(#"{"id": "1", "name": "Department" "siteUrl": , }"#.utf8))
        case .truncatedJSON:
            return .answer(status: 200, headers: json, body: healthy.prefix(healthy.count / 2))
        case .hugeJSON:
            return .answer(status: 200, headers: json, body: HugeAnswer.body(for: request))
        case .unknownEnumValues:
            return .answer(
                status: 200, headers: json, body: Rewrite.codes(in: healthy, Rewrite.unknownEnums))
        case .extraFields:
            return .answer(status: 200, headers: json, body: Rewrite.extraFields(healthy))
        case .htmlErrorPage:
            let page = """
                <!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>
                <body><h1>Bad Gateway</h1><p>The proxy could not reach the upstream server.</p></body></html>
                """
            return .answer(
                status: 502, headers: ["Content-Type": "text/html; charset=utf-8"],
                body: Data(page.utf8))
        case .tokenEchoedInError:
            let echoed = request.header("Authorization") ?? "Bearer \(token)"
            return .answer(
                status: 400, headers: json,
                body: errorBody(
                    message: "Invalid header 'Authorization: \(echoed)'",
                    description: "Rejected \(echoed)"))
        case .status429WithRetryAfter, .status429WithoutRetryAfter, .status429LongRetryAfter:
            var headers = json
            if self == .status429WithRetryAfter {
                headers["Retry-After"] = String(Self.retryAfterSeconds)
            }
            if self == .status429LongRetryAfter {
                headers["Retry-After"] = String(Self.longRetryAfterSeconds)
            }
            let body = #"{"message":"Too many requests.","trackingId":"\#(trackingId)"}"#
            return .answer(status: 429, headers: headers, body: Data(body.utf8))
        default:
            let status = errorStatus ?? 500
            return .answer(
                status: status, headers: json,
                body: errorBody(
                    message: "Fault \(status) from the matrix.",
                    description: "The matrix answered \(status)."))
        }
    }

    private func errorBody(message: String, description: String) -> Data {
        let body = WebexErrorBody(
            message: message, errors: [.init(description: description)], trackingId: trackingId)
        // Three strings: always encodable.
        return (try? JSONEncoder().encode(body)) ?? Data()
    }
}

/// The operation of a surface that meets the fault.
enum FaultTarget: String, Sendable, CustomTestStringConvertible {
    /// Reading the site's codes (GET .../trackingCodes).
    case read
    /// Saving a change to one code (PUT .../trackingCodes/{id}).
    case write

    var testDescription: String { rawValue }

    func picks(_ request: HTTPRequest) -> Bool {
        let path = request.url.path
        switch self {
        case .read:
            return request.method == "GET" && path.hasSuffix("/admin/meeting/config/trackingCodes")
        case .write:
            return request.method == "PUT" && path.contains("/admin/meeting/config/trackingCodes/")
        }
    }
}
