import WebexAPI

/// Finds the site a write goes to when `--site` is not given.
///
/// Webex's GETs fall back to the caller's preferred site by themselves, but its writes need the
/// `siteUrl` spelled out; this asks for the site list and takes the one marked default.
enum PreferredSite {
    static func resolve(_ explicit: String?, client: WebexClient) async throws -> String {
        if let explicit { return explicit }
        let sites = try await client.listSites()
        guard let preferred = sites.first(where: \.isDefault) else {
            throw CLIFailure(
                "you have no preferred site, so name one with --site (see 'trackcodes sites')",
                exitCode: .usage)
        }
        return preferred.siteUrl
    }
}
