import Foundation
import WebexAPI

/// Sets many users' tracking code values from a table: check, then run, then report.
///
/// 1. `prepare()` reads the site's codes, maps the file's columns to them and checks every
///    value against the code's rules (`TrackingCodeRules.userValueViolation`) before any user
///    request. Rows that fail are `invalid` and never sent.
/// 2. `run()` works through the rows with at most `concurrency` requests in flight. For each
///    user it reads the current values first; when the row sets nothing new, the row is
///    `unchanged` and nothing is sent. Otherwise it sends the user's full list (current values
///    with the row's on top) through `JournaledWriter`. 429s are retried by the client as
///    Webex asks. `run(dryRun: true)` reads and compares but sends no write.
/// 3. Every row ends with a status; `reportTable` is the file with `import status` and
///    `import detail` columns added, so failed rows can be fixed and the report imported again
///    (rows already done come back `unchanged`).
///
/// Twice as many rows as `concurrency` are in progress at once, while `RequestSlots` keeps the
/// requests to `concurrency`: a row also waits for the journal's fsync before and after its
/// write, and if it held its slot meanwhile fewer than `concurrency` requests would be at Webex.
///
/// `cancel()` stops starting rows, and rows whose next request has not started; requests in
/// flight finish. The changes of a run are one step in the undo history. A read-only site can
/// be prepared and dry-run, not run.
@MainActor
public final class UsersImport {
    public enum Phase: Hashable, Sendable {
        case notPrepared, preparing, prepared, running, finished
    }

    public let session: Session
    public let siteUrl: String
    public let table: DelimitedTable
    public let concurrency: Int
    /// The name of the undo step ("Import of users.csv").
    public let title: String

    public private(set) var phase: Phase = .notPrepared
    /// The site's codes, in site order, once prepared.
    public private(set) var codes: [TrackingCode] = []
    public private(set) var layout: UsersFile.Layout?
    public private(set) var rows: [UsersImportRow] = []
    /// Why the import could not be prepared, or why the run was refused as a whole.
    public private(set) var failure: OperationError?
    public private(set) var isDryRun = false
    public private(set) var isCancelled = false
    public private(set) var revision = 0
    /// The run's in-flight limit; set while it runs.
    private var requests: RequestSlots?
    /// Which row owns each user Webex named in its answers ("person:ID"), this run.
    private var userOwners: [String: Int] = [:]

    /// Throws when the table names no user column, or names a column twice.
    public init(
        session: Session, siteUrl: String, table: DelimitedTable,
        title: String = "Import of user values",
        concurrency: Int? = nil
    ) throws(ImportFileError) {
        _ = try UsersFile.userColumns(of: table)
        self.session = session
        self.siteUrl = siteUrl
        self.table = table
        self.title = title
        self.concurrency = max(1, concurrency ?? session.settings.defaultConcurrency)
    }

    // MARK: - What a screen reads

    public var isBusy: Bool { session.activity.isBusy(self) }
    public var readOnlyReason: String? { session.readOnlyReason(for: siteUrl) }
    /// Headers that set nothing: not a user column and not a code of the site.
    public var ignoredColumns: [String] { layout?.ignoredColumns ?? [] }

    public func count(_ status: UsersImportRow.Status) -> Int { rows.count { $0.status == status } }
    public var finishedCount: Int { rows.count { $0.status.isFinal } }
    /// Requests at Webex right now (at most `concurrency`).
    public var inFlightCount: Int { requests?.inFlight ?? 0 }
    /// 0...1 over all rows, for a progress bar.
    public var progress: Double { rows.isEmpty ? 1 : Double(finishedCount) / Double(rows.count) }
    public var errorRows: [UsersImportRow] {
        rows.filter { $0.status == .invalid || $0.status == .failed }
    }

    /// "2,000 rows: 12 changed, 1,988 unchanged, 0 with errors", with dry-run and cancel wording.
    public var summary: String {
        let number = CountedNoun.number
        var parts: [String] = []
        if isDryRun {
            parts.append("\(number(count(.wouldChange))) would change")
        } else {
            parts.append("\(number(count(.changed))) changed")
        }
        parts.append("\(number(count(.unchanged))) unchanged")
        parts.append("\(number(errorRows.count)) with errors")
        if count(.skipped) > 0 { parts.append("\(number(count(.skipped))) not run (cancelled)") }
        if rows.contains(where: { !$0.status.isFinal }) {
            parts.append("\(number(rows.count - finishedCount)) waiting")
        }
        return CountedNoun.text(rows.count, "row") + ": " + parts.joined(separator: ", ")
    }

