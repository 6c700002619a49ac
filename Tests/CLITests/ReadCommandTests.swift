import Foundation
import Testing
import TrackcodesCLI
import WebexAPI
import WebexSandbox

/// Given the demo organisation in a sandbox, the read commands show what it holds.
@Suite struct ReadCommandTests {
    @Test func sitesListsEverySiteAndMarksThePreferredOne() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["sites"])

        #expect(run.exitCode == .success)
        #expect(run.standardError.isEmpty)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("SITE") == true)
        for site in harness.sandbox.dataset.sites {
            let line = lines.first(where: { $0.hasPrefix(site.siteUrl + " ") || $0 == site.siteUrl })
            #expect(line != nil, "missing \(site.siteUrl)")
            #expect(line?.hasSuffix("yes") == site.isDefault)
        }
    }

    @Test func codesListWithDemoPrintsATableOfThePreferredSite() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["codes", "list", "--demo"], environment: [:])

        #expect(run.exitCode == .success)
        let lines = run.standardOutput.split(separator: "\n")
        let header = try #require(lines.first)
        for column in ["ID", "NAME", "INPUT MODE", "OPTIONS", "DEFAULT", "HOST PROFILE", "SCHEDULE/START"] {
            #expect(header.contains(column))
        }
        let codes = harness.sandbox.codes(siteUrl: harness.preferredSite)
        #expect(lines.count == codes.count + 1)
        for (line, code) in zip(lines.dropFirst(), codes) {
            #expect(line.contains(code.name))
            #expect(line.contains(code.inputMode.rawValue))
            #expect(line.split(separator: " ").first.map(String.init) == code.id)
        }
    }

    @Test func codesListOfAnotherSiteShowsThatSitesCodes() async throws {
        let harness = try CLIHarness()
        let other = try #require(
            harness.sandbox.dataset.sites.first(where: { !$0.isDefault && !$0.hasMappedCodes }))
        let run = await harness.run(["codes", "list", "--site", other.siteUrl])

        #expect(run.exitCode == .success)
        for code in harness.sandbox.codes(siteUrl: other.siteUrl) {
            #expect(run.standardOutput.contains(code.name))
        }
    }

    @Test func jsonOutputIsExactlyWhatTheAPISent() async throws {
        let harness = try CLIHarness()
        let site = harness.preferredSite
        let code = try #require(harness.code())
        let user = try #require(harness.user(where: { $0.values[site] != nil }))

        let cases: [[String]] = [
            ["sites", "--json"],
            ["codes", "list", "--json"],
            ["--json", "codes", "list", "--site", site],
            ["codes", "get", code.id, "--json"],
            ["user", "get", "--email", user.email, "--json"],
        ]
        for arguments in cases {
            let run = await harness.run(arguments)
            #expect(run.exitCode == .success, "\(arguments)")
            let sent = try #require(harness.responses.last)
            #expect(run.standardOutput == String(decoding: sent.body, as: UTF8.self) + "\n", "\(arguments)")
            #expect(try JSONSerialization.jsonObject(with: sent.body) is NSDictionary, "\(arguments)")
        }
    }

    @Test func codesGetShowsEveryOptionAndService() async throws {
        let harness = try CLIHarness()
        let code = try #require(harness.code(where: { $0.options.count > 3 }))
        let run = await harness.run(["codes", "get", code.id])

        #expect(run.exitCode == .success)
        for option in code.options {
            #expect(run.standardOutput.contains(option.value))
        }
        for entry in code.scheduleStartCodes {
            #expect(run.standardOutput.contains("\(entry.service.rawValue)"))
        }
        #expect(run.standardOutput.contains(code.name))
    }

    @Test func userGetShowsTheUsersValues() async throws {
        let harness = try CLIHarness()
        let site = harness.preferredSite
        let user = try #require(harness.user(where: { ($0.values[site]?.count ?? 0) > 1 }))
        let run = await harness.run(["user", "get", "--person-id", user.personId])

        #expect(run.exitCode == .success)
        for (name, value) in harness.sandbox.userValues(siteUrl: site, personId: user.personId) {
            let row = run.standardOutput.split(separator: "\n").first(where: { $0.contains(name) })
            #expect(row?.contains(value) == true, "\(name)=\(value)")
        }
    }

    @Test func unknownIdIsAnAPIError() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["codes", "get", "987654"])

        #expect(run.exitCode == .apiError)
        #expect(run.standardOutput.isEmpty)
        #expect(run.stderrLines.count == 1)
        #expect(run.standardError.hasPrefix("trackcodes: Webex refused the request: HTTP 404"))
        #expect(run.standardError.contains("trackingId"))
    }

    @Test func unknownSiteIsAnAPIError() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["codes", "list", "--site", "nowhere.webex.com"])

        #expect(run.exitCode == .apiError)
        #expect(run.stderrLines.count == 1)
        #expect(run.standardError.contains("nowhere.webex.com"))
    }

    @Test func unknownUserIsAnAPIError() async throws {
        let harness = try CLIHarness()
        let run = await harness.run(["user", "get", "--email", "nobody@example.invalid"])

        #expect(run.exitCode == .apiError)
        #expect(run.stderrLines.count == 1)
    }
}
