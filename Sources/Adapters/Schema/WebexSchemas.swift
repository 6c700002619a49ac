import Foundation
import WebexAPI

/// Schemas of the Webex tracking-code objects, written once for the MCP tools and the OpenAPI
/// document. Field names, required lists, enums and limits follow Cisco's spec
/// (`Resources/webex-openapi/tracking-codes.json`); a test holds the two side by side.
///
/// Input schemas carry enums and limits, so a client can check arguments before calling.
/// Output schemas list the known enum values in their descriptions only: Webex may add a
/// value, and a response must not fail a client's validation for that.
struct WebexSchemas {
    let dialect: SchemaDialect

    typealias S = SchemaBuilder

    static let siteUrlDescription =
        "Webex site host name, without scheme, e.g. example.webex.com."

    // MARK: - Parts

    func siteUrl(required: Bool) -> JSONValue {
        let fallback = required ? "" : " When omitted, Webex uses the caller's default site."
        return S.string(Self.siteUrlDescription + fallback, minLength: required ? 1 : nil,
                        example: "example.webex.com")
    }

    var trackingCodeID: JSONValue {
        S.string("Tracking code id: a short numeric string from Webex, e.g. \"1\".", minLength: 1,
                 example: "1")
    }

    func option(input: Bool) -> JSONValue {
        S.object([
            "value": S.string(
                "The option's value: not empty, at most \(TrackingCodeRules.maxValueLength) characters.",
                minLength: input ? 1 : nil, maxLength: input ? TrackingCodeRules.maxValueLength : nil),
            "defaultValue": S.boolean("Whether this option is the default; at most one option may be."),
        ], required: ["value", "defaultValue"], closed: input)
    }

    func scheduleStartCode(input: Bool) -> JSONValue {
        let services = S.values(MeetingService.self)
        let types = S.values(ScheduleStartType.self)
        return S.object([
            "service": enumString(
                "Where the code is asked for; `All` sets every service at once.", services, input: input),
            "type": enumString(
                "How the code is used there. `adminSet` only with hostProfileCode adminSet; "
                    + "`notApplicable` only on `All`, meaning the services differ.", types, input: input),
        ], required: ["service", "type"], closed: input)
    }

    private func enumString(_ description: String, _ values: [String], input: Bool) -> JSONValue {
        input
            ? S.string(description, oneOf: values)
            : S.string(description + " Known values: " + values.joined(separator: ", ") + ".")
    }

    // MARK: - Request bodies

    /// The fields of `CreateOrUpdateTrackingCodeObject`. PUT replaces the whole code, so update
    /// takes every field too.
    var draftProperties: [String: JSONValue] {
        [
            "name": S.string(
                "Name of the tracking code: not empty, at most \(TrackingCodeRules.maxNameLength) characters, "
                    + "unique on the site.",
                minLength: 1, maxLength: TrackingCodeRules.maxNameLength, example: "Department"),
            "siteUrl": siteUrl(required: true),
            "inputMode": S.string(
                "How users give a value: `text` free text; `select` one of the options (needs options); "
                    + "`editableSelect` free text or an option; `hostProfileSelect` only on the host "
                    + "profile page (then scheduleStartCodes must be null or all notUsed).",
                oneOf: S.values(InputMode.self)),
            "hostProfileCode": S.string(
                "How the code is used on the host profile page. `required` is refused on Control Hub "
                    + "managed sites.",
                oneOf: S.values(HostProfileCode.self)),
            "options": S.array(
                of: option(input: true),
                description: "The options, in order; at most \(TrackingCodeRules.maxOptions).",
                maxItems: TrackingCodeRules.maxOptions),
            "scheduleStartCodes": S.array(
                of: scheduleStartCode(input: true),
                description: "How the code is used on each service's schedule and start pages; at most "
                    + "\(TrackingCodeRules.maxScheduleStartCodes) entries, each service once. When `All` "
                    + "has a type other than notApplicable, every listed service must have that type. "
                    + "Null only with inputMode hostProfileSelect.",
                maxItems: TrackingCodeRules.maxScheduleStartCodes, nullable: true, dialect: dialect),
        ]
    }

    static let draftRequired = [
        "name", "siteUrl", "options", "inputMode", "hostProfileCode", "scheduleStartCodes",
    ]

    var draft: JSONValue {
        S.object(draftProperties, required: Self.draftRequired)
    }

    var userAssignment: JSONValue {
        S.object([
            "name": S.string(
                "Name of a site tracking code.", minLength: 1, maxLength: TrackingCodeRules.maxNameLength),
            "value": S.string(
                "The user's value; for a select or hostProfileSelect code, one of its option values.",
                minLength: 1, maxLength: TrackingCodeRules.maxValueLength),
        ], required: ["name", "value"], closed: true)
    }

    var userUpdateProperties: [String: JSONValue] {
        [
            "siteUrl": siteUrl(required: true),
            "personId": S.string("Webex person id of the user; wins over email when both are given."),
            "email": S.string("Email address of the user."),
            "trackingCodes": S.array(
                of: userAssignment,
                description: "Values to set, matched to the site's codes by name. Codes not named keep "
                    + "their value."),
        ]
    }

    var userUpdate: JSONValue {
        S.object(userUpdateProperties, required: ["siteUrl"])
    }

    // MARK: - Responses

    var trackingCode: JSONValue {
        S.object([
            "id": trackingCodeID,
            "name": S.string("Name of the tracking code."),
            "siteUrl": S.string(Self.siteUrlDescription),
            "options": S.array(of: option(input: false), description: "The options, in order."),
            "inputMode": enumString("How users give a value.", S.values(InputMode.self), input: false),
            "hostProfileCode": enumString(
                "How the code is used on the host profile page.", S.values(HostProfileCode.self), input: false),
            "scheduleStartCodes": S.array(
                of: scheduleStartCode(input: false),
                description: "How the code is used on each service, All first."),
        ], required: ["id"] + Self.draftRequired)
    }

    var trackingCodeList: JSONValue {
        S.object(["items": S.array(of: trackingCode, description: "The site's tracking codes.")],
                 required: ["items"])
    }

    var userTrackingCodes: JSONValue {
        S.object([
            "siteUrl": S.string(Self.siteUrlDescription),
            "personId": S.string("Webex person id of the user."),
            "email": S.string("Email address of the user."),
            "trackingCodes": S.array(
                of: S.object([
                    "id": S.string("Id of the site tracking code."),
                    "name": S.string("Name of the site tracking code."),
                    "value": S.string("The user's value."),
                ], required: ["id", "name", "value"]),
                description: "The user's values; codes without a value are not listed."),
        ], required: ["siteUrl"])
    }

    var errorBody: JSONValue {
        S.object([
            "message": S.string("What went wrong, in Webex's words."),
            "errors": S.array(
                of: S.object(["description": S.string("One detail, e.g. the rule a field breaks.")]),
                description: "Details."),
            "trackingId": S.string("Quote it to Cisco support (or find it in the trackcodes log)."),
        ])
    }
}
