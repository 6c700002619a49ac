import Foundation
import WebexAPI

/// One line of the journal.
///
/// A write produces two lines sharing an `operationId`: an *intent* written (and flushed to disk)
/// before the request, holding everything needed to redo or reverse it, and an *outcome* after
/// it. A missing outcome means the program stopped while the request was in flight. Full
/// objects are kept, never the token.
public struct JournalRecord: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case intent, outcome
    }

    public enum Action: String, Codable, Hashable, Sendable {
        case create, update, delete, updateUserValues
    }

    public var kind: Kind
    public var operationId: String
    public var at: Date

    // Intent fields.
    public var action: Action?
    /// The API server the change was sent to: scheme, host and port of the client's base URL
    /// (see `apiServer(of:)`), never a path, query or token. Nil in records written before
    /// trackcodes kept it: their server is unknown.
    public var apiServer: String?
    public var siteUrl: String?
    /// The code an update or delete targets.
    public var codeId: String?
    /// The code as it was before an update or delete.
    public var before: TrackingCode?
    /// The body of a create or update.
    public var draft: TrackingCodeDraft?
    /// For a create that brings back a deleted code: the id it had.
    public var restoresCodeId: String?
    /// A user's values before a user update, when they were read first.
    public var userBefore: UserTrackingCodes?
    /// The body of a user update.
    public var userUpdate: UserTrackingCodesUpdate?

    // Outcome fields.
    public var succeeded: Bool?
    /// The code Webex returned after a create or update.
    public var result: TrackingCode?
    public var userResult: UserTrackingCodes?
    /// The error text, with status and trackingId, when the request failed.
    public var error: String?

    public init(kind: Kind, operationId: String, at: Date) {
        self.kind = kind
        self.operationId = operationId
        self.at = at
    }

    /// A one-line description for listings ("delete 'Department' (id 12) on example.webex.com").
    public var summary: String {
        let site = siteUrl.map { " on \($0)" } ?? ""
        switch action {
        case .create:
            let name = draft?.name ?? "?"
            let restoring = restoresCodeId.map { ", restoring id \($0)" } ?? ""
            return "create '\(name)'\(restoring)\(site)"
        case .update:
            return "update '\(before?.name ?? draft?.name ?? "?")' (id \(codeId ?? "?"))\(site)"
        case .delete:
            return "delete '\(before?.name ?? "?")' (id \(codeId ?? "?"))\(site)"
        case .updateUserValues:
            let user = userUpdate.map { $0.email ?? $0.personId ?? "?" } ?? "?"
            return "set tracking code values of \(user)\(site)"
        case nil:
            return "outcome of \(operationId)"
        }
    }

    /// How a journal names the server at `baseURL`: `https://webexapis.com`,
    /// `http://127.0.0.1:8080`. Scheme and host are lower-cased; user, password, path and query
    /// are left out, so nothing secret can reach the journal through a base URL.
    public static func apiServer(of baseURL: URL) -> String {
        let scheme = baseURL.scheme?.lowercased() ?? "https"
        let host = baseURL.host?.lowercased() ?? ""
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let port = baseURL.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(shownHost)\(port)"
    }
}
