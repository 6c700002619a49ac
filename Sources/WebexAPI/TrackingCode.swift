import Foundation

/// One option of a `select`-like tracking code.
public struct TrackingCodeOption: Codable, Hashable, Sendable {
    public var value: String
    public var defaultValue: Bool

    public init(value: String, defaultValue: Bool = false) {
        self.value = value
        self.defaultValue = defaultValue
    }
}

/// How the code is used on one service (`ScheduleStartCodeObject`).
public struct ScheduleStartCode: Codable, Hashable, Sendable {
    public var service: MeetingService
    public var type: ScheduleStartType

    public init(service: MeetingService, type: ScheduleStartType) {
        self.service = service
        self.type = type
    }
}

/// A site-level tracking code as Webex returns it (`GetTrackingCodeObject`).
public struct TrackingCode: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var siteUrl: String
    public var options: [TrackingCodeOption]
    public var inputMode: InputMode
    public var hostProfileCode: HostProfileCode
    public var scheduleStartCodes: [ScheduleStartCode]

    public init(
        id: String, name: String, siteUrl: String, options: [TrackingCodeOption] = [],
        inputMode: InputMode, hostProfileCode: HostProfileCode,
        scheduleStartCodes: [ScheduleStartCode]
    ) {
        self.id = id
        self.name = name
        self.siteUrl = siteUrl
        self.options = options
        self.inputMode = inputMode
        self.hostProfileCode = hostProfileCode
        self.scheduleStartCodes = scheduleStartCodes
    }

    enum CodingKeys: String, CodingKey {
        case id, name, siteUrl, options, inputMode, hostProfileCode, scheduleStartCodes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeLenientID(forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        siteUrl = try c.decode(String.self, forKey: .siteUrl)
        // Tolerate a server that leaves empty arrays out.
        options = try c.decodeIfPresent([TrackingCodeOption].self, forKey: .options) ?? []
        inputMode = try c.decode(InputMode.self, forKey: .inputMode)
        hostProfileCode = try c.decode(HostProfileCode.self, forKey: .hostProfileCode)
        scheduleStartCodes = try c.decodeIfPresent([ScheduleStartCode].self, forKey: .scheduleStartCodes) ?? []
    }

    /// The option marked as default, if any.
    public var defaultOption: TrackingCodeOption? { options.first(where: \.defaultValue) }

    /// The type used on `service`, or nil when the response does not list it.
    public func scheduleType(for service: MeetingService) -> ScheduleStartType? {
        scheduleStartCodes.first(where: { $0.service == service })?.type
    }

    /// The request body that would recreate or replace this code.
    public var draft: TrackingCodeDraft {
        TrackingCodeDraft(
            name: name, siteUrl: siteUrl, options: options, inputMode: inputMode,
            hostProfileCode: hostProfileCode, scheduleStartCodes: scheduleStartCodes
        )
    }
}

/// The body of create and update (`CreateOrUpdateTrackingCodeObject`). PUT is a full replacement,
/// so the same shape serves both.
public struct TrackingCodeDraft: Codable, Hashable, Sendable {
    public var name: String
    public var siteUrl: String
    public var options: [TrackingCodeOption]
    public var inputMode: InputMode
    public var hostProfileCode: HostProfileCode
    /// Nil is sent as JSON `null`, which Webex allows for `hostProfileSelect`.
    public var scheduleStartCodes: [ScheduleStartCode]?

    public init(
        name: String, siteUrl: String, options: [TrackingCodeOption] = [],
        inputMode: InputMode = .text, hostProfileCode: HostProfileCode = .optional,
        scheduleStartCodes: [ScheduleStartCode]? = [ScheduleStartCode(service: .all, type: .optional)]
    ) {
        self.name = name
        self.siteUrl = siteUrl
        self.options = options
        self.inputMode = inputMode
        self.hostProfileCode = hostProfileCode
        self.scheduleStartCodes = scheduleStartCodes
    }

    enum CodingKeys: String, CodingKey {
        case name, siteUrl, options, inputMode, hostProfileCode, scheduleStartCodes
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(siteUrl, forKey: .siteUrl)
        try c.encode(options, forKey: .options)
        try c.encode(inputMode, forKey: .inputMode)
        try c.encode(hostProfileCode, forKey: .hostProfileCode)
        // Explicit null rather than a missing key: the field is required by the schema.
        if let scheduleStartCodes {
            try c.encode(scheduleStartCodes, forKey: .scheduleStartCodes)
        } else {
            try c.encodeNil(forKey: .scheduleStartCodes)
        }
    }
}

/// `GetTrackingCodesObject`: the list wrapper.
public struct TrackingCodeList: Codable, Hashable, Sendable {
    public var items: [TrackingCode]
    public init(items: [TrackingCode]) { self.items = items }
}

extension KeyedDecodingContainer {
    /// Webex documents ids as strings, but one of its own examples sends numbers. Accept both.
    func decodeLenientID(forKey key: Key) throws -> String {
        if let text = try? decode(String.self, forKey: key) { return text }
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        if let number = try? decode(Double.self, forKey: key) { return String(number) }
        return try decode(String.self, forKey: key)
    }
}
