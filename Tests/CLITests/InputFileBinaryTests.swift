import Foundation
import Testing
import WebexSandbox

/// The real binary on input files, against the built-in sandbox (`--demo`): files that are not
/// there are worded the same by every command, and empty spreadsheet rows are skipped.
@Suite struct InputFileBinaryTests {
    typealias Folder = ImportCommandTests.Folder

    /// Every command that reads a file the user names, with `path` as that file.
    static func commandsReading(_ path: String) -> [[String]] {
        [
            ["codes", "import", path],
            ["codes", "create", "--body", path],
            ["users", "import", path],
            ["users", "export", "--emails", path],
        ]
    }

    @Test func aFileThatIsNotThereIsWordedTheSameByEveryCommand() throws {
        let folder = try Folder()
        let missing = folder.url.appendingPathComponent("missing.csv").path
        for command in Self.commandsReading(missing) {
            let run = try BinaryTests.run(["--demo"] + command)
            #expect(run.status == 2, "\(command)")
            #expect(
                run.standardError == "trackcodes: cannot read \(missing): the file does not exist\n",
                "\(command)")
        }
    }

    @Test func aFolderInsteadOfAFileIsWordedTheSameByEveryCommand() throws {
        let folder = try Folder()
        for command in Self.commandsReading(folder.url.path) {
            let run = try BinaryTests.run(["--demo"] + command)
            #expect(run.status == 2, "\(command)")
            #expect(
                run.standardError
                    == "trackcodes: cannot read \(folder.url.path): this is a folder; name a file "
                    + "in it\n",
                "\(command)")
        }
    }

    @Test func codesImportSkipsRowsOfDelimitersOnly() throws {
        let folder = try Folder()
        let export = try BinaryTests.run(["--demo", "codes", "export"])
        #expect(export.status == 0, "\(export.standardError)")
        var lines = export.standardOutput.split(separator: "\n").map(String.init)
        let emptyRow = String(repeating: ",", count: lines[0].count { $0 == "," })
        lines.insert(emptyRow, at: 2)
        lines.append(emptyRow)
        let file = try folder.write(lines.joined(separator: "\n") + "\n", to: "codes.csv")

        let run = try BinaryTests.run(["--demo", "codes", "import", file, "--dry-run"])

        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardOutput.contains("error"), "\(run.standardOutput)")
        #expect(run.standardOutput.hasSuffix("0 changes, \(lines.count - 3) unchanged\n"))
    }

    @Test func usersImportSkipsRowsOfDelimitersOnly() throws {
        let folder = try Folder()
        // Department is code 1 on the demo's preferred site; Sales is one of its options.
        let user = try #require(
            try DemoData.load().users.first { $0.values["acme.webex.com"]?["1"] != "Sales" })
        let file = try folder.write(
            "email,Department,Note\n,,\n\(user.email),Sales,\n,,\n", to: "users.csv")

        let run = try BinaryTests.run(["--demo", "users", "import", file, "--dry-run"])

        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("\(file): 1 row for acme.webex.com; "))
        #expect(run.standardOutput.contains("1 row: 1 would change, 0 unchanged, 0 with errors."))
    }
}
