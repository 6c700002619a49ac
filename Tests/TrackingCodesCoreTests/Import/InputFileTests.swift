import Foundation
import Testing

@testable import TrackingCodesCore

@Suite("Input files: read, or say why not in one wording")
struct InputFileTests {
    @Test func aFileIsReadWhole() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let file = directory.url.appendingPathComponent("codes.csv")
        try Data("name\nDepartment\n".utf8).write(to: file)
        #expect(try InputFile.read(path: file.path) == Data("name\nDepartment\n".utf8))
    }

    @Test func aMissingFileOrFolderOnTheWaySaysItDoesNotExist() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        for path in [
            directory.url.appendingPathComponent("missing.csv").path,
            directory.url.appendingPathComponent("no folder/missing.csv").path,
        ] {
            #expect(throws: InputFileError(path: path, problem: .doesNotExist)) {
                try InputFile.read(path: path)
            }
            #expect(
                InputFileError(path: path, problem: .doesNotExist).message
                    == "cannot read \(path): the file does not exist")
        }
    }

    @Test func aRefusedPermissionIsSaidInWordsNotTheSystemsOwn() {
        // Tests run as root, who may read anything, so the errno is given rather than caused.
        #expect(InputFile.problem(errno: EACCES) == .noPermission)
        #expect(InputFile.problem(errno: EPERM) == .noPermission)
        #expect(InputFile.problem(errno: ENOENT) == .doesNotExist)
        #expect(InputFile.problem(errno: ELOOP) == .unreadable(String(cString: strerror(ELOOP))))
        let error = InputFileError(path: "prices.csv", problem: .noPermission)
        #expect(error.message == "cannot read prices.csv: you do not have permission to read it")
    }

    @Test func aFolderIsNamedAsOne() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        #expect(throws: InputFileError(path: directory.url.path, problem: .isFolder)) {
            try InputFile.read(path: directory.url.path)
        }
        #expect(
            InputFileError(path: "exports", problem: .isFolder).message
                == "cannot read exports: this is a folder; name a file in it")
    }
}
