import Foundation

/// A Webex Meetings site the caller can use (`SiteObject`).
public struct Site: Codable, Hashable, Sendable, Identifiable {
    public var siteUrl: String
    /// The caller's preferred site; tracking-code GETs fall back to it.
    public var isDefault: Bool

    public var id: String { siteUrl }

    public init(siteUrl: String, isDefault: Bool) {
        self.siteUrl = siteUrl
        self.isDefault = isDefault
    }

    enum CodingKeys: String, CodingKey {
        case siteUrl
        case isDefault = "default"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        siteUrl = try c.decode(String.self, forKey: .siteUrl)
        isDefault = try c.decodeIfPresent(Bool.self, forKey: .isDefault) ?? false
    }
}

/// `SitesObject`.
public struct SiteList: Codable, Hashable, Sendable {
    public var sites: [Site]
    public init(sites: [Site]) { self.sites = sites }
}

/// The `/people/me` fields trackcodes shows. Every field is optional in Webex's schema.
public struct Person: Codable, Hashable, Sendable {
    public var id: String?
    public var emails: [String]?
    public var displayName: String?
    public var firstName: String?
    public var lastName: String?
    public var orgId: String?
    public var roles: [String]?
    public var siteUrls: [String]?
    public var type: String?

    public init(
        id: String? = nil, emails: [String]? = nil, displayName: String? = nil,
        firstName: String? = nil, lastName: String? = nil, orgId: String? = nil,
        roles: [String]? = nil, siteUrls: [String]? = nil, type: String? = nil
    ) {
        self.id = id
        self.emails = emails
        self.displayName = displayName
        self.firstName = firstName
        self.lastName = lastName
        self.orgId = orgId
        self.roles = roles
        self.siteUrls = siteUrls
        self.type = type
    }
}
