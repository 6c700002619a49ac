import Foundation
import TrackingCodesCore
import WebexAPI

/// `trackcodes users export|import`: many users' tracking code values as a table.
enum UsersCommands {
    static let emails = SingleOption(
        "emails", value: "FILE",
        help: "The users to export: one email or personId per line, or a CSV with an email column")

    static let group = CommandSpec(
        name: "users", summary: "Export and import many users' tracking code values as CSV",
        subcommands: [export, UsersImportCommand.spec])

    static let export = CommandSpec(
        name: "export",
        summary: "Write the values of the users in a file as CSV to standard output",
        discussion: """
            Webex has no call that lists a site's users, so name them with --emails FILE: one
            email address (or personId) per line, or any CSV or Control Hub export with an email
            or personId column. The output has email and personId columns and one column per
            tracking code of the site; edit it and bring it back with 'users import'. Users
            that cannot be read are named on standard error and left out.
            """,
        options: [CodeOptions.site.spec, emails.spec],
        action: runExport)

    static func runExport(_ invocation: CommandInvocation) async throws -> ExitCode {
        let parsed = invocation.parsed
        guard let path = parsed[emails] else {
            throw UsageError(
                "Webex cannot list a site's users, so say whose values to export with "
                    + "--emails FILE (one email address or personId per line, "
                    + "or a CSV with an email column)",
                helpPath: parsed.path)
        }
        let users: [UserReference]
        do {
            users = try UserList.users(from: try ImportFiles.read(path, invocation: invocation))
        } catch let error as ImportFileError {
            throw ImportFiles.failure(error, path: path)
        }
        guard !users.isEmpty else {
            throw CLIFailure.invalidInput(
                "\(path) names no users: put one email address or personId per line")
        }

        let connection = try invocation.connect()
        let site = try await PreferredSite.resolve(
            parsed[CodeOptions.site], client: connection.client)
        return try await JournaledWrites.withSession(invocation, on: connection) { session in
            let export = UsersExport(session: session, siteUrl: site, users: users)
            let progress = ProgressLine(invocation.context.standardError, noun: "users")
            session.onChange = { [export] in
                progress?.show(done: export.finishedCount, total: export.rows.count)
            }
            await export.run()
            session.onChange = nil
            progress?.finish()
            if let failure = export.failure { throw failure }

            ImportFiles.printFile(export.table.rendered(), invocation: invocation)
            for row in export.failedRows {
                invocation.printError(
                    "could not read \(row.user): \(row.error?.errorDescription ?? "unknown error")")
            }
            return ImportFiles.exitCode(
                failures: export.failedRows.compactMap(\.error), invalidRows: 0)
        }
    }
}
