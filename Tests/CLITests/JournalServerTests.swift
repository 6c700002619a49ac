import Foundation
import Testing
import TrackcodesCLI
import WebexAPI
import WebexSandbox

/// `journal list` and `journal restore` offer only changes made on the API server the command
/// talks to, so a code deleted on a local sandbox is never re-created on a real site.
@Suite("Journal commands keep to the current API server")
struct JournalServerTests {
    static let sandboxServer = "http://127.0.0.1:8765"
    static let sandboxBaseURL = sandboxServer + "/v1"

    @Test func deletesMadeOnAnotherServerAreLeftOutAndCounted() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        let deleted = await harness.run(["--base-url", Self.sandboxBaseURL, "codes", "delete", code.id])
        #expect(deleted.exitCode == .success, "\(deleted.standardError)")
        let intent = try #require(harness.journalRecords().first)
        #expect(intent["apiServer"] as? String == Self.sandboxServer)

        let elsewhere = await harness.run(["journal", "list"])
        #expect(elsewhere.exitCode == .success, "\(elsewhere.standardError)")
        #expect(!elsewhere.standardOutput.contains("'\(code.name)'"))
        #expect(elsewhere.standardOutput.contains(
            "Left out: 1 change made on other API servers than https://webexapis.com "
                + "(--any-server includes it)."))

        let restore = await harness.run(["journal", "restore", "--yes"])
        #expect(restore.exitCode == .success, "\(restore.standardError)")
        #expect(!harness.sandbox.codes(siteUrl: code.siteUrl).contains { $0.name == code.name })

        let here = await harness.run(["--base-url", Self.sandboxBaseURL, "journal", "list"])
        #expect(here.standardOutput.contains("'\(code.name)' (id \(code.id))"))
        #expect(!here.standardOutput.contains("Left out"))
    }

    @Test func oldRecordsWithoutAServerAreShownOnlyWithAnyServer() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        _ = await harness.run(["codes", "delete", code.id])
        // Rewrite the journal as a version that kept no server would have written it.
        let lines = try harness.journalRecords().map { record -> String in
            var old = record
            old["apiServer"] = nil
            let data = try JSONSerialization.data(withJSONObject: old)
            return String(decoding: data, as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: harness.journalFile, atomically: false, encoding: .utf8)

        let plain = await harness.run(["journal", "list"])
        #expect(!plain.standardOutput.contains("'\(code.name)'"))
        #expect(plain.standardOutput.contains(
            "Left out: 1 older change whose API server was not recorded "
                + "(--any-server includes it)."))

        let any = await harness.run(["journal", "list", "--any-server"])
        #expect(any.standardOutput.contains("'\(code.name)' (id \(code.id))"))
        #expect(!any.standardOutput.contains("Left out"))
    }
}
