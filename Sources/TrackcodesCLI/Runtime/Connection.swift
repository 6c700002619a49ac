import Foundation
import WebexAPI
import WebexSandbox

/// A client ready to call Webex or the sandbox, and which of the two it is.
public struct Connection: Sendable {
    public let client: WebexClient
    /// True for `--demo`: the in-process sandbox with demo data.
    public let isDemo: Bool

    /// The connection the global options and environment ask for.
    ///
    /// `--demo` wins over the environment but not over explicit `--base-url`/`--token-file`,
    /// which would be silently ignored, so that combination is refused. Otherwise the base URL
    /// comes from `--base-url`, `WEBEX_BASE_URL` or the default, and the token from
    /// `--token-file` or `WEBEX_API_KEY`.
    static func make(
        for parsed: ParsedCommand, context: CLIContext,
        observer: (@Sendable (APICallRecord) -> Void)? = nil
    ) throws -> (Connection, AccessToken) {
        let services = context.services
        if parsed[GlobalOptions.demo] {
            for option in [GlobalOptions.baseURL, GlobalOptions.tokenFile] where parsed[option] != nil {
                throw UsageError(
                    "'--demo' uses the built-in sandbox and cannot be combined with "
                        + "'\(option.spec.spelling)'",
                    helpPath: parsed.path)
            }
            let transport: any HTTPTransport
            do {
                transport = try services.makeDemoTransport()
            } catch {
                throw CLIFailure("the demo sandbox could not start: \(error)", exitCode: .networkOrAuth)
            }
            let token = AccessToken(Sandbox.demoToken)
            let client = WebexClient(
                baseURL: Sandbox.inProcessBaseURL, token: token, transport: transport,
                sleeper: services.sleeper, retryPolicy: services.retryPolicy, observer: observer)
            return (Connection(client: client, isDemo: true), token)
        }

        let baseURL = try Self.baseURL(for: parsed, environment: context.environment)
        let token: AccessToken
        if let path = parsed[GlobalOptions.tokenFile] {
            token = try AccessToken.fromFile(path)
        } else if let fromEnvironment = try AccessToken.fromEnvironment(context.environment) {
            token = fromEnvironment
        } else {
            throw CredentialError.missing
        }
        let client = WebexClient(
            baseURL: baseURL, token: token, transport: services.makeTransport(),
            sleeper: services.sleeper, retryPolicy: services.retryPolicy, observer: observer)
        return (Connection(client: client, isDemo: false), token)
    }

    /// The base URL to use, refusing one that would send the token where it should not go.
    static func baseURL(for parsed: ParsedCommand, environment: [String: String]) throws -> URL {
        let fromOption = parsed[GlobalOptions.baseURL]
        let raw = fromOption ?? environment["WEBEX_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let raw else { return WebexClient.defaultBaseURL }
        let source = fromOption != nil ? "--base-url" : "WEBEX_BASE_URL"

        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(),
              let host = url.host, !host.isEmpty, scheme == "https" || scheme == "http"
        else {
            throw UsageError("\(source) '\(raw)' is not an http(s) URL such as https://webexapis.com/v1")
        }
        // Plain http would show the bearer token to anyone on the path; loopback has no path.
        let loopback = ["127.0.0.1", "::1", "[::1]", "localhost"]
        if scheme == "http", !loopback.contains(host.lowercased()) {
            throw UsageError(
                "refusing to send the access token over plain http to \(host); use https "
                    + "(plain http is allowed only to 127.0.0.1, ::1 and localhost)")
        }
        return url
    }
}
