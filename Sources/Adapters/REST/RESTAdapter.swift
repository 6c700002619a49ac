import Foundation
import HTTPServer
import WebexAPI

/// The REST adapter: Webex's tracking-code API, served locally over the same core as the TUI.
///
/// Bodies and answers are Webex's JSON; reads pass Webex's bytes through untouched, so fields
/// newer than this program survive. Webex errors pass through with their status and body;
/// a network failure becomes 502 or 504 in the same error shape. Writes are checked with
/// `TrackingCodeRules` first and go through the service (the journal, in the program).
///
/// A code's GET answers an `ETag` (see `EntityTag`); a PUT with `If-Match` is refused with 412
/// when the code changed since that read. A PUT without `If-Match` replaces the code as it is.
public struct RESTAdapter: Sendable {
    public let operations: TrackingCodeOperations
    public let policy: AccessPolicy
    private let openAPIDocument: Data

    public init(operations: TrackingCodeOperations, policy: AccessPolicy) {
        self.operations = operations
        self.policy = policy
        self.openAPIDocument = JSONCoding.data(OpenAPIDocument.make(readOnly: operations.isReadOnly))
    }

    /// Answers one request; every failure is an HTTP answer.
    public func handle(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        if let denial = policy.denial(for: request) {
            let challenge = denial.status == 401 ? [(name: "WWW-Authenticate", value: "Bearer")] : []
            let message = denial.status == 401
                ? RESTErrorResponse.Message.unauthorized : RESTErrorResponse.Message.forbidden
            return RESTErrorResponse.make(
                denial.status, message: message, descriptions: [denial.sentence], headers: challenge)
        }
        guard let route = RESTRoute(path: request.path) else {
            return RESTErrorResponse.make(
                404, message: RESTErrorResponse.Message.notFound,
                descriptions: ["No resource at \(request.path). This server has: \(RESTRoute.summary)."])
        }
        guard route.allowedMethods.contains(request.method) else {
            let allowed = route.allowedMethods.joined(separator: ", ")
            return RESTErrorResponse.make(
                405, message: RESTErrorResponse.Message.methodNotAllowed,
                descriptions: ["\(request.method) is not supported on \(request.path); use \(allowed)."],
                headers: [(name: "Allow", value: allowed)])
        }

        // A body must be declared JSON. Besides being Webex's rule, this keeps web pages from
        // posting here with a form: a cross-site JSON post needs a preflight we never grant.
        if request.method == "POST" || request.method == "PUT",
           !(request.header("Content-Type").map(Self.isJSON) ?? false) {
            let got = request.header("Content-Type").map { "'\($0)'" } ?? "none"
            return RESTErrorResponse.make(
                415, message: RESTErrorResponse.Message.unsupportedMediaType,
                descriptions: ["Send the body as JSON with Content-Type: application/json (got \(got))."])
        }

        do throws(AdapterFailure) {
            return try await answer(route, request)
        } catch {
            return RESTErrorResponse.make(for: error)
        }
    }

    private func answer(
        _ route: RESTRoute, _ request: HTTPServerRequest
    ) async throws(AdapterFailure) -> HTTPServerResponse {
        let siteUrl = Self.query(request, "siteUrl")
        let site = TrackingCodeOperations.nonEmpty(siteUrl)
        switch (route, request.method) {
        case (.health, _):
            let status: JSONValue = .object(["status": .string("ok"), "readOnly": .bool(operations.isReadOnly)])
            return .json(200, JSONCoding.data(status))
        case (.openAPI, _):
            return .json(200, openAPIDocument)
        case (.codes, "GET"):
            return try await passThrough(.listTrackingCodes(siteUrl: site))
        case (.codes, _):
            let draft = try WebexBodyReader.draft(from: try Self.bodyObject(request))
            return Self.ok(try await operations.create(draft))
        case (.code(let id), "GET"):
            return Self.taggingCode(try await passThrough(.getTrackingCode(id: id, siteUrl: site)))
        case (.code(let id), "PUT"):
            let draft = try WebexBodyReader.draft(from: try Self.bodyObject(request))
            if let ifMatch = request.header("If-Match"),
               let refusal = try await refusal(ifMatch: ifMatch, id: id, siteUrl: draft.siteUrl) {
                return refusal
            }
            let updated = try await operations.update(id: id, draft)
            return .json(
                200, JSONCoding.data(updated),
                headers: [(name: "ETag", value: EntityTag.of(updated))])
        case (.code(let id), _):
            try await operations.delete(id: id, siteUrl: siteUrl ?? "")
            return HTTPServerResponse(status: 204)
        case (.userCodes, "GET"):
            // Webex takes the email as a header here; a query parameter is accepted too.
            let email = request.header("email") ?? Self.query(request, "email")
            let user = try TrackingCodeOperations.userReference(
                personId: Self.query(request, "personId"), email: email)
            return try await passThrough(.getUserTrackingCodes(user, siteUrl: site))
        case (.userCodes, _):
            let update = try WebexBodyReader.userUpdate(from: try Self.bodyObject(request))
            return Self.ok(try await operations.updateUserCodes(update))
        }
    }

    // MARK: - Parts

    /// The 412 for a PUT whose `If-Match` no longer names code `id` as it is now, else nil.
    private func refusal(
        ifMatch: String, id: String, siteUrl: String
    ) async throws(AdapterFailure) -> HTTPServerResponse? {
        let current = try await operations.get(id: id, siteUrl: siteUrl)
        let tag = EntityTag.of(current)
        guard !EntityTag.ifMatch(ifMatch, accepts: tag) else { return nil }
        let sentence = "Tracking code '\(current.name)' (id \(id)) changed since it was read "
            + "(If-Match \(ifMatch), now \(tag)); nothing was sent. Read it again and reapply "
            + "the change."
        return RESTErrorResponse.make(
            412, message: RESTErrorResponse.Message.preconditionFailed, descriptions: [sentence],
            headers: [(name: "ETag", value: tag)])
    }

    /// `response` with the `ETag` of the code in its body, when it is a successful code answer.
    private static func taggingCode(_ response: HTTPServerResponse) -> HTTPServerResponse {
        guard response.status == 200,
              let code = try? JSONDecoder().decode(TrackingCode.self, from: response.body) else {
            return response
        }
        var tagged = response
        tagged.headers.append((name: "ETag", value: EntityTag.of(code)))
        return tagged
    }

    /// Webex's answer to a read with its own status, body and TrackingID.
    private func passThrough(_ read: WebexEndpoint) async throws(AdapterFailure) -> HTTPServerResponse {
        let answer = try await operations.webexAnswer(to: read)
        let type = answer.header("Content-Type") ?? "application/json;charset=UTF-8"
        var headers = [(name: "Content-Type", value: type)]
        if let trackingId = answer.header("TrackingID") {
            headers.append((name: "TrackingID", value: trackingId))
        }
        return HTTPServerResponse(status: answer.status, headers: headers, body: answer.body)
    }

    private static func ok<T: Encodable>(_ value: T) -> HTTPServerResponse {
        .json(200, JSONCoding.data(value))
    }

    private static func query(_ request: HTTPServerRequest, _ name: String) -> String? {
        request.queryItems.first(where: { $0.name == name })?.value
    }

    private static func bodyObject(_ request: HTTPServerRequest) throws(AdapterFailure) -> [String: JSONValue] {
        try WebexBodyReader.object(from: request.body)
    }

    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        return mediaType == "application/json" || mediaType.hasSuffix("+json")
    }
}
