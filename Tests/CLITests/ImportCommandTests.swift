import Foundation
import Testing
import TrackcodesCLI
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// `codes export/import`, `users export/import` and `paths`, run in-process against the demo
/// organisation in a sandbox.
@Suite struct ImportCommandTests {
    /// A folder for input files and reports, removed with the value.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "trackcodes-import-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(at: url)
        }

        func write(_ text: String, to name: String) throws -> String {
            let file = url.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
    }

    func intents(_ harness: CLIHarness) throws -> Int {
        guard FileManager.default.fileExists(atPath: harness.journalFile.path) else { return 0 }
        return try harness.journalRecords().filter { $0["kind"] as? String == "intent" }.count
    }

    func writeSettings(_ harness: CLIHarness, readOnlySites: [String]) throws {
        let folder = harness.stateHome.appendingPathComponent("trackcodes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Settings(readOnlySites: readOnlySites).save(
            to: folder.appendingPathComponent("config.json"))
    }

    // MARK: - codes export / import

    @Test func exportThenImportIsZeroChangesAndSendsNothing() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        for format in ["csv", "json"] {
            let export = await harness.run(["codes", "export", "--format", format])
            #expect(export.exitCode == .success, "\(export.standardError)")
            let file = try folder.write(export.standardOutput, to: "codes.\(format)")

            let run = await harness.run(["codes", "import", file])
            #expect(run.exitCode == .success, "\(run.standardError)")
            let count = harness.sandbox.codes(siteUrl: harness.preferredSite).count
            #expect(
                run.standardOutput
                    == "Plan for \(harness.preferredSite):\n0 changes, \(count) unchanged\n")
        }
        #expect(try intents(harness) == 0)
    }

    @Test func dryRunPrintsThePlanAndSendsNothing() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let code = try #require(harness.code(where: { $0.inputMode == .text }))
        let file = try folder.write(
            "id,name\n\(code.id),Renamed by import\n,Brand new code\n", to: "codes.csv")
        let before = harness.sandbox.codes(siteUrl: harness.preferredSite)

        let run = await harness.run(["codes", "import", file, "--dry-run", "--prune"])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "Plan for \(harness.preferredSite):")
        #expect(
            lines.contains {
                $0.hasPrefix("change") && $0.contains("Renamed by import") && $0.hasSuffix("name")
            })
        #expect(lines.contains { $0.hasPrefix("create") && $0.contains("Brand new code") })
        #expect(lines.filter { $0.hasPrefix("delete") }.count == before.count - 1)
        #expect(
            lines.last == "1 to create, 1 to change, \(before.count - 1) to delete, 0 unchanged")
        #expect(run.standardError == "trackcodes: dry run: nothing was sent\n")
        #expect(harness.sandbox.codes(siteUrl: harness.preferredSite) == before)
        #expect(try intents(harness) == 0)
    }

    @Test func importAppliesThePlanJournalsItAndReportsEachChange() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let code = try #require(harness.code(where: { $0.inputMode == .text }))
        let file = try folder.write(
            """
            id,name,inputMode,options
            \(code.id),Renamed by import,,
            ,"Brand, new",select,*Yes|No

            """, to: "codes.csv")

        let run = await harness.run(["codes", "import", file])

        #expect(run.exitCode == .success, "\(run.standardError)")
        #expect(run.standardOutput.contains("Changed 'Renamed by import' (id \(code.id))."))
        #expect(run.standardOutput.hasSuffix("Created 1, changed 1, deleted 0 of 2 planned.\n"))
        #expect(harness.code(where: { $0.id == code.id })?.name == "Renamed by import")
        let created = try #require(harness.code(where: { $0.name == "Brand, new" }))
        #expect(
            created.options == [
                TrackingCodeOption(value: "Yes", defaultValue: true),
                TrackingCodeOption(value: "No"),
            ])
        #expect(try intents(harness) == 2)
    }

    @Test func rowsWithErrorsAreListedNotSentAndExitTwo() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let file = try folder.write(
            "name,inputMode\nGood one,text\nBad one,dropdown\n", to: "codes.csv")

        let run = await harness.run(["codes", "import", file])

        #expect(run.exitCode == .usage)
        #expect(run.standardOutput.contains("error"))
        #expect(run.standardOutput.contains("'inputMode' must be one of"))
        #expect(harness.code(where: { $0.name == "Good one" }) != nil)
        #expect(harness.code(where: { $0.name == "Bad one" }) == nil)
    }

    @Test func unreadableFilesExitTwoWithTheReason() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let missing = await harness.run([
            "codes", "import", folder.url.appendingPathComponent("nope.csv").path,
        ])
        #expect(missing.exitCode == .usage)
        #expect(missing.stderrLines.count == 1)

        let broken = try folder.write("name,options\nA,\"never closed\n", to: "broken.csv")
        let run = await harness.run(["codes", "import", broken])
        #expect(run.exitCode == .usage)
        #expect(run.standardError.contains("starts on line 2 is never closed"))
        let noName = try folder.write("id,options\n1,A\n", to: "noname.csv")
        #expect(
            await harness.run(["codes", "import", noName]).standardError.contains(
                "has no name column"))
    }

    @Test func aSiteListedReadOnlyInTheSettingsIsRefusedWithTheReason() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        try writeSettings(harness, readOnlySites: [harness.preferredSite])
        let codes = try folder.write("name\nNot allowed\n", to: "codes.csv")
        let users = try folder.write(
            "email,Cost Center\n\(try #require(harness.user()).email),X-1\n", to: "users.csv")

        for arguments in [["codes", "import", codes], ["users", "import", users]] {
            let run = await harness.run(arguments)
            #expect(run.exitCode == .apiError, "\(arguments)")
            #expect(run.standardError.contains("\(harness.preferredSite) is read-only"))
            #expect(run.standardError.contains("readOnlySites"))
            // A dry run writes nothing, so it is allowed.
            #expect(await harness.run(arguments + ["--dry-run"]).exitCode == .success)
        }
        #expect(harness.code(where: { $0.name == "Not allowed" }) == nil)
        #expect(try intents(harness) == 0)

        let flagged = await harness.run(["codes", "import", codes, "--read-only"])
        #expect(flagged.exitCode == .usage)
        #expect(flagged.standardError.contains("--read-only is set"))
    }

    // MARK: - users export / import

    @Test func usersExportNeedsTheUsersNamedAndSaysSo() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["users", "export"])
        #expect(run.exitCode == .usage)
        #expect(run.standardError.contains("Webex cannot list a site's users"))
        #expect(run.standardError.contains("--emails FILE"))
    }

    @Test func usersExportWritesOneRowPerUserAndNamesThoseItCannotRead() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let users = Array(harness.sandbox.dataset.users.prefix(3))
        let list = try folder.write(
            "# whose values\n" + users.map(\.email).joined(separator: "\n")
                + "\n\nnobody@example.com\n", to: "emails.txt")

        let run = await harness.run(["users", "export", "--emails", list])

        #expect(run.exitCode == .apiError)
        #expect(run.standardError.contains("could not read nobody@example.com"))
        let table = try DelimitedTable.parse(run.standardOutput)
        let codes = harness.sandbox.codes(siteUrl: harness.preferredSite)
        #expect(table.header == ["email", "personId"] + codes.map(\.name))
        #expect(table.records.map { $0[0] } == users.map(\.email))
        for (record, user) in zip(table.records, users) {
            let values = harness.sandbox.userValues(
                siteUrl: harness.preferredSite, email: user.email)
            for (index, code) in codes.enumerated() {
                #expect(record[index + 2] == values[code.name] ?? "")
            }
        }
    }

    @Test func usersImportWritesAReportAndARerunSendsNothing() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let users = Array(harness.sandbox.dataset.users.prefix(4))
        var rows = users.enumerated().map { "\($1.email),CC-\($0)" }
        rows.append("nobody@example.com,CC-9")
        let file = try folder.write(
            "email,Cost Center\n" + rows.joined(separator: "\n") + "\n", to: "users.csv")

        let dry = await harness.run(["users", "import", file, "--dry-run"])
        #expect(dry.exitCode == .apiError, "the unknown user is an error even in a dry run")
        #expect(dry.standardOutput.contains("would change: Cost Center:"))
        #expect(try intents(harness) == 0)

        let run = await harness.run(["users", "import", file])
        #expect(run.exitCode == .apiError)
        #expect(run.standardOutput.contains("5 rows: 4 changed, 0 unchanged, 1 with errors."))
        #expect(run.standardOutput.contains("Report: \(file).report.csv"))
        for (index, user) in users.enumerated() {
            #expect(
                harness.sandbox.userValues(siteUrl: harness.preferredSite, email: user.email)[
                    "Cost Center"] == "CC-\(index)")
        }
        #expect(try intents(harness) == 4)
        let report = try DelimitedTable.parse(
            try String(contentsOfFile: file + ".report.csv", encoding: .utf8))
        #expect(report.header == ["email", "Cost Center", "import status", "import detail"])
        #expect(
            report.records.map { $0[2] } == ["changed", "changed", "changed", "changed", "error"])
        #expect(report.records[4][3].contains("not found"))

        let again = await harness.run(["users", "import", file + ".report.csv"])
        #expect(again.standardOutput.contains("5 rows: 0 changed, 4 unchanged, 1 with errors."))
        #expect(try intents(harness) == 4)
    }

    @Test func usersImportNamesRowsByEmailWhenTheFileHasBothEmailAndPersonId() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let users = Array(harness.sandbox.dataset.users.prefix(2))
        let rows = users.map { "\($0.email),\($0.personId),CC-77" }
        let file = try folder.write(
            "email,personId,Cost Center\n" + rows.joined(separator: "\n") + "\n", to: "users.csv")

        let dry = await harness.run(["users", "import", file, "--dry-run"])

        #expect(dry.exitCode == .success, "\(dry.standardError)")
        for (index, user) in users.enumerated() {
            #expect(dry.standardOutput.contains(
                "line \(index + 2) \(user.email): would change: Cost Center:"))
            #expect(!dry.standardOutput.contains(user.personId))
        }
    }

    @Test func usersImportChecksValuesBeforeSendingAndExitsTwo() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let user = try #require(harness.user())
        let file = try folder.write(
            "email,Department\n\(user.email),Not an option\n", to: "users.csv")

        let run = await harness.run(["users", "import", file])

        #expect(run.exitCode == .usage)
        #expect(
            run.standardOutput.contains(
                "error: 'Not an option' is not one of the options of 'Department'"))
        #expect(try intents(harness) == 0)
    }

    // MARK: - paths

    @Test func pathsNamesTheConfigStateJournalAndLog() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["paths"])
        #expect(run.exitCode == .success)
        let base = harness.stateHome.path + "/trackcodes"
        #expect(
            run.standardOutput == """
                WHAT     PATH
                config   \(base)/config.json
                state    \(base)
                journal  \(base)/journal.jsonl
                log      \(base)/trackcodes.log

                """)
        let json = await harness.run(["paths", "--json"])
        let decoded = try JSONDecoder().decode(
            [String: String].self, from: Data(json.standardOutput.utf8))
        #expect(decoded["config"] == base + "/config.json")
    }
}

