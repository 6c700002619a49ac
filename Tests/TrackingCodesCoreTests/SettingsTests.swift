import Foundation
import Testing
import WebexAPI
@testable import TrackingCodesCore

@Suite("Settings: config.json")
struct SettingsTests {
    @Test func aMissingFileMeansTheDefaults() throws {
        let directory = TemporaryDirectory()
        let settings = try Settings.load(from: directory.paths.settingsFile)
        #expect(settings == Settings())
        #expect(settings.defaultConcurrency == 8)
    }

    @Test func readsPartialFilesAndMatchesSitesIgnoringCase() throws {
        let directory = TemporaryDirectory()
        let file = directory.paths.settingsFile
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"readOnlySites": ["Prod.Webex.com"], "siteManagement": {"lab.webex.com": "siteAdmin"}}"#.utf8)
            .write(to: file)

        let settings = try Settings.load(from: file)
        #expect(settings.defaultConcurrency == 8)
        #expect(settings.listsReadOnly("prod.webex.com"))
        #expect(!settings.listsReadOnly("lab.webex.com"))
        #expect(settings.management(of: "LAB.webex.com") == .siteAdmin)
    }

    @Test func aMalformedFileIsAClearErrorNamingTheFile() throws {
        let directory = TemporaryDirectory()
        let file = directory.paths.settingsFile
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{ \"readOnlySites\": [\"a\", }".utf8).write(to: file)

        #expect {
            try Settings.load(from: file)
        } throws: { error in
            guard case .malformed(let path, _) = error as? SettingsError else { return false }
            return path == file.path && (error.localizedDescription.contains("not valid"))
        }
    }

    @Test func aWrongTypeNamesTheKey() throws {
        let directory = TemporaryDirectory()
        let file = directory.paths.settingsFile
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"defaultConcurrency": "eight"}"#.utf8).write(to: file)

        let error = #expect(throws: SettingsError.self) { try Settings.load(from: file) }
        #expect(error?.localizedDescription.contains("defaultConcurrency") == true)
    }

    @Test func concurrencyOutOfRangeIsRefused() throws {
        let directory = TemporaryDirectory()
        let file = directory.paths.settingsFile
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"defaultConcurrency": 0}"#.utf8).write(to: file)

        let error = #expect(throws: SettingsError.self) { try Settings.load(from: file) }
        guard case .invalidValue = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
    }

    @Test func savesOwnerOnlyAndReadsBack() throws {
        let directory = TemporaryDirectory()
        let file = directory.paths.settingsFile
        let settings = Settings(readOnlySites: ["x.webex.com"], defaultConcurrency: 3, siteManagement: ["y": .controlHub])
        try settings.save(to: file)

        #expect(try Settings.load(from: file) == settings)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
