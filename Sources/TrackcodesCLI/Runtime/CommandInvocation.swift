import Foundation
import WebexAPI

/// One parsed command about to run: its arguments, its streams, and the shared helpers every
/// command uses to connect, print and refuse.
public struct CommandInvocation: Sendable {
    public let parsed: ParsedCommand
    public let context: CLIContext
    let tree: CommandTree
    /// The stdout/stderr wrappers that learn the token once `connect()` has it.
    let redactors: [RedactingOutput]

    /// `--json`: print what the API sent instead of a table.
    public var wantsJSON: Bool { parsed[GlobalOptions.json] }

    public var isReadOnly: Bool { parsed[GlobalOptions.readOnly] }

    /// False when the user asked for plain text: `--no-color`, `NO_COLOR`, or `TERM=dumb`.
    public var allowsColor: Bool {
        !parsed[GlobalOptions.noColor] && (context.environment["NO_COLOR"] ?? "").isEmpty
            && context.environment["TERM"] != "dumb"
    }

    /// Bold headers only for a person at a terminal who has not asked for plain text.
    var style: TextStyle {
        TextStyle(usesColor: allowsColor && context.standardOutput.isTerminal)
    }

    /// The client the global options ask for. From here on the token is hidden from all output.
    ///
    /// - Parameter observer: sees every API call the client makes (the terminal UI's log).
    public func connect(observer: (@Sendable (APICallRecord) -> Void)? = nil) throws -> Connection {
        let (connection, token) = try Connection.make(for: parsed, context: context, observer: observer)
        for redactor in redactors {
            redactor.hide(token.secret)
        }
        return connection
    }

    /// Writes `text` to standard output as it is; callers escape API data themselves.
    public func printOutput(_ text: String) {
        context.standardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes one `trackcodes: ...` line to standard error, with control characters escaped.
    public func printError(_ message: String) {
        context.standardError.write("\(tree.root.name): \(OutputEscaping.escapingControls(message))\n")
    }

    /// A body the API sent, as it came; a terminal gets its control characters escaped.
    public func printJSON(_ body: Data) {
        let text = String(decoding: body, as: UTF8.self)
        printOutput(context.standardOutput.isTerminal ? OutputEscaping.escapingControlsInJSON(text) : text)
    }

    /// A value the API returned, as JSON: for writes, which go through the journal and so hand
    /// back the decoded object rather than Webex's bytes.
    func printEncoded<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        printJSON(try encoder.encode(value))
    }

    /// Throws when `--read-only` forbids `change` (e.g. "delete tracking codes"). A `--dry-run`
    /// sends no change, so it is allowed.
    public func refuseIfReadOnly(_ change: String) throws {
        guard isReadOnly, !parsed[CodeOptions.dryRun] else { return }
        throw CLIFailure(
            "--read-only is set, so trackcodes will not \(change); drop --read-only to make changes",
            exitCode: .usage)
    }

    /// `--dry-run`: show the requests that would be sent, token redacted, a blank line between
    /// them, and a note on standard error (so stdout holds only the requests).
    func printDryRun(_ requests: [HTTPRequest]) {
        let text = requests.map { OutputEscaping.escapingControlsInJSON($0.redactedDescription) }
        printOutput(text.joined(separator: "\n\n"))
        printError("dry run: nothing was sent")
    }
}
