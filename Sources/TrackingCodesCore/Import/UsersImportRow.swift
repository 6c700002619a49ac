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
    /// The user the request names (the personId when the row has one, as Webex lets it win).
    public var user: UserReference?
    /// The row's email cell, when filled in: how messages name the row even when the request
    /// goes by personId, since an email is what a person recognises.
    public var email: String?
    /// The values the row sets (its filled-in code cells), in site order.
    public var values: [UserTrackingCodeAssignment]
    public var status: Status = .pending
    /// Codes whose value changed (or would), in site order.
    public var changedNames: [String] {
        get { changedSubset ?? values.map(\.name) }
        set { changedSubset = newValue == values.map(\.name) ? nil : newValue }
    }
    /// The changed names, or nil for "every value of the row": most rows change every value
    /// they set, and then no copy of the names is kept (an array per row, 0.8 MB for 10,000).
    private var changedSubset: [String]? = []

    public init(
        id: Int, line: Int, cells: [String], user: UserReference?,
        values: [UserTrackingCodeAssignment]
    ) {
        self.id = id
        self.line = line
        self.cells = cells
        self.user = user
        self.values = values
    }
    /// What changed ("Department: Sales → Design"), or why the row failed.
    public var detail = ""
    public var error: OperationError?

    /// How messages and listings name the row: its email, else its personId, else
    /// "(no user)".
    public var subject: String {
        email ?? user.map(String.init(describing:)) ?? "(no user)"
    }
}
