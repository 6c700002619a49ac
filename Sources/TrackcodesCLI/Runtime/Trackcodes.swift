import Foundation
import TrackingCodesCore

/// The command-line program as a function: arguments and a context in, an exit code out.
///
/// `main.swift` calls `run(_:context:)` with the real process; tests call it (or
/// `runCapturingOutput`) in-process with their own environment, input and sandbox.
public enum Trackcodes {
    /// The grammar of every command.
    public static var commandTree: CommandTree { CommandTable.tree }

    /// Sets up the real process for the command `arguments` name, before anything else runs:
    /// `main.swift` calls it first, synchronously. Tests running commands in-process never do.
    ///
    /// It must come before the first `await`: `run` already executes on a thread of Swift's
    /// concurrency pool, and glibc fixes its arena limit when such a thread first allocates,
    /// so tuning from inside `run` left every thread with an arena of its own.
    public static func prepareProcess(for arguments: [String]) {
        guard case .run(let parsed) = try? CommandLineParser(tree: commandTree).parse(arguments)
        else { return }
        AllocatorTuning.apply(forCommand: parsed.path.first)
    }

    public static func run(_ arguments: [String], context: CLIContext) async -> ExitCode {
        let stdout = RedactingOutput(context.standardOutput)
        let stderr = RedactingOutput(context.standardError)
        var context = context
        context.standardOutput = stdout
        context.standardError = stderr
        let tree = commandTree

        let outcome: ParseOutcome
        do {
            outcome = try CommandLineParser(tree: tree).parse(arguments)
        } catch {
            stderr.write("\(tree.root.name): \(OutputEscaping.escapingControls(error.line(in: tree)))\n")
            return .usage
        }

        switch outcome {
        case .help(let path):
            stdout.write(HelpText.render(path: path, in: tree))
            return .success
        case .version:
            stdout.write("\(tree.root.name) \(TrackcodesVersion.current)\n")
            return .success
        case .run(let parsed):
            let invocation = CommandInvocation(
                parsed: parsed, context: context, tree: tree, redactors: [stdout, stderr])
            guard let action = parsed.command.action else {
                let name = tree.shortName(of: parsed.path)
                let error = UsageError("'\(name)' cannot run", helpPath: parsed.path)
                invocation.printError(error.line(in: tree))
                return .usage
            }
            do {
                return try await action(invocation)
            } catch {
                let failure = CLIFailure(error, in: tree)
                invocation.printError(failure.message)
                return failure.exitCode
            }
        }
    }

    /// Runs one command in-process and returns what it printed.
    public static func runCapturingOutput(
        _ arguments: [String], environment: [String: String] = [:], standardInput: Data = Data(),
        services: CLIServices = CLIServices()
    ) async -> CapturedRun {
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let context = CLIContext(
            environment: environment, standardInput: DataInput(standardInput),
            standardOutput: stdout, standardError: stderr, services: services)
        let code = await run(arguments, context: context)
        return CapturedRun(exitCode: code, standardOutput: stdout.text, standardError: stderr.text)
    }
}

/// What one in-process run printed and how it ended.
public struct CapturedRun: Sendable, Hashable {
    public let exitCode: ExitCode
    public let standardOutput: String
    public let standardError: String
}
