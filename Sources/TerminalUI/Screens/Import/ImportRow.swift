import TrackingCodesCore
import WebexAPI

/// One row of the import pane's table, in words: the file's line, the code or user, what
/// happens (or happened) to it, and why.
struct ImportRow: Hashable, Sendable {
    var line: String
    var subject: String
    var status: String
    var detail: String
    /// An error the user has to act on: shown in the error style under the table.
    var isProblem: Bool

    /// The rows of a codes import: the plan before applying, the results after.
    @MainActor
    static func rows(of codes: CodesImport) -> [ImportRow] {
        codes.items.map { item in
            var row = ImportRow(
                line: item.line.map(String.init) ?? "", subject: item.name,
                status: planWord(item), detail: item.detail, isProblem: item.isInvalid)
            switch item.state {
            case .planned: break
            case .running: row.status = "sending…"
            case .done: row.status = doneWord(item)
            case .failed(let reason):
                row.status = "failed"
                row.detail = reason
                row.isProblem = true
            case .skipped: row.status = "not sent"
            }
            return row
        }
    }

    /// The rows of a users import: a dry run's preview, or a run's results.
    @MainActor
    static func rows(of users: UsersImport) -> [ImportRow] {
        users.rows.map { row in
            ImportRow(
                line: String(row.line),
                subject: row.subject,
                status: word(for: row.status), detail: row.detail,
                isProblem: row.status == .invalid || row.status == .failed)
        }
    }

    private static func planWord(_ item: CodesImportItem) -> String {
        switch item.action {
        case .create: "create"
        case .update: "change"
        case .unchanged: "unchanged"
        case .delete: "delete"
        case .invalid: "invalid"
        }
    }

    private static func doneWord(_ item: CodesImportItem) -> String {
        switch item.action {
        case .create: "created"
        case .update: "changed"
        case .delete: "deleted"
        case .unchanged: "unchanged"
        case .invalid: "invalid"
        }
    }

    private static func word(for status: UsersImportRow.Status) -> String {
        switch status {
        case .pending: "waiting"
        case .running: "working…"
        case .changed: "changed"
        case .unchanged: "unchanged"
        case .wouldChange: "would change"
        case .invalid: "invalid"
        case .failed: "failed"
        case .skipped: "not run"
        }
    }
}
