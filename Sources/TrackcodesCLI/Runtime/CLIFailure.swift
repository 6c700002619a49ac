import TrackingCodesCore
import WebexAPI

/// A failure a command reports as one line on standard error, with the exit code it implies.
///
/// Commands may also throw `UsageError`, `WebexError` and `CredentialError` directly;
/// `init(_:in:)` maps every error to a message and a code in one place.
public struct CLIFailure: Error, Hashable, Sendable {
    public let message: String
    public let exitCode: ExitCode

    public init(_ message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Input that cannot be sent: a malformed body, a field that breaks Webex's rules.
    public static func invalidInput(_ message: String) -> CLIFailure {
        CLIFailure(message, exitCode: .usage)
    }

    /// Any error a command threw, as the user sees it.
    init(_ error: any Error, in tree: CommandTree) {
        switch error {
        case let failure as CLIFailure:
            self = failure
        case let usage as UsageError:
            self.init(usage.line(in: tree), exitCode: .usage)
        case let webex as WebexError:
            self.init(webex.errorDescription ?? "\(webex)", exitCode: Self.exitCode(for: webex))
        case let operation as OperationError:
            self.init(
                operation.errorDescription ?? "\(operation)", exitCode: Self.exitCode(for: operation))
        case let credential as CredentialError:
            self.init(credential.errorDescription ?? "\(credential)", exitCode: .networkOrAuth)
        default:
            self.init("unexpected failure: \(error)", exitCode: .apiError)
        }
    }

    /// 3 when the network or the login failed; 1 when Webex answered and said no.
    static func exitCode(for error: WebexError) -> ExitCode {
        error.isNetworkOrAuth ? .networkOrAuth : .apiError
    }

    /// A write the core refused or could not do: bad input (an unusable import file too) is 2;
    /// a site known to be read-only (Webex refused it before) and a journal that cannot be
    /// written are 1, like a refusal.
    static func exitCode(for error: OperationError) -> ExitCode {
        switch error {
        case .webex(let webex): exitCode(for: webex)
        case .invalid, .invalidUserValues, .noSiteSelected, .unusableFile: .usage
        case .readOnly, .journalUnavailable, .changedElsewhere: .apiError
        }
    }
}
