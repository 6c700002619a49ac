import Foundation
import WebexAPI

/// `trackcodes codes delete ID...`: delete codes one by one and report each.
enum CodesDeleteCommand {
    static let ids = PositionalSpec("ID", count: .oneOrMore, help: "The ids of the codes to delete")

    static let spec = CommandSpec(
        name: "delete", summary: "Delete tracking codes, reporting each id",
        discussion: """
            Each id is deleted on its own; a failure for one does not stop the others, except a
            network or login failure, after which the rest are reported as not attempted.
            Users' values for a deleted code go with it. With --json, prints one result object
            per id (Webex's delete answers with no body).
            """,
        options: [CodeOptions.site.spec, CodeOptions.dryRun.spec],
        positionals: [ids],
        action: run)

    /// What happened to one id, as `--json` prints it.
    struct Outcome: Encodable {
        var id: String
        var siteUrl: String
        var deleted: Bool
        var status: Int?
        var error: String?
        var trackingId: String?
    }

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        try invocation.refuseIfReadOnly("delete tracking codes")
        let parsed = invocation.parsed
        let codeIDs = parsed.values(of: ids)
        if let repeated = codeIDs.first(where: { id in codeIDs.filter { $0 == id }.count > 1 }) {
            throw UsageError("id '\(repeated)' is given more than once", helpPath: parsed.path)
        }

        let client = try invocation.connect().client
        let site = try await PreferredSite.resolve(parsed[CodeOptions.site], client: client)
        if parsed[CodeOptions.dryRun] {
            let requests = try codeIDs.map { id in
                try client.makeRequest(for: .deleteTrackingCode(id: id, siteUrl: site))
            }
            invocation.printDryRun(requests)
            return .success
        }

        var outcomes: [Outcome] = []
        var exitCode = ExitCode.success
        for (index, id) in codeIDs.enumerated() {
            do {
                try await client.deleteTrackingCode(id: id, siteUrl: site)
                outcomes.append(Outcome(id: id, siteUrl: site, deleted: true))
                if !invocation.wantsJSON {
                    invocation.printOutput(
                        TerminalText.escapingControls("Deleted tracking code \(id) from \(site)."))
                }
            } catch {
                let message = error.errorDescription ?? "\(error)"
                outcomes.append(Outcome(
                    id: id, siteUrl: site, deleted: false, status: error.status, error: message,
                    trackingId: error.trackingId))
                invocation.printError("could not delete \(id): \(message)")
                let code = CLIFailure.exitCode(for: error)
                if code == .networkOrAuth || exitCode == .success {
                    exitCode = code
                }
                // The next request would fail the same way; say so instead of trying.
                if error.isNetworkOrAuth {
                    let rest = codeIDs[(index + 1)...]
                    if !rest.isEmpty {
                        invocation.printError("not attempted: \(rest.joined(separator: " "))")
                    }
                    break
                }
            }
        }
        if invocation.wantsJSON {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            invocation.printJSON(try encoder.encode(outcomes))
        }
        return exitCode
    }
}
