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

    @Test func aDirectoryThatCannotBeWrittenIsNamedInTheProblem() {
        let url = URL(fileURLWithPath: "/nonexistent-trackcodes-dir/report.csv")
        do {
            try OwnerOnlyFiles.replaceStreaming(url) { emit throws(FileProblem) in
                try emit(Data("x".utf8))
            }
            Issue.record("expected a FileProblem")
        } catch {
            #expect(error.path.hasPrefix("/nonexistent-trackcodes-dir/report.csv"))
            #expect(error.reason == "No such file or directory")
        }
    }
}
