import Foundation
import WebexAPI

/// A site as the sandbox knows it: more than Webex tells a client, because some rules depend on it.
public struct SandboxSite: Codable, Hashable, Sendable {
    public var siteUrl: String
    public var isDefault: Bool
    public var management: SiteManagement
    /// Tracking codes mapped to user attributes: every write is refused with 403.
    public var hasMappedCodes: Bool

    public init(siteUrl: String, isDefault: Bool = false, management: SiteManagement = .controlHub, hasMappedCodes: Bool = false) {
        self.siteUrl = siteUrl
        self.isDefault = isDefault
        self.management = management
        self.hasMappedCodes = hasMappedCodes
    }
}

/// A person in the sandbox's organisation, with their tracking-code values per site.
public struct SandboxUser: Codable, Hashable, Sendable {
    public var personId: String
    public var email: String
    public var displayName: String
    /// siteUrl → tracking-code id → value.
    public var values: [String: [String: String]]

    public init(personId: String, email: String, displayName: String, values: [String: [String: String]] = [:]) {
        self.personId = personId
        self.email = email
        self.displayName = displayName
        self.values = values
    }

    /// A Webex-style person id: base64url, unpadded, of `ciscospark://us/PEOPLE/<uuid>`.
    public static func personId(for uuid: UUID) -> String {
        Data("ciscospark://us/PEOPLE/\(uuid.uuidString.lowercased())".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Everything the sandbox holds; also the format of its demo data and state file.
public struct SandboxDataset: Codable, Hashable, Sendable {
    public var admin: Person
    public var sites: [SandboxSite]
    public var codes: [TrackingCode]
    public var users: [SandboxUser]
    /// The next tracking-code id; ids are numeric strings that are never reused.
    public var nextCodeId: Int

    public init(admin: Person, sites: [SandboxSite], codes: [TrackingCode] = [], users: [SandboxUser] = [], nextCodeId: Int? = nil) {
        self.admin = admin
        self.sites = sites
        self.codes = codes
        self.users = users
        self.nextCodeId = nextCodeId ?? ((codes.compactMap { Int($0.id) }.max() ?? 0) + 1)
    }
}
