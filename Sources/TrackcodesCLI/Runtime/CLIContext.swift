import Foundation
import WebexAPI
import WebexSandbox

/// Everything an invocation touches outside itself: environment, streams, and the services it
/// builds clients and screens with. `standard()` is the real process; tests swap parts.
public struct CLIContext: Sendable {
    public var environment: [String: String]
    public var standardInput: any InputSource
    public var standardOutput: any TextOutput
    public var standardError: any TextOutput
    public var services: CLIServices

    public init(
        environment: [String: String], standardInput: any InputSource,
        standardOutput: any TextOutput, standardError: any TextOutput,
        services: CLIServices = CLIServices()
    ) {
        self.environment = environment
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.services = services
    }

    /// This process: its environment, stdin, stdout and stderr.
    public static func standard() -> CLIContext {
        CLIContext(
            environment: ProcessInfo.processInfo.environment, standardInput: StandardInput(),
            standardOutput: FileDescriptorOutput(descriptor: 1),
            standardError: FileDescriptorOutput(descriptor: 2))
    }
}

/// The pieces an invocation builds its client and screens from.
public struct CLIServices: Sendable {
    /// The transport to a real server (Webex, or whatever `--base-url` names).
    public var makeTransport: @Sendable () -> any HTTPTransport
    /// The in-process sandbox behind `--demo`; throws when its data cannot be loaded.
    public var makeDemoTransport: @Sendable () throws -> any HTTPTransport
    public var sleeper: any Sleeper
    public var retryPolicy: RetryPolicy
    /// Runs the terminal UI until the user quits; `trackcodes` without a command calls it.
    public var launchTerminalUI: @Sendable (TerminalUILaunch) async -> ExitCode

    public init(
        makeTransport: @escaping @Sendable () -> any HTTPTransport = { URLSessionTransport() },
        makeDemoTransport: @escaping @Sendable () throws -> any HTTPTransport = {
            SandboxTransport(try Sandbox.demo())
        },
        sleeper: any Sleeper = TaskSleeper(),
        retryPolicy: RetryPolicy = .standard,
        launchTerminalUI: @escaping @Sendable (TerminalUILaunch) async -> ExitCode
            = CLIServices.builtInTerminalUI
    ) {
        self.makeTransport = makeTransport
        self.makeDemoTransport = makeDemoTransport
        self.sleeper = sleeper
        self.retryPolicy = retryPolicy
        self.launchTerminalUI = launchTerminalUI
    }

    /// The terminal UI of this build.
    public static let builtInTerminalUI: @Sendable (TerminalUILaunch) async -> ExitCode = {
        await TerminalUIEntry.launch($0)
    }
}
