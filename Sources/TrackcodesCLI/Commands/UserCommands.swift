import WebexAPI

/// `trackcodes user get|set`: one user's tracking code values on a site.
enum UserCommands {
    static let email = SingleOption("email", value: "EMAIL", help: "The user's email address")
    static let personId = SingleOption("person-id", value: "ID", help: "The user's Webex person id")
    static let assignments = PositionalSpec(
        "NAME=VALUE", count: .oneOrMore, help: "A code's name and the value to give the user")

    static let group = CommandSpec(
        name: "user", summary: "Show or set one user's tracking code values",
        subcommands: [get, set])

    static let get = CommandSpec(
        name: "get", summary: "Show a user's tracking code values on a site",
        options: [email.spec, personId.spec, CodeOptions.site.spec],
        action: { invocation in
            let user = try reference(invocation.parsed)
            let client = try invocation.connect().client
            let site = invocation.parsed[CodeOptions.site]
            if invocation.wantsJSON {
                let response = try await client.send(.getUserTrackingCodes(user, siteUrl: site))
                invocation.printJSON(response.body)
                return .success
            }
            let values = try await client.userTrackingCodes(for: user, siteUrl: site)
            invocation.printOutput(TrackingCodeText.userValues(values, style: invocation.style))
            return .success
        })

    static let set = CommandSpec(
        name: "set", summary: "Set some of a user's tracking code values",
        discussion: """
            Each NAME must be a tracking code of the site (matched ignoring case), and for
            select codes VALUE must be one of its options; both are checked before anything is
            sent. trackcodes reads the
            user's current values and sends the full list with yours merged in, so values you
            do not name are kept.
            """,
        options: [email.spec, personId.spec, CodeOptions.site.spec, CodeOptions.dryRun.spec],
        positionals: [assignments],
        action: runSet)

    static func runSet(_ invocation: CommandInvocation) async throws -> ExitCode {
        try invocation.refuseIfReadOnly("change a user's tracking codes")
        let parsed = invocation.parsed
        let user = try reference(parsed)
        var wanted: [UserValueAssignment] = []
        for text in parsed.values(of: assignments) {
            let assignment = try UserValueAssignment(parsing: text)
            guard !wanted.contains(where: {
                $0.name.caseInsensitiveCompare(assignment.name) == .orderedSame
            }) else {
                throw UsageError("'\(assignment.name)' is given more than once", helpPath: parsed.path)
            }
            wanted.append(assignment)
        }

        let connection = try invocation.connect()
        let client = connection.client
        let site = try await PreferredSite.resolve(parsed[CodeOptions.site], client: client)
        let codes = try await client.listTrackingCodes(siteUrl: site)
        // Code names are unique ignoring case, so 'department' names 'Department'; Webex is
        // sent the code's own spelling.
        wanted = try wanted.map { try resolved($0, against: codes, site: site) }
        let current = try await client.userTrackingCodes(for: user, siteUrl: site)
        let update = UserTrackingCodesUpdate(
            siteUrl: site, user: user,
            trackingCodes: UserValueAssignment.merged(wanted, into: current.trackingCodes))

        if parsed[CodeOptions.dryRun] {
            invocation.printDryRun([try client.makeRequest(for: .updateUserTrackingCodes(update))])
            return .success
        }
        let values = try await JournaledWrites.perform(invocation, on: connection) { writer in
            try await writer.updateUserValues(update, before: current)
        }
        if invocation.wantsJSON {
            try invocation.printEncoded(values)
        } else {
            invocation.printOutput(TrackingCodeText.userValues(values, style: invocation.style))
        }
        return .success
    }

    /// Exactly one of `--email` and `--person-id`.
    static func reference(_ parsed: ParsedCommand) throws -> UserReference {
        switch (parsed[email], parsed[personId]) {
        case (let email?, nil): return .email(email)
        case (nil, let id?): return .personId(id)
        case (.some, .some):
            throw UsageError("give either --email or --person-id, not both", helpPath: parsed.path)
        case (nil, nil):
            throw UsageError("say which user with --email or --person-id", helpPath: parsed.path)
        }
    }

    /// `assignment` with the name of the site's code it names, matched ignoring case as code
    /// names are unique that way; refuses a name the site has no code for, or a value Webex
    /// would refuse for that code.
    static func resolved(
        _ assignment: UserValueAssignment, against codes: [TrackingCode], site: String
    ) throws -> UserValueAssignment {
        let named = codes.first(where: { $0.name == assignment.name })
            ?? codes.first(where: { $0.name.caseInsensitiveCompare(assignment.name) == .orderedSame })
        guard let code = named else {
            throw CLIFailure.invalidInput(
                "\(site) has no tracking code named '\(assignment.name)'; "
                    + "see 'trackcodes codes list --site \(site)'")
        }
        if let problem = TrackingCodeRules.userValueViolation(assignment.value, for: code) {
            throw CLIFailure.invalidInput(problem)
        }
        var resolved = assignment
        resolved.name = code.name
        resolved.value = TrackingCodeRules.optionSpelling(of: assignment.value, for: code)
        return resolved
    }
}
