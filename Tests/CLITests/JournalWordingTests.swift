import Foundation
import Testing
import TrackcodesCLI

/// `journal list` and `journal restore` count codes and changes in words: "1 deleted code",
/// "2 deleted codes", never "code(s)".
@Suite("Journal commands say one code or several codes")
struct JournalWordingTests {
    @Test func restorableCodesAreCountedInTheListAndTheQuestion() async throws {
        let harness = try CLIHarness()
        let codes = Array(harness.sandbox.codes(siteUrl: harness.preferredSite).prefix(2))
        try #require(codes.count == 2)

        #expect(await harness.run(["codes", "delete", codes[0].id]).exitCode == .success)
        let one = await harness.run(["journal", "list"])
        #expect(one.standardOutput.hasPrefix("1 deleted code can be restored:\n"))
        let declinedOne = await harness.run(["journal", "restore"], stdin: "n\n")
        #expect(declinedOne.standardError.hasPrefix("Restore 1 code? [y/N] "))

        #expect(await harness.run(["codes", "delete", codes[1].id]).exitCode == .success)
        let two = await harness.run(["journal", "list"])
        #expect(two.standardOutput.hasPrefix("2 deleted codes can be restored:\n"))
        let declinedTwo = await harness.run(["journal", "restore"], stdin: "n\n")
        #expect(declinedTwo.standardError.hasPrefix("Restore 2 codes? [y/N] "))
        #expect(declinedTwo.standardError.contains("nothing restored"))
    }

    @Test func aChangeWithoutAnOutcomeIsCountedInTheSingular() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        let update = await harness.run(["codes", "update", code.id, "--name", "Renamed"])
        #expect(update.exitCode == .success, "\(update.standardError)")
        // Keep the intent and drop its outcome, as a crash between the two would leave it.
        let intents = try harness.journalRecords().filter { $0["kind"] as? String == "intent" }
        try #require(intents.count == 1)
        let line = try JSONSerialization.data(withJSONObject: intents[0])
        try (String(decoding: line, as: UTF8.self) + "\n").write(
            to: harness.journalFile, atomically: false, encoding: .utf8)

        let list = await harness.run(["journal", "list"])
        #expect(
            list.standardOutput.contains(
                "1 other change has no recorded outcome; check it in Control Hub."),
            "\(list.standardOutput)")
    }
}
