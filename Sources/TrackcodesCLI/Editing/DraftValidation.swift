import WebexAPI

/// Checks a tracking code against Webex's documented rules before anything is sent, so a
/// mistake costs no request and gets one clear message (exit code 2).
enum DraftValidation {
    /// - Parameter siteKnown: false while the preferred site is not looked up yet; the rule
    ///   that `siteUrl` is not empty is then left for later.
    static func check(_ draft: TrackingCodeDraft, siteKnown: Bool) throws {
        let problems = TrackingCodeRules.violations(of: draft)
            .filter { siteKnown || $0.field != .siteUrl }
        guard !problems.isEmpty else { return }
        throw CLIFailure.invalidInput(
            "the tracking code breaks Webex's rules: " + problems.map(\.message).joined(separator: "; "))
    }
}
