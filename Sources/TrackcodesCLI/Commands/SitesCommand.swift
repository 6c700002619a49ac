/// `trackcodes sites`: the caller's sites, the preferred one marked.
enum SitesCommand {
    static let spec = CommandSpec(
        name: "sites",
        summary: "List the Webex sites you can manage; your preferred site is marked",
        discussion: "Commands without --site use the preferred site.",
        action: run)

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        let client = try invocation.connect().client
        if invocation.wantsJSON {
            invocation.printJSON(try await client.send(.listSites).body)
            return .success
        }
        let sites = try await client.listSites()
        if sites.isEmpty {
            invocation.printOutput("No sites.")
            return .success
        }
        let table = TextTable(
            columns: [.init(header: "SITE"), .init(header: "PREFERRED")],
            rows: sites.map { [$0.siteUrl, $0.isDefault ? "yes" : ""] })
        invocation.printOutput(table.render(style: invocation.style))
        return .success
    }
}
