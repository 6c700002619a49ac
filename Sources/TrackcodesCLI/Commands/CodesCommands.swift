/// `trackcodes codes ...`: a site's tracking codes.
enum CodesCommands {
    static let id = PositionalSpec("ID", help: "The tracking code's id, as 'codes list' shows it")

    static let group = CommandSpec(
        name: "codes", summary: "List, show, create, update, delete, export and import a site's tracking codes",
        subcommands: [
            list, get, CodesCreateCommand.spec, CodesUpdateCommand.spec, CodesDeleteCommand.spec,
            CodesExportCommand.spec, CodesImportCommand.spec,
        ])

    static let list = CommandSpec(
        name: "list", summary: "List a site's tracking codes as a table",
        discussion: "With --json, prints the API's list object exactly as Webex sent it.",
        options: [CodeOptions.site.spec],
        action: { invocation in
            let client = try invocation.connect().client
            let site = invocation.parsed[CodeOptions.site]
            if invocation.wantsJSON {
                invocation.printJSON(try await client.send(.listTrackingCodes(siteUrl: site)).body)
                return .success
            }
            let codes = try await client.listTrackingCodes(siteUrl: site)
            if codes.isEmpty {
                let place = site ?? "your preferred site"
                invocation.printOutput(OutputEscaping.escapingControls("No tracking codes on \(place)."))
            } else {
                invocation.printOutput(TrackingCodeText.table(codes).render(style: invocation.style))
            }
            return .success
        })

    static let get = CommandSpec(
        name: "get", summary: "Show one tracking code with all its options and services",
        options: [CodeOptions.site.spec],
        positionals: [id],
        action: { invocation in
            let client = try invocation.connect().client
            let site = invocation.parsed[CodeOptions.site]
            // The parser guarantees the one required ID.
            let codeID = invocation.parsed.value(of: id) ?? ""
            if invocation.wantsJSON {
                let response = try await client.send(.getTrackingCode(id: codeID, siteUrl: site))
                invocation.printJSON(response.body)
                return .success
            }
            let code = try await client.trackingCode(id: codeID, siteUrl: site)
            invocation.printOutput(TrackingCodeText.detail(code, style: invocation.style))
            return .success
        })
}
