import Foundation
import WebexAPI

/// The OpenAPI 3.0 description served at `/openapi.json`: the adapter's paths with Webex's
/// object schemas (from `WebexSchemas`, the same ones the MCP tools publish).
enum OpenAPIDocument {
    static let version = "1.0.0"

    static func make(readOnly: Bool) -> JSONValue {
        let schemas = WebexSchemas(dialect: .openAPI3)
        let writeNote = readOnly
            ? " This server runs with --read-only: every write answers 403 and changes nothing."
            : ""
        return .object([
            "openapi": .string("3.0.3"),
            "info": .object([
                "title": .string("trackcodes REST adapter"),
                "version": .string(version),
                "description": .string(
                    "Webex Meetings tracking codes, served locally by trackcodes. Bodies and answers are "
                        + "Webex's JSON; Webex's errors pass through with their status and body. Writes are "
                        + "checked against Webex's documented rules before anything is sent, and recorded in "
                        + "trackcodes' journal. Paths match without regard to case, so Webex's own spelling "
                        + "(trackingCodes) works as well." + writeNote),
            ]),
            "paths": .object(paths()),
            "components": .object([
                "schemas": .object([
                    "TrackingCode": schemas.trackingCode,
                    "TrackingCodeList": schemas.trackingCodeList,
                    "TrackingCodeDraft": schemas.draft,
                    "UserTrackingCodes": schemas.userTrackingCodes,
                    "UserTrackingCodesUpdate": schemas.userUpdate,
                    "Error": schemas.errorBody,
                ]),
                "securitySchemes": .object([
                    "accessToken": .object([
                        "type": .string("http"), "scheme": .string("bearer"),
                        "description": .string("Needed only when the server was started with --access-token."),
                    ]),
                ]),
            ]),
            "security": .array([.object(["accessToken": .array([])]), .object([:])]),
        ])
    }

    // MARK: - Paths

    private static func paths() -> [String: JSONValue] {
        let siteQuery = parameter("siteUrl", in: "query", "Webex site; the caller's default site when omitted.")
        let deleteSite = parameter("siteUrl", in: "query", "Webex site of the code.", required: true)
        let idPath = parameter("trackingCodeId", in: "path", "Tracking code id.", required: true)
        return [
            RESTRoute.codesPath: .object([
                "get": operation(
                    "List Tracking Codes", "listTrackingCodes", parameters: [siteQuery],
                    success: ok("The site's tracking codes.", ref: "TrackingCodeList")),
                "post": operation(
                    "Create a Tracking Code", "createTrackingCode", body: "TrackingCodeDraft",
                    success: ok("The new code, with its id.", ref: "TrackingCode")),
            ]),
            RESTRoute.codesPath + "/{trackingCodeId}": .object([
                "get": operation(
                    "Get a Tracking Code", "getTrackingCode", parameters: [idPath, siteQuery],
                    success: tagged(ok("The code.", ref: "TrackingCode"))),
                "put": operation(
                    "Update a Tracking Code", "updateTrackingCode",
                    parameters: [
                        idPath,
                        parameter(
                            "If-Match", in: "header",
                            "The ETag of the code as the client read it; the PUT is refused "
                                + "with 412 when the code changed since. Without it the code is "
                                + "replaced whatever it holds now."),
                    ],
                    body: "TrackingCodeDraft",
                    success: tagged(ok("The code as Webex now holds it.", ref: "TrackingCode")),
                    note: "PUT replaces the whole code: send every field.",
                    moreErrors: [
                        ("412", "If-Match no longer matches: the code changed since it was read."),
                    ]),
                "delete": operation(
                    "Delete a Tracking Code", "deleteTrackingCode", parameters: [idPath, deleteSite],
                    success: ("204", .object(["description": .string("Deleted.")]))),
            ]),
            RESTRoute.userCodesPath: .object([
                "get": operation(
                    "Get User Tracking Codes", "getUserTrackingCodes",
                    parameters: [
                        siteQuery,
                        parameter("personId", in: "query", "Webex person id; wins over email."),
                        parameter("email", in: "header", "Email address of the user (Webex's way)."),
                        parameter("email", in: "query", "Email address of the user, as a query parameter."),
                    ],
                    success: ok("The user's values.", ref: "UserTrackingCodes"),
                    note: "Give personId or email."),
                "put": operation(
                    "Update User Tracking Codes", "updateUserTrackingCodes", body: "UserTrackingCodesUpdate",
                    success: ok("The user's values after the change.", ref: "UserTrackingCodes"),
                    note: "Each value must name a code of the site; select codes take one of their options."),
            ]),
            "/healthz": .object([
                "get": .object([
                    "summary": .string("Liveness"), "operationId": .string("health"),
                    "responses": .object(["200": .object(["description": .string("The server is up.")])]),
                ]),
            ]),
            "/openapi.json": .object([
                "get": .object([
                    "summary": .string("This description"), "operationId": .string("openAPI"),
                    "responses": .object(["200": .object(["description": .string("OpenAPI 3.0 document.")])]),
                ]),
            ]),
        ]
    }

