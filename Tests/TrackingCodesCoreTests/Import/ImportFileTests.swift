import Foundation
import Testing

@testable import TrackingCodesCore

/// Reading a file chosen for an import and telling which import it is for.
@Suite struct ImportFileTests {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("import-file-\(UUID().uuidString)", isDirectory: true)

    private func write(_ name: String, _ data: Data) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: folder.appendingPathComponent(name))
    }

    @Test func theColumnsSayWhichImport() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("codes.csv", Data("id,name,options\n1,Department,Sales\n".utf8))
        try write("users.csv", Data("User ID/Email (Required),Department\na@x.com,Sales\n".utf8))
        try write("both.csv", Data("name,personId\nx,y\n".utf8))
        try write("codes.json", Data(#"{"items": [{"name": "Region"}]}"#.utf8))

        #expect(try ImportFile.read(path: "codes.csv", relativeTo: folder).kinds == [.codes])
        #expect(try ImportFile.read(path: "users.csv", relativeTo: folder).kinds == [.users])
        #expect(try ImportFile.read(path: "both.csv", relativeTo: folder).kinds == [.codes, .users])
        let json = try ImportFile.read(path: "codes.json", relativeTo: folder)
        #expect(json.kinds == [.codes])
        #expect(json.table == nil)
        #expect(try json.codesRows().map(\.name) == ["Region"])
    }

    @Test func controlHubsUTF16TabSeparatedExportIsAUsersFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "User ID/Email (Required)\tDepartment\r\nwang@x.com\tSales\r\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian) ?? Data())
        try write("export.tsv", data)

        let file = try ImportFile.read(path: "export.tsv", relativeTo: folder)
        #expect(file.kinds == [.users])
        #expect(file.table?.records.first?.cells == ["wang@x.com", "Sales"])
        #expect(file.reportURL.lastPathComponent == "export.tsv.report.csv")
        #expect(file.reportURL.deletingLastPathComponent().path == folder.standardizedFileURL.path)
    }

    @Test func aFileNoImportCanUseSaysWhy() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("notes.csv", Data("title,body\na,b\n".utf8))

        #expect(throws: ImportFileProblem.self) {
            try ImportFile.read(path: "notes.csv", relativeTo: folder)
        }
        do {
            _ = try ImportFile.read(path: "missing.csv", relativeTo: folder)
            Issue.record("a missing file was read")
        } catch {
            #expect(error.reason == "the file does not exist")
            #expect(error.path.hasSuffix("/missing.csv"))
        }
        do {
            _ = try ImportFile.read(path: ".", relativeTo: folder)
            Issue.record("a folder was read")
        } catch {
            #expect(error.reason == "this is a folder; name a file in it")
        }
    }

    @Test func relativePathsStartInTheGivenFolderAndAbsoluteOnesDoNot() {
        let base = URL(fileURLWithPath: "/data/imports")
        #expect(ImportFile.resolve("a.csv", relativeTo: base).path == "/data/imports/a.csv")
        #expect(ImportFile.resolve("../b.csv", relativeTo: base).path == "/data/b.csv")
        #expect(ImportFile.resolve("/tmp/c.csv", relativeTo: base).path == "/tmp/c.csv")
    }
}
