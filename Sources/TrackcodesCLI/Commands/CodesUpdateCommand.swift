import WebexAPI

/// `trackcodes codes update ID`: change a code and send it back whole.
enum CodesUpdateCommand {
    static let spec = CommandSpec(
        name: "update", summary: "Change a tracking code from a JSON body or field flags",
        discussion: """
            Webex replaces the whole code on update, so trackcodes first fetches the code, then
            applies the body's fields and the field flags on top, and sends the full result.
            The output of 'codes get ID --json' is a valid --body.
            """ + "\n\n" + CodeOptions.fieldDiscussion,
        options: CodeOptions.writeOptions,
        positionals: [CodesCommands.id],
        action: run)

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        try invocation.refuseIfReadOnly("update a tracking code")
        let parsed = invocation.parsed
        // The parser guarantees the one required ID.
        let codeID = parsed.value(of: CodesCommands.id) ?? ""
        let edits = try TrackingCodeEdits(parsed)
        let body = try parsed[CodeOptions.body].map {
            try TrackingCodeBody.read($0, standardInput: invocation.context.standardInput)
        }
        guard body != nil || !edits.isEmpty else {
            throw UsageError(
                "nothing to change: give --body FILE or field flags such as --name",
                helpPath: parsed.path)
        }
        if let bodyID = body?.id, bodyID != codeID {
            throw CLIFailure.invalidInput(
                "the body is for tracking code \(bodyID), not \(codeID); "
                    + "remove its \"id\" or update \(bodyID) instead")
        }
        let knownSite = try CodeSite.known(option: parsed[CodeOptions.site], body: body)

        let connection = try invocation.connect()
        let client = connection.client
        let current = try await client.trackingCode(id: codeID, siteUrl: knownSite)
        if let bodySite = body?.siteUrl, bodySite != current.siteUrl {
            throw CLIFailure.invalidInput(
                "the body's siteUrl '\(bodySite)' is not the code's site \(current.siteUrl); "
                    + "codes cannot move between sites")
        }
        var draft = body?.applied(to: current.draft) ?? current.draft
        draft = try edits.applied(to: draft)
        try DraftValidation.check(draft, siteKnown: true)

        if parsed[CodeOptions.dryRun] {
            invocation.printDryRun([try client.makeRequest(for: .updateTrackingCode(id: codeID, draft))])
            return .success
        }
        let replacement = draft
        let code = try await JournaledWrites.perform(invocation, on: connection) { writer in
            try await writer.update(id: codeID, before: current, to: replacement)
        }
        if invocation.wantsJSON {
            try invocation.printEncoded(code)
        } else {
            invocation.printOutput(OutputEscaping.escapingControls(
                "Updated tracking code \(code.id) '\(code.name)' on \(code.siteUrl)."))
            invocation.printOutput(TrackingCodeText.detail(code, style: invocation.style))
        }
        return .success
    }
}
