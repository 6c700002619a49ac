import Foundation

/// One of the calls trackcodes makes, described before it is sent. Used to build requests, to
/// print them for `--dry-run`, and by the adapters to route by operation.
public enum WebexEndpoint: Hashable, Sendable {
    case listSites
    case me
    case listTrackingCodes(siteUrl: String?)
    case getTrackingCode(id: String, siteUrl: String?)
    case createTrackingCode(TrackingCodeDraft)
    case updateTrackingCode(id: String, TrackingCodeDraft)
    case deleteTrackingCode(id: String, siteUrl: String)
    case getUserTrackingCodes(UserReference, siteUrl: String?)
    case updateUserTrackingCodes(UserTrackingCodesUpdate)

    public var method: String {
        switch self {
        case .listSites, .me, .listTrackingCodes, .getTrackingCode, .getUserTrackingCodes: "GET"
        case .createTrackingCode: "POST"
        case .updateTrackingCode, .updateUserTrackingCodes: "PUT"
        case .deleteTrackingCode: "DELETE"
        }
    }

    public var isWrite: Bool { method != "GET" }

    /// The path below the base URL, without query.
    public var path: String {
        switch self {
        case .listSites: "/meetingPreferences/sites"
        case .me: "/people/me"
        case .listTrackingCodes, .createTrackingCode: "/admin/meeting/config/trackingCodes"
        case .getTrackingCode(let id, _), .updateTrackingCode(let id, _), .deleteTrackingCode(let id, _):
            "/admin/meeting/config/trackingCodes/\(Self.escapePathSegment(id))"
        case .getUserTrackingCodes, .updateUserTrackingCodes: "/admin/meeting/userconfig/trackingCodes"
        }
    }

    public var queryItems: [URLQueryItem] {
        switch self {
        case .listTrackingCodes(let site), .getTrackingCode(_, let site):
            site.map { [URLQueryItem(name: "siteUrl", value: $0)] } ?? []
        case .deleteTrackingCode(_, let site):
            [URLQueryItem(name: "siteUrl", value: site)]
        case .getUserTrackingCodes(let user, let site):
            (site.map { [URLQueryItem(name: "siteUrl", value: $0)] } ?? [])
                + (user.personIdValue.map { [URLQueryItem(name: "personId", value: $0)] } ?? [])
        default:
            []
        }
    }

    /// Extra headers: on the user GET, Webex takes `email` as a request header, not a query item.
    public var extraHeaders: [String: String] {
        if case .getUserTrackingCodes(.email(let email), _) = self { return ["email": email] }
        return [:]
    }

    public func body(encoder: JSONEncoder) throws -> Data? {
        switch self {
        case .createTrackingCode(let draft), .updateTrackingCode(_, let draft): try encoder.encode(draft)
        case .updateUserTrackingCodes(let update): try encoder.encode(update)
        default: nil
        }
    }

    /// An id as one path segment. Dots are escaped too: an id of `.` or `..` would otherwise be
    /// read as a dot segment and send the request to another endpoint.
    static func escapePathSegment(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/.")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}

extension UserReference {
    var personIdValue: String? {
        if case .personId(let id) = self { return id }
        return nil
    }
}
