import Foundation
import Testing
import TrackcodesCLI
import WebexAPI
import WebexSandbox

/// The access token never reaches any output: tables, JSON, errors, or dry-run requests.
@Suite struct TokenHygieneTests {
    @Test func theTokenAppearsInNoOutputOfAnyCommand() async throws {
        let harness = try CLIHarness()
        let site = harness.preferredSite
        let code = try #require(harness.code())
        let user = try #require(harness.user(where: { $0.values[site] != nil }))
        let textCode = try #require(harness.code(where: { $0.inputMode == .text }))

        let invocations: [[String]] = [
            ["sites"], ["sites", "--json"],
            ["codes", "list"], ["codes", "list", "--json"], ["codes", "list", "--site", "nowhere.webex.com"],
            ["codes", "get", code.id], ["codes", "get", "424242"],
            ["codes", "create", "--name", "Dry", "--dry-run"],
            ["codes", "create", "--name", "Dry", "--dry-run", "--json"],
            ["codes", "update", code.id, "--name", "Dry", "--dry-run"],
            ["codes", "delete", code.id, "424242", "--dry-run"],
            ["user", "get", "--email", user.email], ["user", "get", "--email", "nobody@example.invalid"],
            ["user", "set", "--email", user.email, "\(textCode.name)=v", "--dry-run"],
            ["user", "set", "--email", user.email, "\(textCode.name)=v"],
            ["codes", "create", "--name", "Real"], ["codes", "delete", code.id, "424242"],
            ["codes", "list", "--bogus"], ["--help"], ["codes", "create", "--help"],
        ]
        for arguments in invocations {
            let run = await harness.run(arguments)
            #expect(!run.standardOutput.contains(CLIHarness.fakeToken), "stdout of \(arguments)")
            #expect(!run.standardError.contains(CLIHarness.fakeToken), "stderr of \(arguments)")
        }
    }

    @Test func aServerThatEchoesTheTokenIsRedacted() async throws {
        let body = """
            {"message": "bad token Bearer \(CLIHarness.fakeToken)", "trackingId": "T1"}
            """
        let answer = HTTPResponse(status: 400, body: Data(body.utf8))
        let services = CLIServices.fixed(FixedTransport(response: answer))
        let run = await Trackcodes.runCapturingOutput(
            ["codes", "list"], environment: CLIHarness.isolated(["WEBEX_API_KEY": CLIHarness.fakeToken]), services: services)

        #expect(run.exitCode == .apiError)
        #expect(!run.standardError.contains(CLIHarness.fakeToken))
        #expect(run.standardError.contains("bad token Bearer <redacted>"))
    }
}
