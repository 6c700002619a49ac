import Foundation
import Testing
import TrackingCodesCore
import TrackcodesCLI
import WebexAPI
import WebexSandbox

/// What runs without a command, the help of every command, and the reserved commands.
@Suite struct EntryTests {
    /// Records the launches it is asked for.
    final class LaunchRecorder: @unchecked Sendable {
        private let lock = NSLock()
        private var launches: [TerminalUILaunch] = []

        func record(_ launch: TerminalUILaunch) {
            lock.lock()
            defer { lock.unlock() }
            launches.append(launch)
        }

        var all: [TerminalUILaunch] {
            lock.lock()
            defer { lock.unlock() }
            return launches
        }
    }

    @Test func noCommandLaunchesTheTerminalUIWithTheChosenConnection() async throws {
        let harness = try CLIHarness()
        let recorder = LaunchRecorder()
        var services = harness.services
        services.launchTerminalUI = { launch in
            recorder.record(launch)
            return ExitCode(rawValue: 0)
        }
        let run = await Trackcodes.runCapturingOutput(["--demo", "--read-only"], services: services)

        #expect(run.exitCode == .success)
        let launch = try #require(recorder.all.first)
        #expect(recorder.all.count == 1)
        #expect(launch.connection.isDemo)
        #expect(launch.isReadOnly)
        let sites = try await launch.connection.client.listSites()
        #expect(sites.map(\.siteUrl) == harness.sandbox.dataset.sites.map(\.siteUrl))
        #expect(launch.siteUrl == nil)
    }

    @Test func siteIsHandedToTheTerminalUI() async throws {
        let harness = try CLIHarness()
        let recorder = LaunchRecorder()
        var services = harness.services
        services.launchTerminalUI = { launch in
            recorder.record(launch)
            return ExitCode(rawValue: 0)
        }
        let run = await Trackcodes.runCapturingOutput(
            ["--demo", "--site", "acme-eu.webex.com"], services: services)

        #expect(run.exitCode == .success)
        #expect(recorder.all.first?.siteUrl == "acme-eu.webex.com")
    }

    @Test func theBuiltInTerminalUINeedsATerminal() async throws {
        let harness = try CLIHarness()
        var services = harness.services
        services.launchTerminalUI = CLIServices.builtInTerminalUI
        let run = await Trackcodes.runCapturingOutput(["--demo"], services: services)

        #expect(run.exitCode == .usage)
        #expect(run.standardError.contains("the terminal UI needs a terminal"))
    }

    @Test func everyCommandHasHelp() async throws {
        var paths: [[String]] = []
        func walk(_ command: CommandSpec, _ path: [String]) {
            paths.append(path)
            for sub in command.subcommands {
                walk(sub, path + [sub.name])
            }
        }
        walk(Trackcodes.commandTree.root, [])

        for path in paths {
            let run = await Trackcodes.runCapturingOutput(path + ["--help"])
            #expect(run.exitCode == .success, "\(path)")
            #expect(run.standardOutput.hasPrefix("Usage: " + (["trackcodes"] + path).joined(separator: " ")), "\(path)")
            #expect(run.standardOutput.contains("--no-color"), "global options missing for \(path)")
            let viaHelp = await Trackcodes.runCapturingOutput(["help"] + path)
            #expect(viaHelp.standardOutput == run.standardOutput, "\(path)")
        }
        #expect(paths.count >= 12)
    }

    @Test func versionPrintsTheOneVersionAndTheRootHelpMentionsIt() async throws {
        let run = await Trackcodes.runCapturingOutput(["--version"])
        #expect(run.exitCode == .success)
        #expect(run.standardOutput == "trackcodes \(TrackcodesVersion.current)\n")
        #expect(run.standardError.isEmpty)

        let help = await Trackcodes.runCapturingOutput(["--help"])
        #expect(help.standardOutput.contains("--version"))
        #expect(help.standardOutput.contains(TrackcodesVersion.current))

        // A command has no version of its own: there the flag is a mistake, as before.
        let misplaced = await Trackcodes.runCapturingOutput(["codes", "list", "--version"])
        #expect(misplaced.exitCode == .usage)
        #expect(misplaced.standardOutput.isEmpty)
    }

    @Test func commandHelpListsItsOptionsAndChoices() async throws {
        let run = await Trackcodes.runCapturingOutput(["codes", "create", "-h"])

        for option in ["--site SITE", "--body FILE", "--name NAME", "--input-mode MODE", "--option VALUE",
                       "--default-option VALUE", "--host-profile CODE", "--schedule SERVICE=TYPE", "--dry-run"] {
            #expect(run.standardOutput.contains(option), "\(option)")
        }
        // Help wraps at 100 columns; read it as running text.
        let text = run.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("one of: text, select, editableSelect, hostProfileSelect"))
        #expect(run.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }
}
