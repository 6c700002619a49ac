import WebexAPI

/// `trackcodes codes create`: a new tracking code from a JSON body, field flags, or both.
enum CodesCreateCommand {
    static let spec = CommandSpec(
        name: "create", summary: "Create a tracking code from a JSON body or field flags",
        discussion: """
            The code starts as a text code with no options, host profile optional and
            All=optional; --body then sets the fields it has, and the field flags go on top.
            The site is --site, else the body's siteUrl, else your preferred site.
            """ + "\n\n" + CodeOptions.fieldDiscussion,
        options: CodeOptions.writeOptions,
        action: run)

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        try invocation.refuseIfReadOnly("create a tracking code")
        let parsed = invocation.parsed
        let edits = try TrackingCodeEdits(parsed)
        let body = try parsed[CodeOptions.body].map {
            try TrackingCodeBody.read($0, standardInput: invocation.context.standardInput)
        }
        guard body != nil || !edits.isEmpty else {
            throw UsageError(
                "describe the code with --body FILE or field flags such as --name",
                helpPath: parsed.path)
        }
        let knownSite = try CodeSite.known(option: parsed[CodeOptions.site], body: body)

        var draft = TrackingCodeDraft(name: "", siteUrl: knownSite ?? "")
        draft = body?.applied(to: draft) ?? draft
        draft = try edits.applied(to: draft)
        try DraftValidation.check(draft, siteKnown: knownSite != nil)

        let connection = try invocation.connect()
        let client = connection.client
        draft.siteUrl = try await PreferredSite.resolve(knownSite, client: client)
        if parsed[CodeOptions.dryRun] {
            invocation.printDryRun([try client.makeRequest(for: .createTrackingCode(draft))])
            return .success
        }
        let created = draft
        let code = try await JournaledWrites.perform(invocation, on: connection) { writer in
            try await writer.create(created)
        }
        if invocation.wantsJSON {
            try invocation.printEncoded(code)
        } else {
            invocation.printOutput(OutputEscaping.escapingControls(
                "Created tracking code \(code.id) '\(code.name)' on \(code.siteUrl)."))
            invocation.printOutput(TrackingCodeText.detail(code, style: invocation.style))
        }
        return .success
    }
}

/// The site named on the command line or in the body, which must agree when both are given.
enum CodeSite {
    static func known(option: String?, body: TrackingCodeBody?) throws -> String? {
        if let option, let bodySite = body?.siteUrl, bodySite != option {
            throw CLIFailure.invalidInput(
                "--site \(option) and the body's siteUrl '\(bodySite)' disagree; "
                    + "give one or make them match")
        }
        return option ?? body?.siteUrl
    }
}
