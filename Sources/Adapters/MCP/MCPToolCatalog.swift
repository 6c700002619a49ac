import Foundation
import WebexAPI

/// The tools the MCP server offers, with schemas built from `WebexSchemas`.
///
/// Input schemas carry the real fields, enums and limits, so a model sees Webex's rules before
/// it calls; the server still checks every call with `TrackingCodeRules`.
struct MCPToolCatalog: Sendable {
    let tools: [MCPTool]

    /// - Parameter readOnly: leave the write tools out.
    init(readOnly: Bool) {
        let all = Self.makeTools()
        tools = readOnly ? all.filter { !$0.isWrite } : all
    }

    func tool(named name: String) -> MCPTool? {
        tools.first { $0.name.rawValue == name }
    }

    // MARK: - Definitions

    private typealias S = SchemaBuilder

    private static func makeTools() -> [MCPTool] {
        let webex = WebexSchemas(dialect: .jsonSchema)
        let dryRun = S.boolean(
            "When true, nothing is sent to Webex: the result is the request that would be sent (token "
                + "redacted), after the same rule checks.", defaultValue: false)
        let optionalSite = webex.siteUrl(required: false)
        let site = webex.siteUrl(required: true)
        let person: [String: JSONValue] = [
            "personId": S.string("Webex person id of the user; wins over email when both are given."),
            "email": S.string("Email address of the user."),
        ]
        let userChoice: JSONValue = .array([
            .object(["required": .array([.string("personId")])]),
            .object(["required": .array([.string("email")])]),
        ])

        var createProperties = webex.draftProperties
        createProperties["dryRun"] = dryRun
        var updateProperties = webex.draftProperties
        updateProperties["id"] = webex.trackingCodeID
        updateProperties["dryRun"] = dryRun
        var userUpdateProperties = webex.userUpdateProperties
        userUpdateProperties["dryRun"] = dryRun

        let deleted = S.object([
            "deleted": S.boolean("True: Webex deleted the code."),
            "id": S.string("Id of the deleted code."),
            "siteUrl": S.string(WebexSchemas.siteUrlDescription),
        ], required: ["deleted", "id", "siteUrl"])

        return [
            MCPTool(
                name: .list, title: "List tracking codes",
                description: "Lists the tracking codes of a Webex Meetings site, with their options and how "
                    + "each service uses them.",
                inputSchema: S.object(["siteUrl": optionalSite], closed: true),
                outputSchema: webex.trackingCodeList,
                annotations: .init(readOnly: true, idempotent: true)),
            MCPTool(
                name: .create, title: "Create a tracking code",
                description: "Creates a tracking code on a site. Webex refuses a name already used on the "
                    + "site. Use dryRun to see the request without sending it.",
                inputSchema: S.object(
                    createProperties,
                    required: ["name", "siteUrl", "inputMode", "hostProfileCode", "scheduleStartCodes"],
                    closed: true),
                outputSchema: writeOutput(webex.trackingCode),
                annotations: .init(readOnly: false, destructive: false, idempotent: false)),
            MCPTool(
                name: .get, title: "Get a tracking code",
                description: "Gets one tracking code by id.",
                inputSchema: S.object(["id": webex.trackingCodeID, "siteUrl": optionalSite],
                                      required: ["id"], closed: true),
                outputSchema: webex.trackingCode,
                annotations: .init(readOnly: true, idempotent: true)),
            MCPTool(
                name: .update, title: "Replace a tracking code",
                description: "Replaces a tracking code: Webex's update is a full replacement, so send every "
                    + "field (get-tracking-code first and change what you need). Use dryRun to see the "
                    + "request without sending it.",
                inputSchema: S.object(
                    updateProperties, required: ["id"] + WebexSchemas.draftRequired, closed: true),
                outputSchema: writeOutput(webex.trackingCode),
                annotations: .init(readOnly: false, destructive: true, idempotent: true)),
            MCPTool(
                name: .delete, title: "Delete a tracking code",
                description: "Deletes a tracking code and every user's value for it. trackcodes keeps the "
                    + "whole code in its journal, so it can be restored (with a new id). Use dryRun to see "
                    + "the request without sending it.",
                inputSchema: S.object(["id": webex.trackingCodeID, "siteUrl": site, "dryRun": dryRun],
                                      required: ["id", "siteUrl"], closed: true),
                outputSchema: writeOutput(deleted),
                annotations: .init(readOnly: false, destructive: true, idempotent: true)),
            MCPTool(
                name: .getUser, title: "Get a user's tracking codes",
                description: "Gets the tracking code values of one user on a site; give personId or email.",
                inputSchema: withUserChoice(
                    S.object(person.merging(["siteUrl": optionalSite]) { $1 }, closed: true), userChoice),
                outputSchema: webex.userTrackingCodes,
                annotations: .init(readOnly: true, idempotent: true)),
            MCPTool(
                name: .updateUser, title: "Set a user's tracking codes",
                description: "Sets tracking code values of one user on a site; give personId or email. Each "
                    + "value names a site code; select and hostProfileSelect codes take one of their "
                    + "options. Codes not named keep their value. Use dryRun to see the request without "
                    + "sending it.",
                inputSchema: withUserChoice(
                    S.object(userUpdateProperties, required: ["siteUrl", "trackingCodes"], closed: true),
                    userChoice),
                outputSchema: writeOutput(webex.userTrackingCodes),
                annotations: .init(readOnly: false, destructive: true, idempotent: true)),
        ]
    }

    /// A write's result: what Webex answered, or with dryRun the request that would be sent.
    private static func writeOutput(_ answer: JSONValue) -> JSONValue {
        let preview = S.object([
            "dryRun": S.boolean("True: nothing was sent."),
            "request": S.object([
                "method": S.string("HTTP method."),
                "url": S.string("Full URL at Webex."),
                "headers": .object([
                    "type": .string("object"), "description": .string("Headers; Authorization is redacted."),
                    "additionalProperties": .object(["type": .string("string")]),
                ]),
                "body": .object(["description": .string("The JSON body, or null.")]),
            ], required: ["method", "url", "headers", "body"]),
            "note": S.string("What the dry run did not check."),
        ], required: ["dryRun", "request"])
        return .object(["type": .string("object"), "anyOf": .array([answer, preview])])
    }

    private static func withUserChoice(_ schema: JSONValue, _ choice: JSONValue) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        fields["anyOf"] = choice
        return .object(fields)
    }
}
