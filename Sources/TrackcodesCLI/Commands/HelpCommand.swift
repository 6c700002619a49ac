/// `trackcodes help [COMMAND...]`: the same text as `COMMAND --help`.
enum HelpCommand {
    static let command = PositionalSpec(
        "COMMAND", count: .zeroOrMore, help: "The command to explain, e.g. codes list")

    static let spec = CommandSpec(
        name: "help", summary: "Show help for trackcodes or one of its commands",
        positionals: [command],
        action: { invocation in
            let path = invocation.parsed.values(of: command)
            guard invocation.tree.command(at: path) != nil else {
                throw UsageError("unknown command '\(path.joined(separator: " "))'", helpPath: [])
            }
            invocation.context.standardOutput.write(HelpText.render(path: path, in: invocation.tree))
            return .success
        })
}
