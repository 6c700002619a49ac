/// Commands whose names are taken and whose code lands with other modules. Each takes its
/// arguments raw until it declares its options here.
enum ReservedCommands {
    static let serve = reserved("serve", summary: "Serve the REST adapter on a local port")
    static let mcp = reserved("mcp", summary: "Run the MCP server on standard input and output")
    static let journal = reserved("journal", summary: "Show the journal of changes and restore from it")

    private static func reserved(_ name: String, summary: String) -> CommandSpec {
        CommandSpec(
            name: name, summary: summary, takesRawArguments: true,
            action: { invocation in
                invocation.printError("'trackcodes \(name)' is not built yet")
                return .usage
            })
    }
}
