import Foundation
import WebexAPI

/// One thing the user changed, with full objects before and after, so it can be undone and redone.
public enum Change: Hashable, Sendable {
    case created(TrackingCode)
    case updated(before: TrackingCode, after: TrackingCode)
    case deleted(TrackingCode)
    /// A bulk delete: one step in the history however many codes it removed.
    case bulkDeleted([TrackingCode])
    /// A user's values on one site. Items are matched by code name, as Webex does.
    case userValuesChanged(
        user: UserReference, before: [UserTrackingCodeAssignment], after: [UserTrackingCodeAssignment])
    /// Changes made together, such as an import: one step in the history. `changes` are in the
    /// order they were made; undo reverts them newest first.
    case grouped(title: String, changes: [Change])

    /// What happened, in a few words for the history list.
    public var summary: String {
        switch self {
        case .created(let code):
            "Created '\(code.name)'"
        case .updated(let before, let after):
            before.name == after.name
                ? "Edited '\(after.name)'"
                : "Edited '\(before.name)' (now '\(after.name)')"
        case .deleted(let code):
            "Deleted '\(code.name)'"
        case .bulkDeleted(let codes):
            codes.count == 1 ? "Deleted '\(codes[0].name)' (bulk)" : "Deleted \(codes.count) codes"
        case .userValuesChanged(let user, let before, let after):
            "Changed "
                + CountedNoun.text(
                    UserValueDiff(before: before, after: after).changedNames.count, "value")
                + " of \(user)"
        case .grouped(let title, let changes):
            "\(title) (\(CountedNoun.text(changes.count, "change")))"
        }
    }
}

/// One entry of the history: the change, when, and on which site.
public struct HistoryEntry: Identifiable, Hashable, Sendable {
    public let id: Int
    public var change: Change
    public let at: Date
    public let siteUrl: String

    public var summary: String { change.summary }
}

/// Which of a user's values a change touched, compared by code name.
struct UserValueDiff {
    let before: [String: String]
    let after: [String: String]

    init(before: [UserTrackingCodeAssignment], after: [UserTrackingCodeAssignment]) {
        self.before = Dictionary(before.map { ($0.name, $0.value) }) { first, _ in first }
        self.after = Dictionary(after.map { ($0.name, $0.value) }) { first, _ in first }
    }

    /// Names whose value differs (including newly set ones), sorted.
    var changedNames: [String] {
        after.keys.filter { before[$0] != after[$0] }.sorted()
    }

    /// Names that had no value before: Webex cannot unset them again.
    var newlySetNames: [String] {
        after.keys.filter { before[$0] == nil }.sorted()
    }
}
