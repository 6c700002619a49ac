import Foundation

/// An error answer of the sandbox: status plus the three fields of Webex's error body.
struct SandboxFailure: Error, Hashable {
    var status: Int
    var message: String
    var description: String

    /// Webex's wording for each status, as its docs and real captures show them.
    enum Message {
        static let badRequest = "The request could not be understood by the server due to malformed syntax. See 'errors' for more details."
        static let unauthorized = "The request requires a valid access token set in the Authorization request header."
        static let forbidden = "The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses."
        static let notFound = "The requested resource could not be found."
        static let methodNotAllowed = "The request was made to a resource using an HTTP request method that is not supported."
        static let conflict = "The request could not be processed because it conflicts with some established rule of the system."
        static let tooManyRequests = "Too many requests have been sent in a given amount of time and the request has been rate limited."
        static let serverError = "Something went wrong on the server. See 'errors' for more details."
        static let unavailable = "Server is overloaded with requests. Try again later."
    }

    static func badRequest(_ description: String) -> SandboxFailure {
        SandboxFailure(status: 400, message: Message.badRequest, description: description)
    }

    static func notFound(_ description: String) -> SandboxFailure {
        SandboxFailure(status: 404, message: Message.notFound, description: description)
    }

    /// Webex documents an unknown id on PUT as a 400 that carries the 404 wording.
    static func invalidIdOnUpdate(_ id: String) -> SandboxFailure {
        SandboxFailure(status: 400, message: Message.notFound, description: "Tracking code ID '\(id)' is invalid.")
    }

    static func unknownCode(_ id: String) -> SandboxFailure {
        notFound("Tracking code ID '\(id)' is invalid.")
    }

    static func unknownSite(_ siteUrl: String) -> SandboxFailure {
        notFound("Site '\(siteUrl)' is not found.")
    }

    static func conflict(_ description: String) -> SandboxFailure {
        SandboxFailure(status: 409, message: Message.conflict, description: description)
    }

    static func mappedSite(_ siteUrl: String) -> SandboxFailure {
        SandboxFailure(
            status: 403, message: Message.forbidden,
            description: "The tracking codes of site '\(siteUrl)' are mapped to user attributes; they can only be changed in Control Hub.")
    }

    static let unauthorized = SandboxFailure(status: 401, message: Message.unauthorized, description: Message.unauthorized)

    static func methodNotAllowed(_ method: String, _ path: String) -> SandboxFailure {
        SandboxFailure(status: 405, message: Message.methodNotAllowed, description: "\(method) is not supported on \(path).")
    }

    static func status(_ status: Int) -> SandboxFailure {
        switch status {
        case 503: SandboxFailure(status: 503, message: Message.unavailable, description: Message.unavailable)
        case 401: unauthorized
        case 403: SandboxFailure(status: 403, message: Message.forbidden, description: "Injected failure.")
        case 404: notFound("Injected failure.")
        case 409: conflict("Injected failure.")
        case 400..<500: badRequest("Injected failure (HTTP \(status)).")
        default: SandboxFailure(status: status, message: Message.serverError, description: "Injected failure (HTTP \(status)).")
        }
    }
}
