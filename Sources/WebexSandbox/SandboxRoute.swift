import Foundation
import WebexAPI

/// Which operation a request asks for, with its inputs read from path, query, headers and body.
enum SandboxRoute {
    case listSites
    case me
    case listCodes(siteUrl: String?)
    case getCode(id: String, siteUrl: String?)
    case createCode(TrackingCodeDraft)
    case updateCode(id: String, TrackingCodeDraft)
    case deleteCode(id: String, siteUrl: String?)
    case getUserCodes(siteUrl: String?, personId: String?, email: String?)
    case updateUserCodes(UserTrackingCodesUpdate)

    static let basePath = "/v1"
    static let codesPath = "/admin/meeting/config/trackingCodes"
    static let userCodesPath = "/admin/meeting/userconfig/trackingCodes"

    init(_ request: HTTPRequest) throws(SandboxFailure) {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        var path = components?.path ?? request.url.path
        guard path.hasPrefix(Self.basePath + "/") else { throw .notFound("No resource at \(path).") }
        path.removeFirst(Self.basePath.count)
        if path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let query = components?.queryItems ?? []
        func queryValue(_ name: String) -> String? { query.first(where: { $0.name == name })?.value }
        let method = request.method.uppercased()

        switch path {
        case "/meetingPreferences/sites":
            guard method == "GET" else { throw .methodNotAllowed(method, path) }
            self = .listSites
        case "/people/me":
            guard method == "GET" else { throw .methodNotAllowed(method, path) }
            self = .me
        case Self.codesPath:
            switch method {
            case "GET": self = .listCodes(siteUrl: queryValue("siteUrl"))
            case "POST": self = .createCode(try SandboxRequestBody.trackingCodeDraft(request.body ?? Data()))
            default: throw .methodNotAllowed(method, path)
            }
        case Self.userCodesPath:
            switch method {
            case "GET":
                // Webex reads the user's email from a request header on this call.
                self = .getUserCodes(siteUrl: queryValue("siteUrl"), personId: queryValue("personId"), email: request.header("email"))
            case "PUT": self = .updateUserCodes(try SandboxRequestBody.userUpdate(request.body ?? Data()))
            default: throw .methodNotAllowed(method, path)
            }
        default:
            guard path.hasPrefix(Self.codesPath + "/") else { throw .notFound("No resource at \(path).") }
            let id = String(path.dropFirst(Self.codesPath.count + 1))
            guard !id.isEmpty, !id.contains("/") else { throw .notFound("No resource at \(path).") }
            switch method {
            case "GET": self = .getCode(id: id, siteUrl: queryValue("siteUrl"))
            case "PUT": self = .updateCode(id: id, try SandboxRequestBody.trackingCodeDraft(request.body ?? Data()))
            case "DELETE":
                guard let site = queryValue("siteUrl"), !site.isEmpty else { throw .badRequest("'siteUrl' cannot be empty") }
                self = .deleteCode(id: id, siteUrl: site)
            default: throw .methodNotAllowed(method, path)
            }
        }
    }
}
