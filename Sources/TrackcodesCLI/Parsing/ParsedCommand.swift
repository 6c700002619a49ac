/// A command line that matched the grammar: which command, and its typed option values.
public struct ParsedCommand: Sendable {
    /// The words that named the command, after the program name: `["codes", "list"]`.
    public let path: [String]
    public let command: CommandSpec
    let flags: Set<String>
    let values: [String: [String]]
    let positionalValues: [String: [String]]

    init(
        path: [String], command: CommandSpec, flags: Set<String>, values: [String: [String]],
        positionalValues: [String: [String]]
    ) {
        self.path = path
        self.command = command
        self.flags = flags
        self.values = values
        self.positionalValues = positionalValues
    }

    public subscript(flag: Flag) -> Bool { flags.contains(flag.spec.name) }

    public subscript(option: SingleOption) -> String? { values[option.spec.name]?.first }

    public subscript(option: RepeatedOption) -> [String] { values[option.spec.name] ?? [] }

    /// The words given for `positional`, in order; empty when it is optional and absent.
    public func values(of positional: PositionalSpec) -> [String] {
        positionalValues[positional.name] ?? []
    }

    /// The single word given for a `.one` or `.optional` positional.
    public func value(of positional: PositionalSpec) -> String? {
        positionalValues[positional.name]?.first
    }
}

/// What the parser found: a command to run, or a request for help.
public enum ParseOutcome: Sendable {
    case run(ParsedCommand)
    /// `--help`/`-h` was given; the path names the command to explain.
    case help(path: [String])
    /// `--version` was given before any command word.
    case version
}
