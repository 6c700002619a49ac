import Foundation
import WebexAPI

/// Why an action of a view model did not happen, with what a screen needs to show it: the HTTP
/// status, Webex's message and descriptions, and the trackingId to quote to Cisco support.
public enum OperationError: Error, Hashable, Sendable, LocalizedError {
    /// Webex (or the network on the way) refused or failed the call.
    case webex(WebexError)
    /// The site may not be written to; nothing was sent.
    case readOnly(siteUrl: String, reason: String)
    /// The form breaks Webex's rules; nothing was sent.
    case invalid([RuleViolation])
    /// Some of a user's values would be refused (one sentence each); nothing was sent.
    case invalidUserValues([String])
    /// The journal could not record the intent, so the write was not sent: without the journal
    /// a crash could lose a deleted code for good.
    case journalUnavailable(FileProblem)
    /// No site is chosen yet.
    case noSiteSelected
    /// The code on Webex is no longer the one the change was based on: someone else changed it.
    case changedElsewhere(name: String, id: String)
    /// The import file cannot be used at all (once the site's codes are known); nothing was sent.
    case unusableFile(ImportFileError)

    public var webexError: WebexError? {
        if case .webex(let error) = self { return error }
        return nil
    }

    /// The HTTP status, when Webex answered.
    public var status: Int? { webexError?.status }
    public var trackingId: String? { webexError?.trackingId }
    /// Webex's `message`, or nil when the failure did not come from Webex.
    public var webexMessage: String? {
        if case .webex(.api(_, let message, _, _)) = self { return message }
        if case .webex(.unauthorized(let message, _)) = self { return message }
        return nil
    }
    /// Webex's `errors[].description` lines.
    public var descriptions: [String] {
        if case .webex(.api(_, _, let descriptions, _)) = self { return descriptions }
        return []
    }

    public var isCancelled: Bool { self == .webex(.cancelled) }

    public var errorDescription: String? {
        switch self {
        case .webex(let error):
            return error.errorDescription
        case .readOnly(let siteUrl, let reason):
            return "Nothing was changed: \(siteUrl) is read-only (\(reason))."
        case .invalid(let violations):
            let first = violations.first.map { ": \($0.message)" } ?? ""
            let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
            return "Nothing was sent: the tracking code breaks Webex's rules\(first)\(more)."
        case .invalidUserValues(let problems):
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            return "Nothing was sent: \(problems.first ?? "a value is not valid")\(more)."
        case .journalUnavailable(let problem):
            return "Nothing was sent: the journal cannot be written (\(problem)). "
                + "trackcodes records every change there first so that a deleted code can always be restored."
        case .noSiteSelected:
            return "Choose a site first."
        case .changedElsewhere(let name, let id):
            return "Nothing was sent: '\(name)' (id \(id)) was changed on Webex after you read it, "
                + "so saving would overwrite that change. Reload it (r on the list) and make your change again."
        case .unusableFile(let problem):
            return problem.errorDescription
        }
    }
}
