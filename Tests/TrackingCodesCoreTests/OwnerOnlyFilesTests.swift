import Foundation
import Testing
@testable import TrackingCodesCore

@Suite("OwnerOnlyFiles: streamed replacement")
struct OwnerOnlyFilesTests {
    private struct Stop: Error {}

    @Test func aStreamedFileIsTheChunksInOrderWithOwnerOnlyMode() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let url = directory.url.appendingPathComponent("report.csv")
        try OwnerOnlyFiles.replaceStreaming(url) { emit throws(FileProblem) in
            for part in ["a,b\n", "", "1,2\n", String(repeating: "x", count: 100_000)] {
                try emit(Data(part.utf8))
            }
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "a,b\n1,2\n" + String(repeating: "x", count: 100_000))
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aFailureHalfWayKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let url = directory.url.appendingPathComponent("report.csv")
        try Data("old\n".utf8).write(to: url)

        #expect(throws: FileProblem.self) {
            try OwnerOnlyFiles.replaceStreaming(url) { emit throws(FileProblem) in
                try emit(Data("new, half written".utf8))
                throw FileProblem(path: url.path, reason: "disk full")
            }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["report.csv"])
    }

    /// The temporary file is ours, not the user's: a problem names the file asked for.
    @Test func aDirectoryThatCannotBeWrittenIsNamedInTheProblem() {
        let url = URL(fileURLWithPath: "/nonexistent-trackcodes-dir/report.csv")
        do {
            try OwnerOnlyFiles.replaceStreaming(url) { emit throws(FileProblem) in
                try emit(Data("x".utf8))
            }
            Issue.record("expected a FileProblem")
        } catch {
            #expect(error.path == "/nonexistent-trackcodes-dir/report.csv")
            #expect(error.reason == "cannot create it (No such file or directory)")
        }
    }

    @Test func aDirectoryInTheFilesPlaceIsNamedAndLeftAlone() throws {
        let directory = TemporaryDirectory()
        let url = directory.url.appendingPathComponent("report.csv")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        do {
            try OwnerOnlyFiles.replaceStreaming(url) { emit throws(FileProblem) in
                try emit(Data("x".utf8))
            }
            Issue.record("expected a FileProblem")
        } catch {
            #expect(error.description == url.path + ": Is a directory")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["report.csv"])
    }

    // MARK: - Checking before writing

    @Test func checkingFindsADirectoryInThePlaceAMissingFolderAndANameTooLong() throws {
        let directory = TemporaryDirectory()
        let inTheWay = directory.url.appendingPathComponent("report.csv")
        try FileManager.default.createDirectory(at: inTheWay, withIntermediateDirectories: true)
        #expect(throws: FileProblem(path: inTheWay.path, reason: "there is a directory of that name")) {
            try OwnerOnlyFiles.checkReplaceable(inTheWay)
        }

        let missing = directory.url.appendingPathComponent("gone/report.csv")
        #expect(
            throws: FileProblem(
                path: missing.path,
                reason: "its folder \(directory.url.appendingPathComponent("gone").path) does not exist")
        ) {
            try OwnerOnlyFiles.checkReplaceable(missing)
        }

        // A name the file system takes, but not with the temporary file's suffix.
        let long = directory.url.appendingPathComponent(String(repeating: "r", count: 250))
        #expect(throws: FileProblem(path: long.path, reason: "cannot create it (File name too long)")) {
            try OwnerOnlyFiles.checkReplaceable(long)
        }
    }

    @Test func checkingAWritablePlaceLeavesTheFolderAsItWas() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let old = directory.url.appendingPathComponent("old.csv.report.csv")
        try Data("old\n".utf8).write(to: old)

        try OwnerOnlyFiles.checkReplaceable(old)
        try OwnerOnlyFiles.checkReplaceable(directory.url.appendingPathComponent("new.csv"))

        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == [old.lastPathComponent])
        #expect(try String(contentsOf: old, encoding: .utf8) == "old\n")
    }
}
