import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import TrackingCodesCore

/// What a users import refuses as a whole before it sends anything: a file that sets no code of
/// the site, and a report that could not be written; and where the report goes.
@MainActor
@Suite("Users import: whole-file checks and the report's place")
struct UsersImportFileChecksTests {
    @Test func aFileWithoutACodeColumnIsRefusedNamingTheIgnoredColumnsAndTheSite() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: [alice, bob]))
        let (session, transport) = importSession(sandbox, directory: directory)
        let importer = try UsersImport(
            session: session, siteUrl: siteA,
            table: try csv("email,Departement,Note\nalice@example.com,Sales,x\nbob@example.com,,\n"))

        #expect(await importer.prepare() == false)

        let expected = ImportFileError.noCodeColumns(
            siteUrl: siteA, ignored: ["Departement", "Note"],
            codes: ["Department", "Division", "Cost Center"])
        #expect(importer.failure == .unusableFile(expected))
        #expect(importer.phase == .notPrepared)
        #expect(importer.rows.isEmpty)
        #expect(
            importer.failure?.localizedDescription
                == "No column names a tracking code of alpha.webex.com, so there is nothing to "
                + "import (ignored: Departement, Note). Head each column with the name of a code "
                + "of the site: 'Department', 'Division', 'Cost Center'.")
        // Only the site's codes were read; no user was looked up.
        #expect(transport.all.map(\.method) == ["GET"])
        #expect(await importer.run(dryRun: true) == false)
        #expect(transport.all.count == 1)
    }

    @Test func theRefusalSaysSoWhenTheFileHasOnlyUsersOrTheSiteHasNoCodes() {
        let onlyUsers = ImportFileError.noCodeColumns(
            siteUrl: siteA, ignored: [], codes: (1...10).map { "Code \($0)" })
        #expect(
            onlyUsers.errorDescription
                == "No column names a tracking code of alpha.webex.com, so there is nothing to "
                + "import. Head each column with the name of a code of the site: 'Code 1', "
                + "'Code 2', 'Code 3', 'Code 4', 'Code 5', 'Code 6', 'Code 7', 'Code 8' and 2 more.")
        let noCodes = ImportFileError.noCodeColumns(siteUrl: siteA, ignored: ["Note"], codes: [])
        #expect(
            noCodes.errorDescription
                == "No column names a tracking code of alpha.webex.com, so there is nothing to "
                + "import (ignored: Note). The site has no tracking codes.")
    }

    @Test func aDryRunReportGoesBesideTheRealOneNotOverIt() {
        let file = URL(fileURLWithPath: "/data/exports/users.csv")
        #expect(
            UsersImport.reportURL(for: file, dryRun: false).path
                == "/data/exports/users.csv.report.csv")
        #expect(
            UsersImport.reportURL(for: file, dryRun: true).path
                == "/data/exports/users.csv.dry-run.report.csv")
    }

    @Test func aReportThatCannotBeWrittenIsFoundBeforeTheImport() throws {
        let directory = TemporaryDirectory()
        let report = directory.url.appendingPathComponent("users.csv.report.csv")
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
        #expect(throws: FileProblem(path: report.path, reason: "there is a directory of that name")) {
            try UsersImport.checkReportCanBeWritten(to: report)
        }
        try UsersImport.checkReportCanBeWritten(
            to: directory.url.appendingPathComponent("users.csv.dry-run.report.csv"))
    }
}
