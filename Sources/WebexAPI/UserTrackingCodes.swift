import Foundation

/// One of a user's values (`GetTrackingCodeItemForUserObject`).
public struct UserTrackingCodeValue: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var value: String

    public init(id: String, name: String, value: String) {
        self.id = id
        self.name = name
        self.value = value
    }

    enum CodingKeys: String, CodingKey { case id, name, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeLenientID(forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        value = try c.decode(String.self, forKey: .value)
    }
}

/// A user's tracking code values on one site (`GetTrackingCodeForUserObject`).
public struct UserTrackingCodes: Codable, Hashable, Sendable {
    public var siteUrl: String
    public var personId: String?
    public var email: String?
    public var trackingCodes: [UserTrackingCodeValue]

    public init(siteUrl: String, personId: String?, email: String?, trackingCodes: [UserTrackingCodeValue]) {
        self.siteUrl = siteUrl
        self.personId = personId
        self.email = email
        self.trackingCodes = trackingCodes
    }

    enum CodingKeys: String, CodingKey { case siteUrl, personId, email, trackingCodes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        siteUrl = try c.decode(String.self, forKey: .siteUrl)
        personId = try c.decodeIfPresent(String.self, forKey: .personId)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        trackingCodes = try c.decodeIfPresent([UserTrackingCodeValue].self, forKey: .trackingCodes) ?? []
    }

    /// The user's value for the code named `name`, if set.
    public func value(named name: String) -> String? {
        trackingCodes.first(where: { $0.name == name })?.value
    }
}

/// One value to set (`UpdateTrackingCodeItemForUserObject`); Webex matches it by code name.
public struct UserTrackingCodeAssignment: Codable, Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Who a user-level call is about. Webex lets `personId` win when both are given.
public enum UserReference: Hashable, Sendable, CustomStringConvertible {
    case email(String)
    case personId(String)

    public var description: String {
        switch self {
        case .email(let email): email
        case .personId(let id): id
        }
    }
}

/// The body of Update User Tracking Codes (`UpdateTrackingCodeForUserObject`).
public struct UserTrackingCodesUpdate: Codable, Hashable, Sendable {
    public var siteUrl: String
    public var personId: String?
    public var email: String?
    public var trackingCodes: [UserTrackingCodeAssignment]

    public init(siteUrl: String, user: UserReference, trackingCodes: [UserTrackingCodeAssignment]) {
        self.siteUrl = siteUrl
        switch user {
        case .email(let email):
            self.email = email
        case .personId(let id):
            self.personId = id
        }
        self.trackingCodes = trackingCodes
    }

    public init(siteUrl: String, personId: String?, email: String?, trackingCodes: [UserTrackingCodeAssignment]) {
        self.siteUrl = siteUrl
        self.personId = personId
        self.email = email
        self.trackingCodes = trackingCodes
    }
}
