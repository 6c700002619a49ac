import Foundation
import TrackingCodesCore
import WebexAPI

/// `trackcodes codes delete ID...`: delete codes one by one and report each.
enum CodesDeleteCommand {
    static let ids = PositionalSpec("ID", count: .oneOrMore, help: "The ids of the codes to delete")

    static let spec = CommandSpec(
        name: "delete", summary: "Delete tracking codes, reporting each id",
        discussion: """
            Each id is deleted on its own; a failure for one does not stop the others, except a
            network or login failure, after which the rest are reported as not attempted.
            Users' values for a deleted code go with it. Each code is read first and kept whole
            in the journal, so 'trackcodes journal' can bring it back. With --json, prints one
            result object per id (Webex's delete answers with no body).
            """,
        options: [CodeOptions.site.spec, CodeOptions.dryRun.spec],
        positionals: [ids],
        action: run)

    /// What happened to one id, as `--json` prints it.
    struct Outcome: Encodable, Sendable {
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

        let connection = try invocation.connect()
        let client = connection.client
        let site = try await PreferredSite.resolve(parsed[CodeOptions.site], client: client)
        if parsed[CodeOptions.dryRun] {
            let requests = try codeIDs.map { id in
                try client.makeRequest(for: .deleteTrackingCode(id: id, siteUrl: site))
            }
            invocation.printDryRun(requests)
            return .success
        }

        let (outcomes, exitCode) = try await JournaledWrites.perform(invocation, on: connection) {
            await deleteEach(codeIDs, site: site, client: client, writer: $0, invocation: invocation)
        }
        if invocation.wantsJSON {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            invocation.printJSON(try encoder.encode(outcomes))
        }
        return exitCode
    }

    /// Fetches each code (the journal keeps the whole object), then deletes it through the
    /// writer. Stops early when the next attempt would fail the same way.
    @MainActor
    private static func deleteEach(
        _ codeIDs: [String], site: String, client: WebexClient, writer: JournaledWriter,
        invocation: CommandInvocation
    ) async -> ([Outcome], ExitCode) {
        var outcomes: [Outcome] = []
        var exitCode = ExitCode.success
        for (index, id) in codeIDs.enumerated() {
            do throws(OperationError) {
                let code: TrackingCode
                do throws(WebexError) {
                    code = try await client.trackingCode(id: id, siteUrl: site)
                } catch {
                    throw .webex(error)
                }
                try await writer.delete(code)
                outcomes.append(Outcome(id: id, siteUrl: site, deleted: true))
                if !invocation.wantsJSON {
                    invocation.printOutput(OutputEscaping.escapingControls(
                        "Deleted tracking code \(id) '\(code.name)' from \(site)."))
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
                let repeats: Bool
                switch error {
                case .webex(let webex): repeats = webex.isNetworkOrAuth
                case .journalUnavailable: repeats = true
                default: repeats = false
                }
                if repeats {
                    let rest = codeIDs[(index + 1)...]
                    if !rest.isEmpty {
                        invocation.printError("not attempted: \(rest.joined(separator: " "))")
                    }
                    break
                }
            }
        }
        return (outcomes, exitCode)
    }
}