    // MARK: - Prepare

    /// Reads the site's codes and checks every row. Sends nothing about users. Fails, with
    /// `failure` saying why, when Webex does not answer or no column names a code of the site.
    @discardableResult
    public func prepare() async -> Bool {
        guard phase == .notPrepared else { return phase == .prepared }
        phase = .preparing
        changed()
        switch await session.loadCodes(of: siteUrl, for: self) {
        case .success(let codes):
            self.codes = codes
            // The user columns were checked in init; the layout cannot fail after that.
            let layout =
                (try? UsersFile.layout(of: table, codes: codes))
                ?? UsersFile.Layout(
                    emailColumn: nil, personIdColumn: nil, codeColumns: [], ignoredColumns: [])
            self.layout = layout
            guard !layout.codeColumns.isEmpty else {
                // Every row would come back unchanged, which reads as success: say it instead.
                // A screen shows it with the file, like the file's other problems.
                let problem = ImportFileError.noCodeColumns(
                    siteUrl: siteUrl, ignored: layout.ignoredColumns, codes: codes.map(\.name))
                failure = .unusableFile(problem)
                phase = .notPrepared
                changed()
                return false
            }
            rows = Self.checkedRows(table, layout: layout, codes: codes)
            phase = .prepared
            changed()
            return true
        case .failure(let error):
            failure = .webex(error)
            phase = .notPrepared
            session.report(.webex(error), doing: "Could not read the codes of \(siteUrl)")
            changed()
            return false
        }
    }