/// The progress bar: drawn on a terminal's standard error only, never into a script's output.
@Suite struct ImportProgressTests {
    @Test func theBarIsDrawnInPlaceOnlyOnATerminal() async throws {
        let harness = try CLIHarness()
        let folder = try ImportCommandTests.Folder()
        let users = Array(harness.sandbox.dataset.users.prefix(5))
        let file = try folder.write(
            "email,Cost Center\n" + users.map { "\($0.email),Bar" }.joined(separator: "\n"),
            to: "users.csv")

        for isTerminal in [false, true] {
            let stdout = CapturedOutput()
            let stderr = CapturedOutput(isTerminal: isTerminal)
            let context = CLIContext(
                environment: harness.environment, standardInput: DataInput(Data()),
                standardOutput: stdout, standardError: stderr, services: harness.services)
            let code = await Trackcodes.run(["users", "import", file], context: context)

            #expect(code == .success, "\(stderr.text)")
            #expect(!stdout.text.contains("\r"))
            if isTerminal {
                #expect(stderr.text.hasPrefix("\r[" + String(repeating: ".", count: 30) + "] 0/5 users"))
                #expect(stderr.text.contains("\r[" + String(repeating: "#", count: 30) + "] 5/5 users"))
                #expect(stderr.text.hasSuffix("\r\u{1B}[K"))
            } else {
                #expect(stderr.text.isEmpty)
            }
        }
    }
}
