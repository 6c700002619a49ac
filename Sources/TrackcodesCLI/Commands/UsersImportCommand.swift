import Foundation
import TrackingCodesCore
import WebexAPI

/// `trackcodes users import FILE`: set many users' values, then write a report beside FILE.
enum UsersImportCommand {
    static let spec = CommandSpec(
        name: "import", summary: "Set many users' tracking code values from a CSV or TSV file",
        discussion: """
            FILE has one row per user, named by an email or personId column, and one column per
            tracking code (the header is the code's name). UTF-8 CSV (with or without BOM) and
            the UTF-16 tab-separated files Control Hub exports are both read. An empty cell
            leaves that value alone; columns that are not codes of the site are ignored.
            Every value is checked against its code's rules before any request. Then each user's
            current values are read: a user who already has the row's values is 'unchanged' and
            nothing is sent; otherwise the full list, with the row's values merged in, is sent
            and journaled. Several users are in flight at once; 429s are waited out.
            The run ends with FILE.report.csv: the file with 'import status' and 'import detail'
            columns. Fix the rows marked 'error' and import the report itself: rows already done
            come back 'unchanged'. An interrupted import is finished the same way.
            With --dry-run, reads and compares but sends no change.
            """,
        options: [CodeOptions.site.spec, CodeOptions.dryRun.spec],
        positionals: [ImportFiles.file],
        action: run)

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        try invocation.refuseIfReadOnly("import users' tracking codes")
        let parsed = invocation.parsed
        let path = parsed.value(of: ImportFiles.file) ?? ""
        let table: DelimitedTable
        do {
            let data = try ImportFiles.read(path, invocation: invocation, allowStandardInput: false)
            table = try DelimitedTable.parse(try TextFileDecoding.decode(data).text)
        } catch let error as ImportFileError {
            throw ImportFiles.failure(error, path: path)
        }
        let fileURL = URL(fileURLWithPath: path)
        let reportURL = fileURL.deletingLastPathComponent()
            .appendingPathComponent(fileURL.lastPathComponent + ".report.csv")

        let connection = try invocation.connect()
        let site = try await PreferredSite.resolve(
            parsed[CodeOptions.site], client: connection.client)
        let dryRun = parsed[CodeOptions.dryRun]
        return try await JournaledWrites.withSession(invocation, on: connection) { session in
            let importer: UsersImport
            do throws(ImportFileError) {
                importer = try UsersImport(
                    session: session, siteUrl: site, table: table,
                    title: "Import of \(fileURL.lastPathComponent)")
            } catch {
                throw ImportFiles.failure(error, path: path)
            }
            if !dryRun, let reason = importer.readOnlyReason {
                throw OperationError.readOnly(siteUrl: site, reason: reason)
            }
            guard await importer.prepare() else {
                throw importer.failure ?? .webex(.cancelled)
            }
            invocation.printOutput(OutputEscaping.escapingControls(heading(importer, path: path)))

            let progress = ProgressLine(invocation.context.standardError, noun: "users")
            session.onChange = { [importer] in
                progress?.show(done: importer.finishedCount, total: importer.rows.count)
            }
            await importer.run(dryRun: dryRun)
            session.onChange = nil
            progress?.finish()
            if let failure = importer.failure { throw failure }

            for row in importer.rows where row.status != .unchanged && row.status != .changed {
                invocation.printOutput(
                    OutputEscaping.escapingControls(
                        "line \(row.line) \(row.subject): \(row.status.reportText): \(row.detail)"))
            }
            invocation.printOutput(OutputEscaping.escapingControls(importer.summary + "."))
            do {
                try importer.writeReport(to: reportURL)
                invocation.printOutput(OutputEscaping.escapingControls("Report: \(reportURL.path)"))
            } catch {
                invocation.printError("could not write the report: \(error)")
            }
            if dryRun { invocation.printError("dry run: nothing was sent") }
            let failures = importer.rows.filter { $0.status == .failed }.compactMap(\.error)
            return ImportFiles.exitCode(failures: failures, invalidRows: importer.count(.invalid))
        }
    }

    /// "users.csv: 40 rows for acme.webex.com; codes Department, Division; ignored: Note"
    @MainActor
    static func heading(_ importer: UsersImport, path: String) -> String {
        let codes = importer.layout?.codeColumns.map(\.code.name) ?? []
        let rows = CountedNoun.text(importer.rows.count, "row")
        var text = "\(path): \(rows) for \(importer.siteUrl); "
        text +=
            codes.isEmpty
            ? "no column names a tracking code of the site"
            : "codes " + codes.joined(separator: ", ")
        if !importer.ignoredColumns.isEmpty {
            text += "; ignored: " + importer.ignoredColumns.joined(separator: ", ")
        }
        return text
    }
}
