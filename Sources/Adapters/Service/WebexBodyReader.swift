import Foundation
import WebexAPI

/// Reads Webex request bodies (and the MCP tool arguments of the same shape) strictly: each
/// field present when required and of its schema type, with a refusal naming the field
/// otherwise. Enum values are kept as sent, so `TrackingCodeRules` can say which one is wrong.
public enum WebexBodyReader {
    /// The top-level JSON object of a request body.
    public static func object(from body: Data) throws(AdapterFailure) -> [String: JSONValue] {
        guard !body.isEmpty else {
            throw .invalid("The request body is empty; a JSON object is required")
        }
        guard let json = JSONValue.parse(body) else {
            throw .invalid("The request body is not valid JSON")
        }
        guard let object = json.objectValue else {
            throw .invalid("The request body must be a JSON object, not \(json.typeName)")
        }
        return object
    }

    /// A create or update body (`CreateOrUpdateTrackingCodeObject`).
    ///
    /// - Parameter optionsDefault: used when `options` is absent; nil makes it required, as
    ///   Webex's schema does.
    public static func draft(
        from object: [String: JSONValue], optionsDefault: [TrackingCodeOption]? = nil
    ) throws(AdapterFailure) -> TrackingCodeDraft {
        let fields = JSONFields(object)
        let siteUrl = try fields.optionalString("siteUrl") ?? ""
        let name = try fields.requiredString("name")
        let inputMode = InputMode(rawValue: try fields.requiredString("inputMode"))
        let hostProfileCode = HostProfileCode(rawValue: try fields.requiredString("hostProfileCode"))

        let options: [TrackingCodeOption]
        if let items = try fields.optionalArray("options") {
            options = try items.map { (item: JSONFields) throws(AdapterFailure) in
                TrackingCodeOption(
                    value: try item.requiredString("value"),
                    defaultValue: try item.requiredBool("defaultValue"))
            }
        } else if let optionsDefault {
            options = optionsDefault
        } else {
            throw .invalid("'options' is required")
        }

        guard object["scheduleStartCodes"] != nil else {
            throw .invalid("'scheduleStartCodes' is required (an array, or null for hostProfileSelect)")
        }
        let schedule = try fields.optionalArray("scheduleStartCodes")?.map {
            (item: JSONFields) throws(AdapterFailure) in
            ScheduleStartCode(
                service: MeetingService(rawValue: try item.requiredString("service")),
                type: ScheduleStartType(rawValue: try item.requiredString("type")))
        }
        return TrackingCodeDraft(
            name: name, siteUrl: siteUrl, options: options, inputMode: inputMode,
            hostProfileCode: hostProfileCode, scheduleStartCodes: schedule)
    }

    /// An Update User Tracking Codes body (`UpdateTrackingCodeForUserObject`). An extra `id`
    /// in the items is tolerated, as real scripts send the GET's items back.
    public static func userUpdate(
        from object: [String: JSONValue]
    ) throws(AdapterFailure) -> UserTrackingCodesUpdate {
        let fields = JSONFields(object)
        let siteUrl = try fields.optionalString("siteUrl") ?? ""
        let personId = try fields.optionalString("personId")
        let email = try fields.optionalString("email")
        let assignments = try fields.optionalArray("trackingCodes")?.map {
            (item: JSONFields) throws(AdapterFailure) in
            UserTrackingCodeAssignment(
                name: try item.requiredString("name"), value: try item.requiredString("value"))
        }
        return UserTrackingCodesUpdate(
            siteUrl: siteUrl, personId: personId, email: email, trackingCodes: assignments ?? [])
    }
}

/// One JSON object being read, with the path used to name its fields in refusals.
struct JSONFields {
    let object: [String: JSONValue]
    let path: String

    init(_ object: [String: JSONValue], path: String = "") {
        self.object = object
        self.path = path
    }

    func name(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func requiredString(_ key: String) throws(AdapterFailure) -> String {
        guard let value = object[key], !value.isNull else { throw .invalid("'\(name(key))' is required") }
        guard let text = value.stringValue else { throw typeError(key, "a string", value) }
        return text
    }

    func optionalString(_ key: String) throws(AdapterFailure) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw typeError(key, "a string", value) }
        return text
    }

    func requiredBool(_ key: String) throws(AdapterFailure) -> Bool {
        guard let value = object[key], !value.isNull else { throw .invalid("'\(name(key))' is required") }
        guard let flag = value.boolValue else { throw typeError(key, "a boolean", value) }
        return flag
    }

    func optionalBool(_ key: String) throws(AdapterFailure) -> Bool? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw typeError(key, "a boolean", value) }
        return flag
    }

    /// The items of an array of objects, each ready to read; nil when absent or null.
    func optionalArray(_ key: String) throws(AdapterFailure) -> [JSONFields]? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let items = value.arrayValue else { throw typeError(key, "an array", value) }
        var result: [JSONFields] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(name(key))[\(index)]"
            guard let fields = item.objectValue else {
                throw .invalid("'\(itemPath)' must be an object, not \(item.typeName)")
            }
            result.append(JSONFields(fields, path: itemPath))
        }
        return result
    }

    /// Refuses keys the schema does not list, so a misspelt argument is not silently ignored.
    func rejectUnknownKeys(allowed: Set<String>) throws(AdapterFailure) {
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let names = unknown.map { "'\(name($0))'" }.joined(separator: ", ")
            let known = allowed.sorted().joined(separator: ", ")
            throw .invalid("Unknown argument \(names); the arguments are: \(known)")
        }
    }

    private func typeError(_ key: String, _ expected: String, _ got: JSONValue) -> AdapterFailure {
        .invalid("'\(name(key))' must be \(expected), not \(got.typeName)")
    }
}
