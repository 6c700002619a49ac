@testable import Adapters
import Foundation
import Testing
import WebexAPI

/// Our schemas against Cisco's (`Resources/webex-openapi/tracking-codes.json`): same fields,
/// same required lists, same enum values, so the tools and /openapi.json promise what Webex
/// does.
@Suite("Schemas agree with Cisco's OpenAPI spec")
struct SchemaTests {
    static let cisco: JSONValue = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/webex-openapi/tracking-codes.json")
        return (try? Data(contentsOf: url)).flatMap(JSONValue.parse) ?? .null
    }()

    static func ciscoSchema(_ name: String) -> JSONValue? {
        cisco["components"]?["schemas"]?[name]
    }

    static func enumValues(_ schema: JSONValue?) -> [String]? {
        schema?["enum"]?.arrayValue?.compactMap(\.stringValue)
    }

    static func required(_ schema: JSONValue?) -> Set<String> {
        Set(schema?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    static func propertyNames(_ schema: JSONValue?) -> Set<String> {
        Set(schema?["properties"]?.objectValue?.keys.map { $0 } ?? [])
    }

    let ours = WebexSchemas(dialect: .jsonSchema)

    @Test("The request body has Cisco's fields, required list and enums")
    func draftMatches() throws {
        let cisco = try #require(Self.ciscoSchema("CreateOrUpdateTrackingCodeObject"))
        #expect(Self.propertyNames(ours.draft) == Self.propertyNames(cisco))
        #expect(Self.required(ours.draft) == Self.required(cisco))
        for field in ["inputMode", "hostProfileCode"] {
            #expect(Self.enumValues(ours.draft["properties"]?[field]) == Self.enumValues(cisco["properties"]?[field]))
        }
        let schedule = try #require(Self.ciscoSchema("ScheduleStartCodeObject"))
        let ourSchedule = ours.scheduleStartCode(input: true)
        for field in ["service", "type"] {
            #expect(Self.enumValues(ourSchedule["properties"]?[field]) == Self.enumValues(schedule["properties"]?[field]))
        }
        let option = try #require(Self.ciscoSchema("OptionsForCreateOrUpdateTrackingCodeObject"))
        #expect(Self.required(ours.option(input: true)) == Self.required(option))
    }

    @Test("The response objects have Cisco's fields and required lists")
    func responsesMatch() throws {
        let code = try #require(Self.ciscoSchema("GetTrackingCodeObject"))
        #expect(Self.propertyNames(ours.trackingCode) == Self.propertyNames(code))
        #expect(Self.required(ours.trackingCode) == Self.required(code))

        let user = try #require(Self.ciscoSchema("GetTrackingCodeForUserObject"))
        #expect(Self.propertyNames(ours.userTrackingCodes) == Self.propertyNames(user))

        let update = try #require(Self.ciscoSchema("UpdateTrackingCodeForUserObject"))
        #expect(Self.propertyNames(ours.userUpdate) == Self.propertyNames(update))
        #expect(Self.required(ours.userUpdate) == Self.required(update))
    }

    @Test("The limits are TrackingCodeRules' limits, which are the ones Cisco documents")
    func limitsMatchTheRules() {
        let properties = ours.draft["properties"]
        #expect(properties?["name"]?["maxLength"] == .number(Double(TrackingCodeRules.maxNameLength)))
        #expect(properties?["options"]?["maxItems"] == .number(Double(TrackingCodeRules.maxOptions)))
        #expect(properties?["scheduleStartCodes"]?["maxItems"]
            == .number(Double(TrackingCodeRules.maxScheduleStartCodes)))
        let description = Self.ciscoSchema("CreateOrUpdateTrackingCodeObject")?["properties"]?["name"]?["description"]
        #expect(description?.stringValue?.contains("\(TrackingCodeRules.maxNameLength) characters") == true)
    }

    @Test("In OpenAPI 3.0 a nullable array says nullable; in JSON Schema it lists null as a type")
    func nullableFollowsTheDialect() {
        let openAPI = WebexSchemas(dialect: .openAPI3).draft["properties"]?["scheduleStartCodes"]
        #expect(openAPI?["nullable"] == .bool(true))
        #expect(openAPI?["type"] == .string("array"))
        let jsonSchema = ours.draft["properties"]?["scheduleStartCodes"]
        #expect(jsonSchema?["type"] == .array([.string("array"), .string("null")]))
    }
}
