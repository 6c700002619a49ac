/// Every command trackcodes knows, in one place: add a command here and the parser, the help
/// and the dispatch all pick it up.
enum CommandTable {
    static let tree = CommandTree(
        root: CommandSpec(
            name: "trackcodes",
            summary: "Manage the tracking codes of Webex Meetings sites.",
            discussion: """
                Without a command, trackcodes opens the terminal UI (on the site --site names,
                else on your preferred site).

                Exit codes: 0 ok, 1 Webex answered with an error, 2 usage error or invalid input,
                3 network or authentication failure.
                """,
            options: [TerminalUIEntry.site.spec],
            subcommands: [
                SitesCommand.spec,
                CodesCommands.group,
                UserCommands.group,
                UsersCommands.group,
                PathsCommand.spec,
                SandboxCommand.spec,
                AdapterCommands.serve,
                AdapterCommands.mcp,
                JournalCommand.group,
                HelpCommand.spec,
            ],
            action: TerminalUIEntry.run),
        globalOptions: GlobalOptions.all)
}
