import Foundation
import TrackingCodesCore
import WebexAPI

/// `trackcodes codes import FILE`: make a site's codes look like a file, showing the plan first.
enum CodesImportCommand {
    static let prune = Flag(
        "prune", help: "Also delete the site's codes that the file does not list")

    static let spec = CommandSpec(
        name: "import",
        summary: "Create and change a site's tracking codes from a CSV or JSON file",
        discussion: """
            Reads FILE (as 'codes export' writes it; '-' reads standard input), compares it with
            the site and prints the plan: which codes are created, changed or, with --prune,
            deleted. Then it applies the plan, deletes first, then changes, then creates. Rows
            match codes by id when the row has one from the same site, else by name (ignoring
            case). Only the name column is required; a missing column or an empty cell keeps
            what the code has (an empty options cell means no options). Rows with errors are
            listed and not sent; the others are. Every change is journaled.
            With --dry-run, prints the plan and sends nothing.
            """,
        options: [CodeOptions.site.spec, prune.spec, CodeOptions.dryRun.spec],
        positionals: [ImportFiles.file],
        action: run)

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        try invocation.refuseIfReadOnly("import tracking codes")
        let parsed = invocation.parsed
        let path = parsed.value(of: ImportFiles.file) ?? "-"
        let rows: [CodesFileRow]
        do {
            rows = try CodesFile.rows(from: try ImportFiles.read(path, invocation: invocation))
        } catch let error as ImportFileError {
            throw ImportFiles.failure(error, path: path)
        }

        let connection = try invocation.connect()
        let site = try await PreferredSite.resolve(
            parsed[CodeOptions.site], client: connection.client)
        let name = path == "-" ? "standard input" : URL(fileURLWithPath: path).lastPathComponent
        return try await JournaledWrites.withSession(invocation, on: connection) { session in
            let importer = CodesImport(
                session: session, siteUrl: site, rows: rows, prune: parsed[prune],
                title: "Import of \(name)")
            guard await importer.makePlan() else {
                throw importer.failure ?? .webex(.cancelled)
            }
            invocation.printOutput(planText(importer, style: invocation.style))

            if parsed[CodeOptions.dryRun] {
                invocation.printError("dry run: nothing was sent")
                return ImportFiles.exitCode(failures: [], invalidRows: importer.invalidCount)
            }
            guard importer.changeCount > 0 else {
                return ImportFiles.exitCode(failures: [], invalidRows: importer.invalidCount)
            }
            if let reason = importer.readOnlyReason {
                throw OperationError.readOnly(siteUrl: site, reason: reason)
            }

            let progress = ProgressLine(invocation.context.standardError, noun: "changes")
            session.onChange = { [importer] in
                progress?.show(
                    done: importer.doneCount + importer.failedCount, total: importer.changeCount)
            }
            await importer.apply()
            session.onChange = nil
            progress?.finish()

            for item in importer.items where item.needsRequest {
                report(item, invocation: invocation)
            }
            invocation.printOutput(OutputEscaping.escapingControls(importer.resultSummary + "."))
            return ImportFiles.exitCode(
                failures: importer.items.compactMap(\.error), invalidRows: importer.invalidCount)
        }
    }

    /// The rows that do something (and those with errors) as a table, then the counts.
    @MainActor
    static func planText(_ importer: CodesImport, style: TextStyle) -> String {
        let shown = importer.items.filter { $0.needsRequest || $0.isInvalid }
        var text = "Plan for \(OutputEscaping.escapingControls(importer.siteUrl)):\n"
        if !shown.isEmpty {
            let table = TextTable(
                columns: [
                    .init(header: "ACTION"), .init(header: "LINE", alignRight: true),
                    .init(header: "NAME", maxWidth: 40), .init(header: "DETAIL"),
                ],
                rows: shown.map { [$0.verb, $0.line.map(String.init) ?? "", $0.name, $0.detail] })
            text += table.render(style: style)
        }
        return text + OutputEscaping.escapingControls(importer.planSummary)
    }

    @MainActor
    private static func report(_ item: CodesImportItem, invocation: CommandInvocation) {
        let id =
            item.result?.id
            ?? {
                switch item.action {
                case .update(let before, _, _): return before.id
                case .delete(let code): return code.id
                case .create, .unchanged, .invalid: return "?"
                }
            }()
        switch item.state {
        case .done:
            let verb =
                switch item.action {
                case .create: "Created"
                case .delete: "Deleted"
                default: "Changed"
                }
            invocation.printOutput(
                OutputEscaping.escapingControls("\(verb) '\(item.name)' (id \(id))."))
        case .failed(let reason):
            invocation.printError("could not \(item.verb) '\(item.name)': \(reason)")
        case .skipped, .planned, .running:
            invocation.printError("not sent: \(item.verb) '\(item.name)'")
        }
    }
}