    static func checkedRows(
        _ table: DelimitedTable, layout: UsersFile.Layout, codes: [TrackingCode]
    ) -> [UsersImportRow] {
        var firstLine: [String: Int] = [:]
        let siteOrder = Dictionary(codes.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let columns = layout.codeColumns.sorted {
            (siteOrder[$0.code.id] ?? 0) < (siteOrder[$1.code.id] ?? 0)
        }

        return table.records.enumerated().map { index, record in
            let user = UsersFile.user(in: record, layout: layout)
            var values: [UserTrackingCodeAssignment] = []
            var problems: [String] = []
            for column in columns where !record[column.column].isEmpty {
                let value = record[column.column]
                if let problem = TrackingCodeRules.userValueViolation(value, for: column.code) {
                    problems.append(problem)
                }
                values.append(
                    UserTrackingCodeAssignment(
                        name: column.code.name,
                        value: TrackingCodeRules.optionSpelling(of: value, for: column.code)))
            }
            if let problem = record.overflowProblem(columns: table.header.count) {
                problems.append(problem)
            }
            if let user {
                if let first = firstLine[UsersFile.key(of: user)] {
                    problems.insert(
                        "line \(first) names the same user; keep one row per user", at: 0)
                } else {
                    firstLine[UsersFile.key(of: user)] = record.line
                }
            } else {
                problems.insert("the row has no email or personId", at: 0)
            }

            var row = UsersImportRow(
                id: index, line: record.line, cells: record.cells, user: user, values: values)
            row.email = layout.emailColumn.map { UsersFile.trimmed(record[$0]) }
                .flatMap { $0.isEmpty ? nil : $0 }
            if !problems.isEmpty {
                row.status = .invalid
                row.detail = problems.joined(separator: "; ")
                row.error = .invalidUserValues(problems)
            } else if values.isEmpty {
                row.status = .unchanged
                row.detail = "no values in this row"
            }
            return row
        }
    }

    // MARK: - Run

    /// Works through the rows. Returns true when every row ended changed, unchanged or (dry
    /// run) would change.
    @discardableResult
    public func run(dryRun: Bool = false) async -> Bool {
        guard phase == .prepared else { return false }
        if !dryRun, let reason = readOnlyReason {
            failure = .readOnly(siteUrl: siteUrl, reason: reason)
            session.report(.readOnly(siteUrl: siteUrl, reason: reason), doing: "Import refused")
            changed()
            return false
        }
        isDryRun = dryRun
        phase = .running
        changed()

        let pending = rows.indices.filter { rows[$0].status == .pending }
        var made: [Int: Change] = [:]
        let requests = RequestSlots(limit: concurrency)
        self.requests = requests
        await session.activity.run(for: self) { [self] in
            await BoundedConcurrency.run(
                count: pending.count, limit: requests.rowsInProgress,
                shouldStart: { [self] in !isCancelled }
            ) { [self] position in
                let change = await process(rowAt: pending[position], requests: requests)
                if let change, session.keepsUndoHistory {
                    made[pending[position]] = change
                }
            }
        }

        for index in rows.indices where rows[index].status == .pending {
            rows[index].status = .skipped
            rows[index].detail = "not started: the import was cancelled"
        }
        phase = .finished
        let changes = made.keys.sorted().compactMap { made[$0] }
        if !changes.isEmpty {
            session.history.record(.grouped(title: title, changes: changes), siteUrl: siteUrl)
        }
        let clean = errorRows.isEmpty && count(.skipped) == 0
        session.report(
            summary + ".", severity: clean ? .success : (errorRows.isEmpty ? .warning : .error))
        changed()
        return clean
    }

    /// Stops starting rows and requests; requests in flight finish (Esc on the progress screen).
    public func cancel() {
        guard phase == .running, !isCancelled else { return }
        isCancelled = true
        requests?.close()
        changed()
    }

    /// Reads, compares and (unless a dry run) writes one user, each request in one of
    /// `requests`. Returns the change made.
    private func process(rowAt index: Int, requests: RequestSlots) async -> Change? {
        guard let user = rows[index].user else { return nil }
        // Cancelled while waiting: nothing was sent, and the row stays pending (then skipped).
        guard await requests.acquire() else { return nil }
        rows[index].status = .running
        changed()

        let current: UserTrackingCodes
        do throws(WebexError) {
            defer { requests.release() }
            current = try await session.client.userTrackingCodes(for: user, siteUrl: siteUrl)
        } catch {
            finish(index, failing: .webex(error), sent: false)
            return nil
        }

        // Two rows can name one user without the file showing it (one by email, one by
        // personId): run concurrently, the second write would undo the first's values while
        // both report "changed". Webex's answer names the user; the first row to read it owns it.
        // Only a file with both columns can do this (`checkedRows` catches the rest), so only
        // such a file pays for remembering every user (about 1 MB per 10,000 rows).
        let namesUsersBothWays = layout?.emailColumn != nil && layout?.personIdColumn != nil
        if namesUsersBothWays,
            let owner = current.personId.map({ "person:" + $0 })
                ?? current.email.map({ "email:" + $0.lowercased() })
        {
            if let first = userOwners[owner], first != index {
                let problem =
                    "line \(rows[first].line) names the same user; keep one row per user"
                rows[index].error = .invalidUserValues([problem])
                finish(index, .invalid, detail: problem)
                return nil
            }
            userOwners[owner] = index
        }

        let row = rows[index]
        let changedValues = row.values.filter { value in
            !(current.value(named: value.name).map {
                TrackingCodeRules.sameSpelling($0, value.value)
            } ?? false)
        }
        guard !changedValues.isEmpty else {
            finish(index, .unchanged, detail: "already has these values")
            return nil
        }
        let (merged, stale) = Self.merge(row.values, into: current, codes: codes)
        guard stale.isEmpty else {
            rows[index].error = .invalidUserValues(stale)
            finish(index, .invalid, detail: stale.joined(separator: "; "))
            return nil
        }
        rows[index].changedNames = changedValues.map(\.name)
        let detail = changedValues.map {
            "\($0.name): \(current.value(named: $0.name) ?? "(none)") → \($0.value)"
        }
        .joined(separator: "; ")
        if isDryRun {
            finish(index, .wouldChange, detail: detail)
            return nil
        }

        let update = UserTrackingCodesUpdate(siteUrl: siteUrl, user: user, trackingCodes: merged)
        do throws(OperationError) {
            let sent = try await session.writer.updateUserValues(
                update, before: current, in: requests)
            guard sent != nil else {
                finish(index, failing: .webex(.cancelled), sent: false)
                return nil
            }
        } catch {
            finish(index, failing: error, sent: true)
            return nil
        }
        finish(index, .changed, detail: detail)
        let before = codes.compactMap { code in
            current.value(named: code.name).map {
                UserTrackingCodeAssignment(name: code.name, value: $0)
            }
        }
        return .userValuesChanged(user: user, before: before, after: merged)
    }

    /// The user's full list after the row: the row's values, and the current values of the codes
    /// the row leaves alone, in site order. `stale` holds current values the code's rules now
    /// refuse: sending them back would make Webex refuse the whole list.
    static func merge(
        _ values: [UserTrackingCodeAssignment], into current: UserTrackingCodes,
        codes: [TrackingCode]
    ) -> (merged: [UserTrackingCodeAssignment], stale: [String]) {
        let fromRow = Dictionary(values.map { ($0.name, $0.value) }) { first, _ in first }
        var merged: [UserTrackingCodeAssignment] = []
        var stale: [String] = []
        for code in codes {
            if let value = fromRow[code.name] {
                merged.append(UserTrackingCodeAssignment(name: code.name, value: value))
            } else if let value = current.value(named: code.name) {
                if let problem = TrackingCodeRules.userValueViolation(value, for: code) {
                    stale.append(
                        "the user's current value of '\(code.name)' is no longer accepted "
                            + "(\(problem)); add a '\(code.name)' column with a valid value")
                }
                merged.append(UserTrackingCodeAssignment(name: code.name, value: value))
            }
        }
        return (merged, stale)
    }

    private func finish(_ index: Int, _ status: UsersImportRow.Status, detail: String) {
        rows[index].status = status
        rows[index].detail = detail
        changed()
    }

    private func finish(_ index: Int, failing error: OperationError, sent: Bool) {
        rows[index].error = error
        if error.isCancelled, !sent {
            finish(
                index, .skipped,
                detail: "not finished: the import was cancelled before the user was changed")
        } else if error.isCancelled {
            finish(
                index, .failed,
                detail: "cancelled while the change was sent; it may or may not have been made. "
                    + "Import the file again to check: rows already done come back unchanged")
        } else {
            finish(index, .failed, detail: error.localizedDescription)
        }
    }

    // MARK: - Report

    /// The file as read, with `import status` and `import detail` filled in for every row
    /// (columns added, or reused when the file is itself a report).
    public var reportTable: DelimitedTable {
        let layout = reportLayout
        let records = table.records.indices.map { index in
            DelimitedTable.Record(
                line: table.records[index].line, cells: reportCells(ofRecord: index, in: layout))
        }
        return DelimitedTable(header: layout.header, records: records)
    }

    /// Where the import of `file` writes its report: `FILE.report.csv` beside it, and for a dry
    /// run `FILE.dry-run.report.csv`, so that a dry run never replaces the report of a real
    /// import (the only record of the values it replaced).
    public nonisolated static func reportURL(for file: URL, dryRun: Bool) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(
            file.lastPathComponent + (dryRun ? ".dry-run.report.csv" : ".report.csv"))
    }

