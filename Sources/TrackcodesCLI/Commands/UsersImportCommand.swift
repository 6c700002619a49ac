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
            leaves that value alone; columns that are not codes of the site are ignored, and a
            file without any code column is refused.
            Every value is checked against its code's rules before any request. Then each user's
            current values are read: a user who already has the row's values is 'unchanged' and
            nothing is sent; otherwise the full list, with the row's values merged in, is sent
            and journaled. Several users are in flight at once; 429s are waited out.
            The run ends with FILE.report.csv: the file with 'import status' and 'import detail'
            columns. Fix the rows marked 'error' and import the report itself: rows already done
            come back 'unchanged'. An interrupted import is finished the same way. If the report
            could not be written (a directory in its place, a folder that cannot be written to),
            nothing is sent.
            With --dry-run, reads and compares but sends no change; its report is
            FILE.dry-run.report.csv, so the report of a real import is kept.
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
        let dryRun = parsed[CodeOptions.dryRun]
        let reportURL = UsersImport.reportURL(for: fileURL, dryRun: dryRun)
        do throws(FileProblem) {
            try UsersImport.checkReportCanBeWritten(to: reportURL)
        } catch {
            throw CLIFailure(
                "cannot write the report \(error). Nothing was sent: fix that, or import a copy "
                    + "of the file from a folder you can write to.",
                exitCode: .apiError)
        }

        let connection = try invocation.connect()
        let site = try await PreferredSite.resolve(
            parsed[CodeOptions.site], client: connection.client)
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
                if case .unusableFile(let problem)? = importer.failure {
                    throw ImportFiles.failure(problem, path: path)
                }
                throw importer.failure ?? .webex(.cancelled)
            }
            invocation.printOutput(OutputEscaping.escapingControls(heading(importer, path: path)))

            let progress = ProgressLine(invocation.context.standardError, noun: "users")
            session.onChange = { [importer] in
                progress?.show(done: importer.finishedCount, total: importer.rows.count)
            }
            let interrupt = GentleInterrupt { [importer] in
                Task { @MainActor in importer.cancel() }
                invocation.context.standardError.write(
                    "\nStopping: no new requests; those in flight finish. "
                        + "Ctrl-C again quits at once.\n")
            }
            await importer.run(dryRun: dryRun)
            interrupt.remove()
            session.onChange = nil
            progress?.finish()
            if let failure = importer.failure { throw failure }

            // Rows a cancel left unstarted are counted in the summary and listed in the report.
            for row in importer.rows
            where row.status != .unchanged && row.status != .changed && row.status != .skipped {
                invocation.printOutput(
                    OutputEscaping.escapingControls(
                        "line \(row.line) \(row.subject): \(row.status.reportText): \(row.detail)"))
            }
            invocation.printOutput(OutputEscaping.escapingControls(importer.summary + "."))
            let reportWritten = writeReport(of: importer, to: reportURL, invocation: invocation)
            if dryRun { invocation.printError("dry run: nothing was sent") }
            let failures = importer.rows.filter { $0.status == .failed }.compactMap(\.error)
            let code = ImportFiles.exitCode(
                failures: failures, invalidRows: importer.count(.invalid))
            if importer.isCancelled { return GentleInterrupt.exitCode }
            // A missing report is a failure a script must see: the run's record is lost.
            return reportWritten || code == .networkOrAuth ? code : .apiError
        }
    }

    /// Writes the report and names it; when that fails, says why and what the run did anyway.
    @MainActor
    private static func writeReport(
        of importer: UsersImport, to url: URL, invocation: CommandInvocation
    ) -> Bool {
        do throws(FileProblem) {
            try importer.writeReport(to: url)
            invocation.printOutput(OutputEscaping.escapingControls("Report: \(url.path)"))
            return true
        } catch {
            let changed = importer.count(.changed)
            let done =
                importer.isDryRun || changed == 0
                ? "" : "; the changes were made all the same: \(CountedNoun.text(changed, "user")) "
                    + "changed (their old values are in the journal)"
            invocation.printError("could not write the report \(error)\(done)")
            return false
        }
    }

    /// "users.csv: 40 rows for acme.webex.com; codes Department, Division; ignored: Note"
    @MainActor
    static func heading(_ importer: UsersImport, path: String) -> String {
        // Preparing refuses a file without code columns, so there is at least one.
        let codes = importer.layout?.codeColumns.map(\.code.name) ?? []
        let rows = CountedNoun.text(importer.rows.count, "row")
        var text = "\(path): \(rows) for \(importer.siteUrl); codes " + codes.joined(separator: ", ")
        if !importer.ignoredColumns.isEmpty {
            text += "; ignored: " + importer.ignoredColumns.joined(separator: ", ")
        }
        return text
    }
}
