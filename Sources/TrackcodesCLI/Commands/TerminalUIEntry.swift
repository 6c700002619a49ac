import Foundation
import TerminalUI
import TrackingCodesCore
import WebexAPI

/// What the terminal UI is started with: the connection the global options chose, and how the
/// user asked it to behave.
public struct TerminalUILaunch: Sendable {
    public let connection: Connection
    /// Sees every API call of `connection`, for the UI's log view.
    public let callLog: APICallLog
    public let isReadOnly: Bool
    public let usesColor: Bool
    /// `--site`: the site to open on instead of the preferred one.
    public let siteUrl: String?
    public let context: CLIContext
}

/// `trackcodes` without a command: connect as the global options say, then hand over to the
/// terminal UI through `CLIServices.launchTerminalUI`.
enum TerminalUIEntry {
    static let site = SingleOption(
        "site", value: "SITE",
        help: "Open the terminal UI on this site, e.g. example.webex.com (default: your preferred site)")

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        let callLog = APICallLog()
        let connection = try invocation.connect(observer: callLog.observer)
        let launch = TerminalUILaunch(
            connection: connection, callLog: callLog, isReadOnly: invocation.isReadOnly,
            usesColor: invocation.allowsColor, siteUrl: invocation.parsed[site],
            context: invocation.context)
        return await invocation.context.services.launchTerminalUI(launch)
    }

    /// Runs the terminal UI on this process's terminal.
    ///
    /// `--demo` keeps its journal and settings in a temporary folder that goes away afterwards:
    /// sandbox changes must never be offered for restoring against a real Webex site.
    @MainActor
    static func launch(_ launch: TerminalUILaunch) async -> ExitCode {
        guard launch.context.standardOutput.isTerminal else {
            launch.context.standardError.write(
                "trackcodes: the terminal UI needs a terminal; in scripts use the commands "
                    + "(see 'trackcodes --help')\n")
            return .usage
        }
        let temporary = launch.connection.isDemo
            ? FileManager.default.temporaryDirectory
                .appendingPathComponent("trackcodes-demo-\(UUID().uuidString)", isDirectory: true)
            : nil
        defer {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
        }
        let paths = temporary.map { Paths(configDirectory: $0, stateDirectory: $0) }
            ?? Paths.standard(environment: launch.context.environment)

        let settings: Settings
        do {
            settings = try Settings.load(from: paths.settingsFile)
        } catch {
            launch.context.standardError.write("trackcodes: \(error.localizedDescription)\n")
            return .usage
        }
        let session = Session(
            client: launch.connection.client, callLog: launch.callLog, paths: paths,
            settings: settings, readOnly: launch.isReadOnly)
        let signal: TerminationReason?
        do {
            signal = try await TrackcodesApp.run(
                session: session, usesColor: launch.usesColor, siteUrl: launch.siteUrl)
        } catch {
            launch.context.standardError.write("trackcodes: \(error.localizedDescription)\n")
            return .usage
        }
        // Killed rather than quit: the terminal is restored, and the status says so.
        return signal.map { ExitCode(rawValue: $0.exitStatus) } ?? .success
    }
}
