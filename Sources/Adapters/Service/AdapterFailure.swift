import Foundation
import WebexAPI

/// Why an adapter call did not succeed, in the terms both adapters answer with.
///
/// The REST adapter turns it into an HTTP status and a Webex-shaped error body; the MCP server
/// turns it into a tool result with `isError: true` whose text a model can act on.
public enum AdapterFailure: Error, Hashable, Sendable {
    /// The request breaks a rule or is malformed; nothing was sent to Webex. Each entry is one
    /// sentence naming the field and the rule.
    case invalid([String])
    /// Writes are not allowed (the adapter runs read-only, or the site's codes are mapped);
    /// nothing was sent.
    case readOnly(String)
    /// Webex, or the network on the way, refused or failed the call.
    case webex(WebexError)
    /// The journal could not record the intent, so the write was not sent.
    case journalUnavailable(String)
    /// The code changed on Webex after the caller read it; nothing was sent.
    case conflict(String)

    /// A refusal naming one broken rule.
    public static func invalid(_ description: String) -> AdapterFailure {
        .invalid([description])
    }

    /// One line with everything a person or a model needs: what happened, Webex's words,
    /// the HTTP status and the trackingId to quote to Cisco support.
    public var sentence: String {
        switch self {
        case .invalid(let descriptions):
            let rules = descriptions.joined(separator: "; ")
            return "Nothing was sent to Webex: the request breaks Webex's rules for tracking codes: "
                + "\(rules)."
        case .readOnly(let reason):
            return "Nothing was sent to Webex: \(reason)"
        case .webex(let error):
            return error.errorDescription ?? "\(error)"
        case .conflict(let sentence):
            return sentence
        case .journalUnavailable(let reason):
            return "Nothing was sent to Webex: the journal cannot be written (\(reason)). "
                + "trackcodes records every change there first so that a deleted code can always be restored."
        }
    }
}
