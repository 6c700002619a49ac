import Foundation

/// A string enum from the Webex API that must survive values this client does not know yet.
///
/// Webex adds enum values without notice; one unknown value must not make a whole list fail to
/// decode. Conforming types keep the raw string so it can be shown as-is and sent back unchanged.
public protocol TolerantEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The string Webex uses on the wire.
    var rawValue: String { get }
    /// The values documented by Cisco, in the order the UI offers them.
    static var documentedCases: [Self] { get }
    init(unrecognized rawValue: String)
}

extension TolerantEnum {
    public init(rawValue: String) {
        if let known = Self.documentedCases.first(where: { $0.rawValue == rawValue }) {
            self = known
        } else {
            self.init(unrecognized: rawValue)
        }
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self.init(rawValue: raw)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// False for a value Webex sent that is not in the documented list.
    public var isDocumented: Bool { Self.documentedCases.contains(self) }
}

/// How a user supplies a tracking code's value.
public enum InputMode: TolerantEnum {
    case text, select, editableSelect, hostProfileSelect
    case unrecognized(String)

    public static let documentedCases: [InputMode] = [.text, .select, .editableSelect, .hostProfileSelect]

    public init(unrecognized rawValue: String) { self = .unrecognized(rawValue) }

    public var rawValue: String {
        switch self {
        case .text: "text"
        case .select: "select"
        case .editableSelect: "editableSelect"
        case .hostProfileSelect: "hostProfileSelect"
        case .unrecognized(let raw): raw
        }
    }

    /// Modes whose value must be one of the code's options.
    public var requiresOptionValue: Bool { self == .select || self == .hostProfileSelect }
}

/// How the code is used on the host profile page. Four values only: `notApplicable` is not one.
public enum HostProfileCode: TolerantEnum {
    case optional, required, adminSet, notUsed
    case unrecognized(String)

    public static let documentedCases: [HostProfileCode] = [.optional, .required, .adminSet, .notUsed]

    public init(unrecognized rawValue: String) { self = .unrecognized(rawValue) }

    public var rawValue: String {
        switch self {
        case .optional: "optional"
        case .required: "required"
        case .adminSet: "adminSet"
        case .notUsed: "notUsed"
        case .unrecognized(let raw): raw
        }
    }
}

/// A Webex "center" whose schedule and start pages can ask for the code. PascalCase on the wire.
public enum MeetingService: TolerantEnum {
    case all, meetingCenter, eventCenter, trainingCenter, supportCenter
    case unrecognized(String)

    /// Also the order in which Webex lists them in responses.
    public static let documentedCases: [MeetingService] = [
        .all, .meetingCenter, .eventCenter, .trainingCenter, .supportCenter,
    ]

    /// The four real services, without the `All` summary entry.
    public static let centers: [MeetingService] = [.meetingCenter, .eventCenter, .trainingCenter, .supportCenter]

    public init(unrecognized rawValue: String) { self = .unrecognized(rawValue) }

    public var rawValue: String {
        switch self {
        case .all: "All"
        case .meetingCenter: "MeetingCenter"
        case .eventCenter: "EventCenter"
        case .trainingCenter: "TrainingCenter"
        case .supportCenter: "SupportCenter"
        case .unrecognized(let raw): raw
        }
    }
}

/// How a code is used on one service's schedule/start pages.
public enum ScheduleStartType: TolerantEnum {
    case optional, required, adminSet, notUsed, notApplicable
    case unrecognized(String)

    public static let documentedCases: [ScheduleStartType] = [
        .optional, .required, .adminSet, .notUsed, .notApplicable,
    ]

    public init(unrecognized rawValue: String) { self = .unrecognized(rawValue) }

    public var rawValue: String {
        switch self {
        case .optional: "optional"
        case .required: "required"
        case .adminSet: "adminSet"
        case .notUsed: "notUsed"
        case .notApplicable: "notApplicable"
        case .unrecognized(let raw): raw
        }
    }
}
