import Foundation
import WebexAPI

/// Reads request bodies the way a strict server does: every required field present and of the
/// schema's type, with a 400 that names the field otherwise. Enum values are kept as sent so
/// the rules can say which value is wrong.
enum SandboxRequestBody {
    static func object(_ body: Data) throws(SandboxFailure) -> [String: JSONValue] {
        guard !body.isEmpty else { throw .badRequest("The request body is empty; a JSON object is required") }
        guard let json = JSONValue.parse(body) else { throw .badRequest("The request body is not valid JSON") }
        guard let object = json.objectValue else {
            throw .badRequest("The request body must be a JSON object, not \(json.typeName == "array" ? "an" : "a") \(json.typeName)")
        }
        return object
    }

    static func trackingCodeDraft(_ body: Data) throws(SandboxFailure) -> TrackingCodeDraft {
        let object = try object(body)
        // siteUrl first: it is the one error Webex documents for this body.
        let siteUrl = try optionalString(object, "siteUrl") ?? ""
        if siteUrl.trimmingCharacters(in: .whitespaces).isEmpty { throw .badRequest("'siteUrl' cannot be empty") }
        let name = try requiredString(object, "name")
        let inputMode = InputMode(rawValue: try requiredString(object, "inputMode"))
        let hostProfileCode = HostProfileCode(rawValue: try requiredString(object, "hostProfileCode"))

        guard let optionsValue = object["options"], !optionsValue.isNull else { throw .badRequest("'options' is required") }
        guard let optionItems = optionsValue.arrayValue else { throw typeError("options", "an array", optionsValue) }
        var options: [TrackingCodeOption] = []
        for (index, item) in optionItems.enumerated() {
            guard let fields = item.objectValue else { throw typeError("options[\(index)]", "an object", item) }
            let value = try requiredString(fields, "value", path: "options[\(index)].value")
            guard let flag = fields["defaultValue"] else { throw .badRequest("'options[\(index)].defaultValue' is required") }
            guard let isDefault = flag.boolValue else { throw typeError("options[\(index)].defaultValue", "a boolean", flag) }
            options.append(TrackingCodeOption(value: value, defaultValue: isDefault))
        }

        guard let scheduleValue = object["scheduleStartCodes"] else { throw .badRequest("'scheduleStartCodes' is required") }
        var schedule: [ScheduleStartCode]?
        if !scheduleValue.isNull {
            guard let items = scheduleValue.arrayValue else { throw typeError("scheduleStartCodes", "an array or null", scheduleValue) }
            var entries: [ScheduleStartCode] = []
            for (index, item) in items.enumerated() {
                guard let fields = item.objectValue else { throw typeError("scheduleStartCodes[\(index)]", "an object", item) }
                let service = try requiredString(fields, "service", path: "scheduleStartCodes[\(index)].service")
                let type = try requiredString(fields, "type", path: "scheduleStartCodes[\(index)].type")
                entries.append(ScheduleStartCode(service: MeetingService(rawValue: service), type: ScheduleStartType(rawValue: type)))
            }
            schedule = entries
        }
        return TrackingCodeDraft(
            name: name, siteUrl: siteUrl, options: options, inputMode: inputMode,
            hostProfileCode: hostProfileCode, scheduleStartCodes: schedule)
    }

    static func userUpdate(_ body: Data) throws(SandboxFailure) -> UserTrackingCodesUpdate {
        let object = try object(body)
        let siteUrl = try optionalString(object, "siteUrl") ?? ""
        if siteUrl.trimmingCharacters(in: .whitespaces).isEmpty { throw .badRequest("'siteUrl' cannot be empty") }
        let personId = try optionalString(object, "personId")
        let email = try optionalString(object, "email")
        if (personId ?? "").isEmpty, (email ?? "").isEmpty { throw .badRequest("'personId' or 'email' is required") }

        var assignments: [UserTrackingCodeAssignment] = []
        if let itemsValue = object["trackingCodes"], !itemsValue.isNull {
            guard let items = itemsValue.arrayValue else { throw typeError("trackingCodes", "an array", itemsValue) }
            for (index, item) in items.enumerated() {
                guard let fields = item.objectValue else { throw typeError("trackingCodes[\(index)]", "an object", item) }
                // An extra `id` is tolerated, as real scripts send one back.
                let name = try requiredString(fields, "name", path: "trackingCodes[\(index)].name")
                let value = try requiredString(fields, "value", path: "trackingCodes[\(index)].value")
                assignments.append(UserTrackingCodeAssignment(name: name, value: value))
            }
        }
        return UserTrackingCodesUpdate(siteUrl: siteUrl, personId: personId, email: email, trackingCodes: assignments)
    }

    private static func requiredString(_ object: [String: JSONValue], _ key: String, path: String? = nil) throws(SandboxFailure) -> String {
        guard let value = object[key], !value.isNull else { throw .badRequest("'\(path ?? key)' is required") }
        guard let text = value.stringValue else { throw typeError(path ?? key, "a string", value) }
        return text
    }

    private static func optionalString(_ object: [String: JSONValue], _ key: String) throws(SandboxFailure) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw typeError(key, "a string", value) }
        return text
    }

    private static func typeError(_ path: String, _ expected: String, _ got: JSONValue) -> SandboxFailure {
        .badRequest("'\(path)' must be \(expected), not \(got.typeName)")
    }
}
