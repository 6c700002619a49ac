import Foundation
import Testing
import TrackcodesCLI
import WebexAPI
import WebexSandbox

/// Given the demo organisation in a sandbox, the write commands change it as asked.
@Suite struct WriteCommandTests {
    @Test func createWithFlagsAddsTheCodeToThePreferredSite() async throws {
        let harness = try CLIHarness()
        let run = await harness.run([
            "codes", "create", "--name", "Cost Centre 2", "--input-mode", "select",
            "--option", "North", "--option", "South", "--default-option", "South",
            "--schedule", "MeetingCenter=required",
        ])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let created = try #require(harness.code(where: { $0.name == "Cost Centre 2" }))
        #expect(created.inputMode == .select)
        #expect(created.options == [
            TrackingCodeOption(value: "North"), TrackingCodeOption(value: "South", defaultValue: true),
        ])
        #expect(created.scheduleType(for: .meetingCenter) == .required)
        // The other services keep the create default rather than silently dropping to notUsed.
        #expect(created.scheduleType(for: .eventCenter) == .optional)
        #expect(run.standardOutput.contains("Created tracking code \(created.id)"))
    }

    @Test func createFromABodyOnStandardInput() async throws {
        let harness = try CLIHarness()
        let body = """
            {"name": "Ticket", "inputMode": "editableSelect", "hostProfileCode": "optional",
             "options": [{"value": "T-1", "defaultValue": false}],
             "scheduleStartCodes": [{"service": "All", "type": "required"}]}
            """
        let run = await harness.run(["codes", "create", "--body", "-", "--json"], stdin: body)

        #expect(run.exitCode == .success, "\(run.standardError)")
        let printed = try JSONDecoder().decode(TrackingCode.self, from: Data(run.standardOutput.utf8))
        let stored = try #require(harness.code(where: { $0.id == printed.id }))
        #expect(stored == printed)
        #expect(stored.inputMode == .editableSelect)
        #expect(stored.scheduleType(for: .supportCenter) == .required)
    }

    @Test func updateWithFlagsChangesOnlyWhatWasAsked() async throws {
        let harness = try CLIHarness()
        let before = try #require(harness.code(where: { $0.options.count > 1 }))
        let run = await harness.run(["codes", "update", before.id, "--name", "Renamed"])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let after = try #require(harness.code(where: { $0.id == before.id }))
        #expect(after.name == "Renamed")
        #expect(after.options == before.options)
        #expect(after.inputMode == before.inputMode)
        #expect(after.scheduleStartCodes == before.scheduleStartCodes)
    }

    @Test func updateFromTheOutputOfGetJSONRoundTrips() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        let got = await harness.run(["codes", "get", code.id, "--json"])
        let edited = got.standardOutput.replacingOccurrences(of: "\"\(code.name)\"", with: "\"Edited name\"")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-body-\(UUID()).json")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let run = await harness.run(["codes", "update", code.id, "--body", file.path])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let after = try #require(harness.code(where: { $0.id == code.id }))
        #expect(after.name == "Edited name")
        #expect(after.options == code.options)
    }

    @Test func deleteReportsEachIdAndDeletesTheKnownOnes() async throws {
        let harness = try CLIHarness()
        let site = harness.preferredSite
        let codes = harness.sandbox.codes(siteUrl: site)
        let first = try #require(codes.first), second = try #require(codes.last)
        let run = await harness.run(["codes", "delete", first.id, "999999", second.id])

        #expect(run.exitCode == .apiError)
        #expect(run.standardOutput.contains("Deleted tracking code \(first.id)"))
        #expect(run.standardOutput.contains("Deleted tracking code \(second.id)"))
        #expect(run.stderrLines.count == 1)
        #expect(run.standardError.contains("could not delete 999999"))
        let remaining = harness.sandbox.codes(siteUrl: site).map(\.id)
        #expect(!remaining.contains(first.id) && !remaining.contains(second.id))
        #expect(remaining.count == codes.count - 2)
    }

    @Test func deleteKeepsTheWholeCodeInTheJournalBeforeSending() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code(where: { $0.options.count > 2 }))
        let run = await harness.run(["codes", "delete", code.id])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let records = try harness.journalRecords()
        let intent = try #require(records.first)
        #expect(intent["kind"] as? String == "intent")
        #expect(intent["action"] as? String == "delete")
        let before = try #require(intent["before"] as? [String: Any])
        let saved = try JSONDecoder().decode(
            TrackingCode.self, from: JSONSerialization.data(withJSONObject: before))
        #expect(saved == code)
        #expect(records.last?["kind"] as? String == "outcome")
        #expect(records.last?["succeeded"] as? Bool == true)
    }

    @Test func everyWriteIsJournalled() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        let user = try #require(harness.user())
        let textCode = try #require(harness.code(where: { $0.inputMode == .text }))

        _ = await harness.run(["codes", "create", "--name", "Journalled"])
        _ = await harness.run(["codes", "update", code.id, "--name", "Journalled too"])
        _ = await harness.run(["user", "set", "--email", user.email, "\(textCode.name)=J"])

        let intents = try harness.journalRecords().filter { $0["kind"] as? String == "intent" }
        #expect(intents.compactMap { $0["action"] as? String } == ["create", "update", "updateUserValues"])
    }

    @Test func aJournalThatCannotBeWrittenStopsTheWrite() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        // A plain file where the state folder should be: nothing can be created under it.
        let blocker = CLIHarness.makeStateHome()
        try Data().write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let before = harness.sandbox.dataset

        let run = await harness.run(
            ["codes", "delete", code.id],
            environment: ["WEBEX_API_KEY": CLIHarness.fakeToken, "XDG_STATE_HOME": blocker.path])

        #expect(run.exitCode == .apiError)
        #expect(run.standardError.contains("journal cannot be written"))
        #expect(harness.sandbox.dataset == before)
    }

    @Test func deleteWithJSONPrintsOneResultPerId() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        let run = await harness.run(["codes", "delete", code.id, "999999", "--json"])

        let results = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        #expect(results.map { $0["id"] as? String } == [code.id, "999999"])
        #expect(results.map { $0["deleted"] as? Bool } == [true, false])
        #expect(results[1]["status"] as? Int == 404)
    }

    @Test func userSetSendsTheMergedListAndKeepsOtherValues() async throws {
        let harness = try CLIHarness()
        let site = harness.preferredSite
        let user = try #require(harness.user(where: { ($0.values[site]?.count ?? 0) > 1 }))
        let before = harness.sandbox.userValues(siteUrl: site, email: user.email)
        let textCode = try #require(harness.code(where: { $0.inputMode == .text }))

        let run = await harness.run(["user", "set", "--email", user.email, "\(textCode.name)=A=B"])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let after = harness.sandbox.userValues(siteUrl: site, email: user.email)
        #expect(after[textCode.name] == "A=B")
        for (name, value) in before where name != textCode.name {
            #expect(after[name] == value)
        }
    }

    @Test func userSetMatchesCodeNamesIgnoringCaseAndSendsTheCodesOwnName() async throws {
        let harness = try CLIHarness()
        let site = harness.preferredSite
        let user = try #require(harness.user())
        let textCode = try #require(harness.code(where: {
            $0.inputMode == .text && $0.name.lowercased() != $0.name
        }))

        let run = await harness.run(
            ["user", "set", "--email", user.email, "\(textCode.name.lowercased())=Legal"])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let after = harness.sandbox.userValues(siteUrl: site, email: user.email)
        #expect(after[textCode.name] == "Legal")
        #expect(after[textCode.name.lowercased()] == nil)
        let journalled = try harness.journalRecords().first?["userUpdate"] as? [String: Any]
        let sentNames = (journalled?["trackingCodes"] as? [[String: Any]])?
            .compactMap { $0["name"] as? String }
        #expect(sentNames?.contains(textCode.name) == true)
        #expect(sentNames?.contains(textCode.name.lowercased()) == false)
    }

    @Test func userSetSendsAnOptionInItsOwnSpellingWhenTypedDecomposed() async throws {
        let harness = try CLIHarness()
        let site = harness.preferredSite
        let user = try #require(harness.user())
        let office = try #require(harness.code(where: { $0.name == "Office" }))
        let option = try #require(office.options.map(\.value).first {
            $0.decomposedStringWithCanonicalMapping.unicodeScalars.count != $0.unicodeScalars.count
        })

        let run = await harness.run([
            "user", "set", "--email", user.email,
            "Office=\(option.decomposedStringWithCanonicalMapping)",
        ])

        #expect(run.exitCode == .success, "\(run.standardError)")
        let stored = try #require(harness.sandbox.userValues(siteUrl: site, email: user.email)["Office"])
        #expect(Array(stored.unicodeScalars) == Array(option.unicodeScalars))
    }

    @Test func userSetRefusesTheSameCodeNamedTwiceInDifferentCase() async throws {
        let harness = try CLIHarness()
        let user = try #require(harness.user())
        let textCode = try #require(harness.code(where: { $0.inputMode == .text }))
        let before = harness.sandbox.dataset

        let run = await harness.run([
            "user", "set", "--email", user.email,
            "\(textCode.name)=A", "\(textCode.name.uppercased())=B",
        ])

        #expect(run.exitCode == .usage)
        #expect(run.standardError.contains("is given more than once"))
        #expect(harness.sandbox.dataset == before)
    }

    @Test func userSetRefusesAValueThatIsNotAnOptionWithoutSending() async throws {
        let harness = try CLIHarness()
        let user = try #require(harness.user())
        let select = try #require(harness.code(where: { $0.inputMode == .select }))
        let before = harness.sandbox.dataset
        let run = await harness.run(["user", "set", "--email", user.email, "\(select.name)=No such option"])

        #expect(run.exitCode == .usage)
        #expect(run.stderrLines.count == 1)
        #expect(run.standardError.contains("not one of the options"))
        #expect(harness.sandbox.dataset == before)
    }

    @Test func dryRunPrintsTheRequestAndSendsNothing() async throws {
        let harness = try CLIHarness()
        let run = await harness.run([
            "codes", "create", "--site", harness.preferredSite, "--name", "Dry", "--dry-run",
        ])

        #expect(run.exitCode == .success)
        #expect(harness.sandbox.handledRequestCount == 0)
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("POST https://webexapis.com/v1/admin/meeting/config/trackingCodes") == true)
        #expect(lines.contains("Authorization: Bearer <redacted>"))
        let body = try #require(lines.first(where: { $0.hasPrefix("{") }))
        let draft = try JSONDecoder().decode(TrackingCode.Draft.self, from: Data(body.utf8))
        #expect(draft.name == "Dry" && draft.siteUrl == harness.preferredSite)
        #expect(run.standardError == "trackcodes: dry run: nothing was sent\n")
    }

    @Test func dryRunOfEveryWriteLeavesTheSandboxUnchanged() async throws {
        let harness = try CLIHarness()
        let before = harness.sandbox.dataset
        let code = try #require(harness.code())
        let user = try #require(harness.user())
        let textCode = try #require(harness.code(where: { $0.inputMode == .text }))

        for arguments in [
            ["codes", "create", "--name", "X", "--dry-run"],
            ["codes", "update", code.id, "--name", "Y", "--dry-run"],
            ["codes", "delete", code.id, "--dry-run"],
            ["user", "set", "--email", user.email, "\(textCode.name)=Z", "--dry-run"],
        ] {
            let run = await harness.run(arguments)
            #expect(run.exitCode == .success, "\(arguments): \(run.standardError)")
            #expect(run.standardOutput.contains("Bearer <redacted>"), "\(arguments)")
        }
        #expect(harness.sandbox.dataset == before)
    }

    @Test func readOnlyRefusesEveryWriteBeforeSending() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code())
        let user = try #require(harness.user())

        for arguments in [
            ["codes", "create", "--name", "X"],
            ["codes", "update", code.id, "--name", "Y"],
            ["codes", "delete", code.id],
            ["user", "set", "--email", user.email, "A=B"],
        ] {
            let run = await harness.run(["--read-only"] + arguments)
            #expect(run.exitCode == .usage, "\(arguments)")
            #expect(run.stderrLines.count == 1)
            #expect(run.standardError.contains("--read-only"))
        }
        #expect(harness.sandbox.handledRequestCount == 0)

        let read = await harness.run(["codes", "list", "--read-only"])
        #expect(read.exitCode == .success)
        let before = harness.sandbox.dataset
        let dryRun = await harness.run(["codes", "delete", code.id, "--read-only", "--dry-run"])
        #expect(dryRun.exitCode == .success)
        #expect(dryRun.standardOutput.hasPrefix("DELETE "))
        #expect(harness.sandbox.dataset == before)
    }
}

extension TrackingCode {
    /// The request body shape, decoded back for checks.
    struct Draft: Decodable {
        var name: String
        var siteUrl: String
    }
}

@Suite struct BodyIdentityTests {
    @Test func aBodyForAnotherCodeIsRefusedBeforeAnythingIsSent() async throws {
        let run = await Trackcodes.runCapturingOutput(
            ["codes", "update", "3", "--body", "-", "--demo"],
            standardInput: Data(#"{"id":"2","name":"Renamed"}"#.utf8))
        #expect(run.exitCode == .usage)
        #expect(run.standardError == "trackcodes: the body is for tracking code 2, not 3; remove its \"id\" or update 2 instead\n")
        let same = await Trackcodes.runCapturingOutput(
            ["codes", "update", "3", "--body", "-", "--demo", "--dry-run"], standardInput: Data(#"{"id":3,"name":"Renamed"}"#.utf8))
        #expect(same.exitCode == .success)
    }
}
