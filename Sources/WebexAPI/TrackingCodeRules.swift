import Foundation

/// Which part of a tracking code a rule speaks about, so a form can show the message beside it.
public enum TrackingCodeField: Hashable, Sendable {
    case siteUrl
    case name
    case inputMode
    case hostProfileCode
    case options
    case option(index: Int)
    case scheduleStartCodes
    case scheduleStartCode(MeetingService)
}

/// One broken rule: where, and a sentence a person can act on.
public struct RuleViolation: Hashable, Sendable, CustomStringConvertible {
    public var field: TrackingCodeField
    public var message: String

    public init(field: TrackingCodeField, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// How a site is administered; Webex lets only Site Admin managed sites make host-profile codes required.
public enum SiteManagement: String, Codable, Hashable, Sendable {
    case controlHub
    case siteAdmin
}

/// The rules Webex documents for tracking codes (§2.5 of the API notes), in one place.
///
/// The sandbox answers 400 with the first violation; the edit form shows all of them as the user
/// types; the adapters refuse what the form would refuse. Rules that need server state (unique
/// names, mapped sites) live in the sandbox store instead.
public enum TrackingCodeRules {
    public static let maxNameLength = 120
    public static let maxValueLength = 120
    public static let maxOptions = 500
    public static let maxScheduleStartCodes = 5

    /// Every broken rule of `draft`, most basic first. `management` nil means "not known", and
    /// skips the one rule that depends on it.
    public static func violations(of draft: TrackingCodeDraft, management: SiteManagement? = nil) -> [RuleViolation] {
        var found: [RuleViolation] = []
        func add(_ field: TrackingCodeField, _ message: String) {
            found.append(RuleViolation(field: field, message: message))
        }

        if draft.siteUrl.trimmingCharacters(in: .whitespaces).isEmpty {
            add(.siteUrl, "'siteUrl' cannot be empty")
        }
        if draft.name.trimmingCharacters(in: .whitespaces).isEmpty {
            add(.name, "'name' cannot be empty")
        } else if draft.name.count > maxNameLength {
            add(.name, "'name' cannot be longer than \(maxNameLength) characters (it has \(draft.name.count))")
        }
        if !draft.inputMode.isDocumented {
            add(.inputMode, "'inputMode' must be one of \(list(InputMode.documentedCases)); got '\(draft.inputMode)'")
        }
        if !draft.hostProfileCode.isDocumented {
            add(.hostProfileCode,
                "'hostProfileCode' must be one of \(list(HostProfileCode.documentedCases)); got '\(draft.hostProfileCode)'")
        }
        found += optionViolations(draft)
        found += scheduleViolations(draft)

        if draft.hostProfileCode == .required, management == .controlHub {
            add(.hostProfileCode,
                "'hostProfileCode' cannot be 'required' on a Control Hub managed site; only Site Admin managed sites allow it")
        }
        return found
    }

    private static func optionViolations(_ draft: TrackingCodeDraft) -> [RuleViolation] {
        var found: [RuleViolation] = []
        if draft.options.count > maxOptions {
            found.append(.init(field: .options,
                               message: "'options' cannot have more than \(maxOptions) items (it has \(draft.options.count))"))
        }
        if draft.inputMode.requiresOptionValue, draft.options.isEmpty {
            found.append(.init(field: .options,
                               message: "'options' cannot be empty when 'inputMode' is '\(draft.inputMode)'"))
        }
        for (index, option) in draft.options.enumerated() {
            if option.value.trimmingCharacters(in: .whitespaces).isEmpty {
                found.append(.init(field: .option(index: index), message: "'options[\(index)].value' cannot be empty"))
            } else if option.value.count > maxValueLength {
                found.append(.init(field: .option(index: index),
                                   message: "'options[\(index)].value' cannot be longer than \(maxValueLength) characters"))
            }
        }
        let defaults = draft.options.filter(\.defaultValue).count
        if defaults > 1 {
            found.append(.init(field: .options,
                               message: "Only one option can have 'defaultValue' true (\(defaults) do)"))
        }
        return found
    }

    private static func scheduleViolations(_ draft: TrackingCodeDraft) -> [RuleViolation] {
        var found: [RuleViolation] = []
        func add(_ field: TrackingCodeField, _ message: String) {
            found.append(RuleViolation(field: field, message: message))
        }
        guard let codes = draft.scheduleStartCodes else {
            if draft.inputMode != .hostProfileSelect {
                add(.scheduleStartCodes,
                    "'scheduleStartCodes' can be null only when 'inputMode' is 'hostProfileSelect'")
            }
            return found
        }
        if codes.count > maxScheduleStartCodes {
            add(.scheduleStartCodes,
                "'scheduleStartCodes' cannot have more than \(maxScheduleStartCodes) items (it has \(codes.count))")
        }
        var seen: Set<MeetingService> = []
        for code in codes {
            if !code.service.isDocumented {
                add(.scheduleStartCodes,
                    "'scheduleStartCodes[].service' must be one of \(list(MeetingService.documentedCases)); got '\(code.service)'")
            } else if !seen.insert(code.service).inserted {
                add(.scheduleStartCode(code.service),
                    "'scheduleStartCodes' lists the service '\(code.service)' more than once")
            }
            if !code.type.isDocumented {
                add(.scheduleStartCode(code.service),
                    "'scheduleStartCodes[].type' must be one of \(list(ScheduleStartType.documentedCases)); got '\(code.type)'")
            }
        }

        // Rule 2: a host-profile-only code is not asked for on schedule or start pages.
        if draft.inputMode == .hostProfileSelect, let used = codes.first(where: { $0.type != .notUsed }) {
            add(.scheduleStartCode(used.service),
                "With 'inputMode' hostProfileSelect, 'scheduleStartCodes' must be null or every service 'notUsed' ('\(used.service)' is '\(used.type)')")
        }

        // Rule 4: adminSet goes with adminSet, and only with it.
        let allowed: [ScheduleStartType] = draft.hostProfileCode == .adminSet
            ? [.adminSet, .notUsed, .notApplicable]
            : [.optional, .required, .notUsed, .notApplicable]
        for code in codes where code.type.isDocumented && !allowed.contains(code.type) {
            let reason = draft.hostProfileCode == .adminSet
                ? "when 'hostProfileCode' is adminSet, a service's type must be adminSet, notUsed or notApplicable"
                : "a service's type can be adminSet only when 'hostProfileCode' is adminSet"
            add(.scheduleStartCode(code.service), "'\(code.service)' is '\(code.type)', but \(reason)")
        }

        // Rule 5: a concrete All type binds every service that is listed.
        if let all = codes.first(where: { $0.service == .all }), all.type != .notApplicable {
            for code in codes where code.service != .all && code.type != all.type {
                add(.scheduleStartCode(code.service),
                    "'\(code.service)' is '\(code.type)', but 'All' is '\(all.type)'; set 'All' to notApplicable to use different types per service")
            }
        }
        return found
    }

    /// The five entries Webex returns for what was sent, filling gaps by rules 5 and 6.
    public static func normalizedScheduleStartCodes(_ codes: [ScheduleStartCode]?) -> [ScheduleStartCode] {
        guard let codes else {
            return MeetingService.documentedCases.map { ScheduleStartCode(service: $0, type: .notUsed) }
        }
        let all = codes.first(where: { $0.service == .all })?.type
        let fill: ScheduleStartType = all.flatMap { $0 == .notApplicable ? nil : $0 } ?? .notUsed
        var result = [ScheduleStartCode(service: .all, type: all ?? .notApplicable)]
        for service in MeetingService.centers {
            result.append(ScheduleStartCode(service: service, type: codes.first(where: { $0.service == service })?.type ?? fill))
        }
        return result
    }

    /// Why `value` cannot be a user's value for `code`, or nil when it can.
    public static func userValueViolation(_ value: String, for code: TrackingCode) -> String? {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            return "The value for '\(code.name)' cannot be empty"
        }
        if value.count > maxValueLength {
            return "The value for '\(code.name)' cannot be longer than \(maxValueLength) characters"
        }
        if code.inputMode.requiresOptionValue, !code.options.contains(where: { $0.value == value }) {
            return "'\(value)' is not one of the options of '\(code.name)' (\(code.inputMode) codes take only their options)"
        }
        return nil
    }

    /// The value as it should be sent: the option's own spelling when `value` is one of the
    /// code's options written another way in Unicode (a decomposed "Zu\u{308}rich", as files
    /// saved on a Mac often have, for the option "Zürich"), else `value` unchanged. Swift
    /// compares strings by canonical equivalence, so such a value passes the option check, but
    /// its bytes differ from the option's.
    public static func optionSpelling(of value: String, for code: TrackingCode) -> String {
        code.options.first { $0.value == value }?.value ?? value
    }

    /// Whether two values are the same bytes, not merely canonically equivalent (see
    /// `optionSpelling`): deciding "unchanged" by `==` would keep a decomposed spelling forever.
    public static func sameSpelling(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    private static func list<E: TolerantEnum>(_ cases: [E]) -> String {
        cases.map(\.rawValue).joined(separator: ", ")
    }
}
