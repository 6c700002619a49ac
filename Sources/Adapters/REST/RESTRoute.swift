import Foundation

/// The REST adapter's resources. Paths are Webex's, below `/v1`; their fixed segments match
/// without regard to case, so both the issue's `trackingcodes` and Webex's `trackingCodes`
/// work, and a `WebexClient` can use the adapter as its base URL.
enum RESTRoute: Hashable, Sendable {
    case health
    case openAPI
    case codes
    case code(id: String)
    case userCodes

    static let codesPath = "/v1/admin/meeting/config/trackingcodes"
    static let userCodesPath = "/v1/admin/meeting/userconfig/trackingcodes"

    /// The route for a decoded request path, or nil when nothing lives there.
    init?(path: String) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "/a/b/" → ["", "a", "b", ""]: drop the leading empty part and one trailing slash.
        guard segments.first == "" else { return nil }
        segments.removeFirst()
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        let lowered = segments.map { $0.lowercased() }

        switch lowered {
        case ["healthz"]: self = .health
        case ["openapi.json"]: self = .openAPI
        case ["v1", "admin", "meeting", "config", "trackingcodes"]: self = .codes
        case ["v1", "admin", "meeting", "userconfig", "trackingcodes"]: self = .userCodes
        default:
            let collection = ["v1", "admin", "meeting", "config", "trackingcodes"]
            guard lowered.count == 6, Array(lowered.prefix(5)) == collection, !segments[5].isEmpty else {
                return nil
            }
            self = .code(id: segments[5])
        }
    }

    var allowedMethods: [String] {
        switch self {
        case .health, .openAPI: ["GET"]
        case .codes: ["GET", "POST"]
        case .code: ["GET", "PUT", "DELETE"]
        case .userCodes: ["GET", "PUT"]
        }
    }

    /// Every resource, for the 404 message.
    static let summary = [
        "GET /healthz", "GET /openapi.json",
        "GET, POST \(codesPath)", "GET, PUT, DELETE \(codesPath)/{trackingCodeId}",
        "GET, PUT \(userCodesPath)",
    ].joined(separator: "; ")
}
