import Foundation
import Testing
import TrackcodesCLI
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// `users import` and its report: checked before anything is sent, a failure after the changes
/// is an error that says the changes were made, a dry run keeps the real import's report, and a
/// file that sets no code of the site is refused.
@Suite struct UsersImportReportTests {
    typealias Folder = ImportCommandTests.Folder

    /// A users file setting Cost Center for the first two demo users.
    func usersFile(_ harness: CLIHarness, in folder: Folder) throws -> String {
        let users = harness.sandbox.dataset.users.prefix(2)
        return try folder.write(
            "email,Cost Center\n" + users.map { "\($0.email),RPT-1" }.joined(separator: "\n"),
            to: "users.csv")
    }

    func costCenters(_ harness: CLIHarness) -> [String?] {
        harness.sandbox.dataset.users.prefix(2).map {
            harness.sandbox.userValues(siteUrl: harness.preferredSite, email: $0.email)[
                "Cost Center"]
        }
    }

    @Test func aDirectoryInTheReportsPlaceStopsTheImportBeforeAnyRequest() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let file = try usersFile(harness, in: folder)
        let before = costCenters(harness)

        for (arguments, report) in [
            ([file], file + ".report.csv"), ([file, "--dry-run"], file + ".dry-run.report.csv"),
        ] {
            try FileManager.default.createDirectory(
                atPath: report, withIntermediateDirectories: false)
            let run = await harness.run(["users", "import"] + arguments)

            #expect(run.exitCode == .apiError)
            #expect(
                run.standardError
                    == "trackcodes: cannot write the report \(report): there is a directory of "
                    + "that name. Nothing was sent: fix that, or import a copy of the file from a "
                    + "folder you can write to.\n")
            #expect(run.standardOutput.isEmpty)
        }
        #expect(harness.responses.last == nil, "not even the site's codes were read")
        #expect(costCenters(harness) == before)
    }

    @Test func aReportThatCannotBeWrittenAfterTheChangesIsAnErrorThatSaysTheyWereMade()
        async throws
    {
        let harness = try CLIHarness()
        let folder = try Folder()
        let file = try usersFile(harness, in: folder)
        let report = file + ".report.csv"
        // Something takes the report's place while the import runs, after the check.
        let base = harness.services
        let transport = BeforeWrite(base: base.makeTransport()) {
            try? FileManager.default.createDirectory(
                atPath: report, withIntermediateDirectories: false)
        }
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let context = CLIContext(
            environment: harness.environment, standardInput: DataInput(Data()),
            standardOutput: stdout, standardError: stderr,
            services: CLIServices(
                makeTransport: { transport }, makeDemoTransport: { transport },
                sleeper: base.sleeper, retryPolicy: base.retryPolicy))

        let code = await Trackcodes.run(["users", "import", file], context: context)

        #expect(code == .apiError)
        #expect(costCenters(harness) == ["RPT-1", "RPT-1"])
        #expect(stdout.text.hasSuffix("2 rows: 2 changed, 0 unchanged, 0 with errors.\n"))
        #expect(
            stderr.text
                == "trackcodes: could not write the report \(report): Is a directory; the "
                + "changes were made all the same: 2 users changed (their old values are in "
                + "the journal)\n")
    }

    @Test func aDryRunWritesItsOwnReportAndKeepsTheRealImportsReport() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let file = try usersFile(harness, in: folder)

        let run = await harness.run(["users", "import", file])
        #expect(run.exitCode == .success, "\(run.standardError)")
        let real = try String(contentsOfFile: file + ".report.csv", encoding: .utf8)
        #expect(real.contains(",changed,"))

        let dry = await harness.run(["users", "import", file, "--dry-run"])
        #expect(dry.exitCode == .success, "\(dry.standardError)")
        #expect(dry.standardOutput.contains("Report: \(file).dry-run.report.csv\n"))
        #expect(try String(contentsOfFile: file + ".report.csv", encoding: .utf8) == real)
        let dryReport = try String(contentsOfFile: file + ".dry-run.report.csv", encoding: .utf8)
        #expect(dryReport.contains(",unchanged,already has these values"))
    }

    @Test func aFileThatNamesNoCodeOfTheSiteIsRefusedWithExitTwo() async throws {
        let harness = try CLIHarness()
        let folder = try Folder()
        let user = try #require(harness.user())
        let file = try folder.write(
            "email,Departement\n\(user.email),Sales\n", to: "users.csv")
        let codes = harness.sandbox.codes(siteUrl: harness.preferredSite).map(\.name)

        for dryRun in [false, true] {
            let run = await harness.run(["users", "import", file] + (dryRun ? ["--dry-run"] : []))

            #expect(run.exitCode == .usage)
            #expect(run.standardOutput.isEmpty)
            #expect(run.stderrLines.count == 1)
            #expect(
                run.standardError.hasPrefix(
                    "trackcodes: \(file): No column names a tracking code of "
                        + "\(harness.preferredSite), so there is nothing to import (ignored: "
                        + "Departement). Head each column with the name of a code of the site: "
                        + "'\(codes[0])'"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["users.csv"])
    }
}

/// Passes requests to `base`, and runs `action` before each write.
private struct BeforeWrite: HTTPTransport {
    let base: any HTTPTransport
    let action: @Sendable () -> Void

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.method != "GET" { action() }
        return try await base.send(request)
    }
}
