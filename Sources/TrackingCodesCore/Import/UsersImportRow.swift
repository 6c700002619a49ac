import WebexAPI

/// One row of a users import: who, which values, and what became of it.
public struct UsersImportRow: Identifiable, Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case pending
        case running
        /// Webex now holds the row's values; `changedNames` says which were new.
        case changed
        /// The user already had every value of the row; nothing was sent.
        case unchanged
        /// A dry run found values to change; nothing was sent.
        case wouldChange
        /// Refused before any write: no user, a repeated user, or a value the code's rules
        /// refuse.
        case invalid
        /// The request failed; `detail` and `error` say why.
        case failed
        /// Not started because the import was cancelled.
        case skipped

        /// The word in the report's `import status` column.
        public var reportText: String {
            switch self {
            case .pending, .running: "not run"
            case .changed: "changed"
            case .unchanged: "unchanged"
            case .wouldChange: "would change"
            case .invalid, .failed: "error"
            case .skipped: "not run"
            }
        }

        /// True once the row will not move any more.
        public var isFinal: Bool { self != .pending && self != .running }
    }

    /// Position in the file's rows.
    public let id: Int
    /// The line of the file where the row starts.
    public let line: Int
    /// The row as read, for the report.
    public let cells: [String]
    public var user: UserReference?
    /// The values the row sets (its filled-in code cells), in site order.
    public var values: [UserTrackingCodeAssignment]
    public var status: Status = .pending
    /// Codes whose value changed (or would), in site order.
    public var changedNames: [String] = []
    /// What changed ("Department: Sales → Design"), or why the row failed.
    public var detail = ""
    public var error: OperationError?
}