    private static func operation(
        _ summary: String, _ id: String, parameters: [JSONValue] = [], body: String? = nil,
        success: (String, JSONValue), note: String? = nil, moreErrors: [(String, String)] = []
    ) -> JSONValue {
        var responses: [String: JSONValue] = [success.0: success.1]
        let errors: [(String, String)] = moreErrors + [
            ("400", "Refused: a rule is broken (nothing was sent) or Webex said so."),
            ("401", "The access token (the adapter's or Webex's) is missing or wrong."),
            ("403", "Not allowed: read-only server, a mapped site, or a foreign origin."),
            ("404", "No such code, site or user."),
            ("409", "A code with this name exists on the site."),
            ("429", "Webex is rate-limiting; see Retry-After."),
            ("502", "Webex could not be reached or answered something unreadable."),
            ("504", "Webex did not answer in time."),
        ]
        for (status, description) in errors {
            responses[status] = response(description, ref: "Error")
        }
        var fields: [String: JSONValue] = [
            "summary": .string(summary),
            "operationId": .string(id),
            "tags": .array([.string("Tracking Codes")]),
            "responses": .object(responses),
        ]
        if let note { fields["description"] = .string(note) }
        if !parameters.isEmpty { fields["parameters"] = .array(parameters) }
        if let body {
            fields["requestBody"] = .object([
                "required": .bool(true),
                "content": .object(["application/json": .object(["schema": reference(body)])]),
            ])
        }
        return .object(fields)
    }

    private static func response(_ description: String, ref: String) -> JSONValue {
        .object([
            "description": .string(description),
            "content": .object(["application/json": .object(["schema": reference(ref)])]),
        ])
    }

    /// A 200 answer carrying the schema `ref`.
    private static func ok(_ description: String, ref: String) -> (String, JSONValue) {
        ("200", response(description, ref: ref))
    }

    /// `answer` with the `ETag` header a code's GET and PUT carry.
    private static func tagged(_ answer: (String, JSONValue)) -> (String, JSONValue) {
        guard case .object(var fields) = answer.1 else { return answer }
        fields["headers"] = .object([
            "ETag": .object([
                "description": .string(
                    "Hash of the code's canonical JSON; send it as If-Match on a PUT."),
                "schema": .object(["type": .string("string")]),
            ]),
        ])
        return (answer.0, .object(fields))
    }

    private static func reference(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    private static func parameter(
        _ name: String, in location: String, _ description: String, required: Bool = false
    ) -> JSONValue {
        .object([
            "name": .string(name), "in": .string(location), "description": .string(description),
            "required": .bool(required), "schema": .object(["type": .string("string")]),
        ])
    }
}
