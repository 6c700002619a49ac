import TrackingCodesCore
import WebexAPI

/// What a form shows after a save did not happen: for a refusal by Webex the HTTP status,
/// Webex's own words and the trackingId to quote to Cisco support, one per line.
enum RefusalText {
    static func lines(for error: OperationError, action: String = "save") -> [String] {
        switch error {
        case .webex(.api(let status, let message, let descriptions, let trackingId)):
            let words = ([message] + descriptions.filter { $0 != message }).filter { !$0.isEmpty }
            return ["Webex refused the \(action): HTTP \(status)"]
                + (words.isEmpty ? ["Webex gave no message."] : words)
                + ["trackingId \(trackingId)"]
        case .webex(.cancelled):
            return ["The \(action) was cancelled; Webex may or may not have received it."]
        case .webex(let failure):
            var lines = [failure.errorDescription ?? "The \(action) failed."]
            if let trackingId = failure.trackingId, !(lines[0].contains(trackingId)) {
                lines.append("trackingId \(trackingId)")
            }
            return lines
        case .invalid(let violations):
            let count = CountedNoun.text(violations.count, "rule")
            return ["Nothing was sent: the form breaks \(count), marked below."]
        default:
            return [error.errorDescription ?? "The \(action) failed."]
        }
    }
}
