/// What a command does once its arguments are parsed: it prints through the invocation and says
/// how the process should exit. Errors it throws are turned into one line and an exit code.
public typealias CommandAction = @Sendable (CommandInvocation) async throws -> ExitCode

/// One node of the command tree: a group (`codes`) or a command that runs (`codes list`).
public struct CommandSpec: Sendable {
    public var name: String
    /// One line for the parent's command list and the top of this command's help.
    public var summary: String
    /// Paragraphs shown in this command's help after the summary.
    public var discussion: String
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    public var subcommands: [CommandSpec]
    /// Nil for a group that only holds subcommands.
    public var action: CommandAction?

    public init(
        name: String, summary: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [], subcommands: [CommandSpec] = [],
        action: CommandAction? = nil
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
        self.action = action
    }

    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first(where: { $0.name == name })
    }
}

/// The whole command line grammar: the root command and the options every command accepts.
public struct CommandTree: Sendable {
    public let root: CommandSpec
    /// Accepted before or after any command name.
    public let globalOptions: [OptionSpec]

    public init(root: CommandSpec, globalOptions: [OptionSpec]) {
        self.root = root
        self.globalOptions = globalOptions
    }

    /// The command reached by following `path` from the root, or nil when a word names nothing.
    public func command(at path: [String]) -> CommandSpec? {
        var command = root
        for word in path {
            guard let next = command.subcommand(named: word) else { return nil }
            command = next
        }
        return command
    }

    /// `trackcodes codes list`, as the user types it.
    public func displayName(of path: [String]) -> String {
        ([root.name] + path).joined(separator: " ")
    }

    /// `codes list`, the name used inside messages; the root's own name when `path` is empty.
    func shortName(of path: [String]) -> String {
        path.isEmpty ? root.name : path.joined(separator: " ")
    }
}
