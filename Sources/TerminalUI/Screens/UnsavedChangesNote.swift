import TrackingCodesCore
import WebexAPI

/// The sentence a "discard the unsaved changes?" question ends with: what Webex has of them,
/// as far as the last save attempt tells. A refused save did reach Webex, so "nothing has
/// been sent" would be untrue after one.
enum UnsavedChangesNote {
    static func text(afterSave error: OperationError?) -> String {
        let reloadHint = "r in the code list reloads to see what Webex holds."
        switch error {
        case nil, .invalid?, .invalidUserValues?, .readOnly?, .noSiteSelected?, .unusableFile?:
            return "Nothing has been sent to Webex."
        case .changedElsewhere?:
            return "Nothing was changed on Webex: the code had been changed elsewhere."
        case .webex(.cancelled)?:
            return "The cancelled save may still have reached Webex; \(reloadHint)"
        case .webex(.api(let status, _, _, _))? where status < 500:
            return "Webex refused the last save; nothing was changed."
        case .webex(.unauthorized)?, .webex(.rateLimited)?:
            return "Webex refused the last save; nothing was changed."
        case .webex(.network(.connectionRefused, _))?, .webex(.network(.cannotResolveHost, _))?:
            return "The last save never reached Webex; nothing was changed."
        case .webex?, .journalUnavailable?:
            return "The last save failed; it may or may not have reached Webex. \(reloadHint)"
        }
    }
}
