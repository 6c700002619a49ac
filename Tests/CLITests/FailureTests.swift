import Foundation
import Testing
import TrackcodesCLI
import WebexAPI
import WebexSandbox

/// Bad input and failed connections end with the documented exit code and one line on stderr.
@Suite struct FailureTests {
    @Test(arguments: [
        ["codes", "list", "--foo"],
        ["--bogus"],
        ["sites", "--site", "x"],
        ["codes", "get"],
        ["codes", "get", "1", "2"],
        ["codes", "nope"],
        ["codes"],
        ["codes", "list", "--json=yes"],
        ["codes", "list", "--site", "a", "--site", "b"],
        ["codes", "create", "--input-mode", "dropdown", "--name", "x"],
        ["codes", "create", "--name"],
        ["codes", "create", "--schedule", "Lunch=required", "--name", "x"],
        ["user", "get"],
        ["user", "get", "--email", "a@b", "--person-id", "p"],
        ["user", "set", "--email", "a@b", "novalue"],
        ["codes", "update", "1"],
        ["codes", "create", "--demo", "--base-url", "https://example.com/v1", "--name", "x"],
        ["help", "nothing"],
        ["--=x"], ["-"], ["="], ["codes", "delete", "--", ""], ["user", "set", "--email", "", "a=b"],
        ["codes", "create", "--name", "x", "--schedule", "=", "--schedule", "All="],
        [String(repeating: "é", count: 5000)], ["codes", "list", "--\u{1B}[2J"],
    ])
    func usageErrorsExitTwoWithOneLine(arguments: [String]) async throws {
        let harness = try CLIHarness()
        let run = await harness.run(arguments)

        #expect(run.exitCode == .usage)
        #expect(run.standardOutput.isEmpty)
        #expect(run.stderrLines.count == 1)
        #expect(run.standardError.hasPrefix("trackcodes: "))
        #expect(!run.standardError.contains("\u{1B}"))
        #expect(harness.sandbox.handledRequestCount == 0)
    }

    @Test func unknownOptionNamesTheCommandAndItsHelp() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["codes", "list", "--foo"])

        #expect(run.standardError
            == "trackcodes: unknown option '--foo' for 'codes list'; see 'trackcodes codes list --help'\n")
    }

    @Test(arguments: [
        "{\"name\": \"x\",",
        "not json",
        "[]",
        "",
        "{\"name\": 5}",
        "{\"name\": \"x\", \"inputmode\": \"text\"}",
        "{\"name\": \"x\", \"options\": [{\"value\": \"a\"}]}",
    ])
    func malformedBodiesExitTwoWithoutARequest(body: String) async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["codes", "create", "--body", "-"], stdin: body)

        #expect(run.exitCode == .usage)
        #expect(run.stderrLines.count == 1)
        #expect(run.standardError.contains("body"))
        #expect(harness.sandbox.handledRequestCount == 0)
    }

    @Test func aBodyFileThatDoesNotExistIsAUsageError() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["codes", "create", "--body", "/nonexistent/body.json"])

        #expect(run.exitCode == .usage)
        #expect(
            run.standardError
                == "trackcodes: cannot read /nonexistent/body.json: the file does not exist\n")
    }

    @Test(arguments: [
        ["codes", "create", "--name", "x", "--input-mode", "select"],
        ["codes", "create", "--name", String(repeating: "n", count: 121)],
        ["codes", "create", "--name", "x", "--host-profile", "adminSet", "--schedule", "All=required"],
        ["codes", "create", "--name", "x", "--option", "a", "--default-option", "b"],
    ])
    func invalidFieldsExitTwoWithoutARequest(arguments: [String]) async throws {
        let harness = try CLIHarness()
        let run = await harness.run(arguments)

        #expect(run.exitCode == .usage)
        #expect(run.stderrLines.count == 1)
        #expect(harness.sandbox.handledRequestCount == 0)
    }

    @Test func noTokenIsAnAuthFailure() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["codes", "list"], environment: [:])

        #expect(run.exitCode == .networkOrAuth)
        #expect(run.stderrLines.count == 1)
        #expect(run.standardError.contains("WEBEX_API_KEY"))
        #expect(harness.sandbox.handledRequestCount == 0)
    }

    @Test func aRejectedTokenIsAnAuthFailure() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["sites"], environment: ["WEBEX_API_KEY": "not-the-right-token"])

        #expect(run.exitCode == .networkOrAuth)
        #expect(run.standardError.contains("401"))
        #expect(!run.standardError.contains("not-the-right-token"))
    }

    @Test func aRefusedConnectionIsANetworkFailure() async throws {
        let services = CLIServices.fixed(FixedTransport(failure: .connectionRefused(host: "127.0.0.1")))
        let run = await Trackcodes.runCapturingOutput(
            ["codes", "list", "--base-url", "http://127.0.0.1:9/v1"],
            environment: CLIHarness.isolated(["WEBEX_API_KEY": CLIHarness.fakeToken]), services: services)

        #expect(run.exitCode == .networkOrAuth)
        #expect(run.standardError.contains("refused"))
    }

    @Test func deleteStopsAfterANetworkFailureAndSaysWhatWasNotTried() async throws {
        let services = CLIServices.fixed(FixedTransport(failure: .timedOut))
        let run = await Trackcodes.runCapturingOutput(
            ["codes", "delete", "1", "2", "3", "--site", "a.webex.com"],
            environment: CLIHarness.isolated(["WEBEX_API_KEY": CLIHarness.fakeToken]), services: services)

        #expect(run.exitCode == .networkOrAuth)
        #expect(run.stderrLines.count == 2)
        #expect(run.stderrLines.first?.hasPrefix("trackcodes: could not delete 1: Network failure") == true)
        #expect(run.stderrLines.last == "trackcodes: not attempted: 2 3")
    }

    @Test func plainHTTPToARemoteHostIsRefused() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["sites", "--base-url", "http://webexapis.com/v1"])

        #expect(run.exitCode == .usage)
        #expect(run.standardError.contains("plain http"))
        #expect(harness.sandbox.handledRequestCount == 0)
    }

    @Test func aTokenFileOthersCanReadIsRefused() async throws {
        let harness = try CLIHarness()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-token-\(UUID())")
        try Data(CLIHarness.fakeToken.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)

        let open = await harness.run(["sites", "--token-file", file.path], environment: [:])
        #expect(open.exitCode == .networkOrAuth)
        #expect(open.standardError.contains("chmod 600"))

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let closed = await harness.run(["sites", "--token-file", file.path], environment: [:])
        #expect(closed.exitCode == .success)
    }
}
