import Foundation
import TrackingCodesCore
import WebexAPI

/// `trackcodes journal ...`: what the journal of changes can bring back, and bringing it back.
///
/// The journal (`$XDG_STATE_HOME/trackcodes/journal.jsonl`) holds every deleted code whole,
/// written before the delete was sent, so codes deleted just before a crash are in it too.
/// Each change records the API server it was made on; only the current server's are offered
/// unless `--any-server` is given, so a sandbox's deletes are never re-created on a real site.
enum JournalCommand {
    static let site = SingleOption(
        "site", value: "URL", help: "Only codes of this site (default: every site in the journal)")
    static let yes = Flag("yes", help: "Restore without asking")
    static let anyServer = Flag(
        "any-server",
        help: "Also changes made on other API servers than --base-url's, and old ones whose "
            + "server was not recorded (a restore re-creates them on --base-url's server)")

    static let group = CommandSpec(
        name: "journal", summary: "Show the journal of changes and restore from it",
        subcommands: [list, restore])

    static let list = CommandSpec(
        name: "list", summary: "List the deleted codes the journal can restore, and unfinished changes",
        options: [site.spec, anyServer.spec],
        action: { invocation in
            _ = try await scan(invocation)
            return .success
        })

    static let restore = CommandSpec(
        name: "restore", summary: "Re-create the deleted codes the journal holds",
        discussion: """
            Lists the codes deleted (by trackcodes, in the UI or on the command line) that the
            site no longer has, asks, and re-creates them. Webex gives a re-created code a new
            id; each line says which. A code already back (restored earlier, or a code of the
            same name exists) is not offered again. Only codes deleted on the API server of
            --base-url are offered; --any-server offers those of every server too, and those
            whose journal lines predate the server field.
            """,
        options: [site.spec, yes.spec, anyServer.spec],
        action: runRestore)

    @MainActor
    private static func session(_ invocation: CommandInvocation) throws -> Session {
        try invocation.refuseDemo()
        let connection = try invocation.connect()
        return Session(
            client: connection.client, callLog: APICallLog(),
            paths: Paths.standard(environment: invocation.context.environment),
            readOnly: invocation.isReadOnly)
    }

    /// Prints what the journal holds and returns the recovery model and its report.
    @MainActor
    private static func scan(
        _ invocation: CommandInvocation
    ) async throws -> (JournalRecovery, JournalRecovery.Report) {
        let recovery = JournalRecovery(session: try session(invocation))
        let report = try await recovery.scan(
            siteUrl: invocation.parsed[site], anyServer: invocation.parsed[anyServer])
        var lines: [String] = []
        if report.restorable.isEmpty {
            lines.append("Nothing to restore: no deleted code is missing from its site.")
        } else {
            lines.append(
                "\(CountedNoun.text(report.restorable.count, "deleted code")) can be restored:")
            for deletion in report.restorable {
                let note = deletion.outcome == .unknown ? " (the program stopped during the delete)" : ""
                lines.append("  '\(deletion.code.name)' (id \(deletion.code.id)) on "
                             + "\(deletion.code.siteUrl)\(note)")
            }
        }
        for back in report.alreadyBack {
            lines.append("Not offered: '\(back.deletion.code.name)': \(back.reason).")
        }
        let unfinished = report.unfinished.filter { $0.action != .delete }
        if !unfinished.isEmpty {
            let count = unfinished.count
            lines.append("\(CountedNoun.text(count, "other change")) "
                         + (count == 1 ? "has" : "have") + " no recorded outcome; check "
                         + "\(CountedNoun.pronoun(count)) in Control Hub.")
        }
        let server = JournalRecord.apiServer(of: recovery.session.client.baseURL)
        if report.otherServerChanges > 0 {
            let count = report.otherServerChanges
            lines.append("Left out: \(CountedNoun.text(count, "change")) made on other API servers "
                         + "than \(server) (--any-server includes \(CountedNoun.pronoun(count))).")
        }
        if report.unknownServerChanges > 0 {
            let count = report.unknownServerChanges
            lines.append("Left out: \(CountedNoun.text(count, "older change")) whose API server "
                         + "was not recorded "
                         + "(--any-server includes \(CountedNoun.pronoun(count))).")
        }
        if !report.unreadableLines.isEmpty {
            lines.append("Unreadable journal lines: "
                         + report.unreadableLines.map(String.init).joined(separator: ", "))
        }
        // Escape each line, not the joined text, or the line breaks themselves print as "\n".
        invocation.printOutput(lines.map(OutputEscaping.escapingControls).joined(separator: "\n"))
        return (recovery, report)
    }

    @MainActor
    private static func runRestore(_ invocation: CommandInvocation) async throws -> ExitCode {
        try invocation.refuseIfReadOnly("restore deleted codes")
        let (recovery, report) = try await scan(invocation)
        guard !report.restorable.isEmpty else { return .success }
        if !invocation.parsed[yes] {
            invocation.context.standardError.write(
                "Restore \(CountedNoun.text(report.restorable.count, "code"))? [y/N] ")
            guard confirmed(invocation) else {
                invocation.printError("nothing restored")
                return .success
            }
        }
        let results = await recovery.restore(report.restorable)
        var exitCode = ExitCode.success
        for result in results {
            if result.restored != nil {
                invocation.printOutput(OutputEscaping.escapingControls(result.message + "."))
            } else {
                invocation.printError(result.message)
                exitCode = result.error.map(CLIFailure.exitCode(for:)) ?? .apiError
            }
        }
        return exitCode
    }

    /// A "y" answer on standard input: one line from a terminal, else the first line of input.
    private static func confirmed(_ invocation: CommandInvocation) -> Bool {
        let answer: String
        if invocation.context.standardInput is StandardInput, isatty(0) == 1 {
            answer = readLine() ?? ""
        } else {
            let data = (try? invocation.context.standardInput.readAll()) ?? Data()
            answer = String(decoding: data, as: UTF8.self)
        }
        return answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("y")
    }
}

extension CommandInvocation {
    /// The demo's changes live in a temporary journal that is gone by now; say so.
    func refuseDemo() throws {
        guard parsed[GlobalOptions.demo] else { return }
        throw CLIFailure(
            "--demo keeps no journal across runs (its changes are not real); "
                + "run 'trackcodes journal' against the site you changed", exitCode: .usage)
    }
}