    /// Throws what would stop `writeReport(to:)` from writing `url`: a directory in its place,
    /// a missing or unwritable folder, a name too long. Checked before an import sends anything,
    /// so that changes are never made without their report.
    public nonisolated static func checkReportCanBeWritten(to url: URL) throws(FileProblem) {
        try OwnerOnlyFiles.checkReplaceable(url)
    }

    /// Writes `reportTable` as CSV to `url`, replacing it in one step, a row at a time: with
    /// 10,000 rows, building the whole table and its text first cost several MB at the very end
    /// of the import. The file is created with mode 0600 because it holds user emails; the
    /// directory is left as it is (it is the user's own).
    public func writeReport(to url: URL) throws(FileProblem) {
        let layout = reportLayout
        try OwnerOnlyFiles.replaceStreaming(url) { emit throws(FileProblem) in
            var pending = DelimitedTable.line(layout.header)
            for index in table.records.indices {
                pending += DelimitedTable.line(reportCells(ofRecord: index, in: layout))
                if pending.utf8.count >= 64 * 1024 {
                    try emit(Data(pending.utf8))
                    pending = ""
                }
            }
            try emit(Data(pending.utf8))
        }
    }

    /// The report's header, and where its status and detail columns are.
    private typealias ReportLayout = (header: [String], status: Int, detail: Int)

    private var reportLayout: ReportLayout {
        var header = table.header
        let status =
            table.column(named: [UsersFile.statusHeader])
            ?? {
                header.append(UsersFile.statusHeader)
                return header.count - 1
            }()
        let detail =
            table.column(named: [UsersFile.detailHeader])
            ?? {
                header.append(UsersFile.detailHeader)
                return header.count - 1
            }()
        return (header, status, detail)
    }

    private func reportCells(ofRecord index: Int, in layout: ReportLayout) -> [String] {
        let record = table.records[index]
        var cells =
            record.cells
            + Array(repeating: "", count: max(0, layout.header.count - record.cells.count))
        let row = rows.indices.contains(index) ? rows[index] : nil
        cells[layout.status] = row?.status.reportText ?? "not run"
        cells[layout.detail] = row?.detail ?? ""
        return cells
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
