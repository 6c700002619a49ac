import WebexAPI

/// What the terminal UI is started with: the connection the global options chose, and how the
/// user asked it to behave.
public struct TerminalUILaunch: Sendable {
    public let connection: Connection
    public let isReadOnly: Bool
    public let usesColor: Bool
    public let context: CLIContext
}

/// `trackcodes` without a command: connect as the global options say, then hand over to the
/// terminal UI through `CLIServices.launchTerminalUI`.
enum TerminalUIEntry {
    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        let connection = try invocation.connect()
        let launch = TerminalUILaunch(
            connection: connection, isReadOnly: invocation.isReadOnly,
            usesColor: invocation.allowsColor,
            context: invocation.context)
        return await invocation.context.services.launchTerminalUI(launch)
    }

    /// The default launcher until the `TerminalUI` module is wired in here.
    static func launch(_ launch: TerminalUILaunch) async -> ExitCode {
        launch.context.standardError.write(
            "trackcodes: the terminal UI is not built yet; see 'trackcodes --help' for the commands\n")
        return .usage
    }
}
