/// How the process ends. The four documented codes are the contract scripts rely on.
public struct ExitCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Everything asked for was done.
    public static let success = ExitCode(rawValue: 0)
    /// Webex (or the sandbox) answered with an error status, or with something unreadable.
    public static let apiError = ExitCode(rawValue: 1)
    /// The command line or its input is wrong: unknown flag, missing argument, bad JSON body,
    /// invalid field, or a write refused by `--read-only`.
    public static let usage = ExitCode(rawValue: 2)
    /// No answer, or no login: no token, HTTP 401, connection refused, timeout.
    public static let networkOrAuth = ExitCode(rawValue: 3)

    public var description: String { String(rawValue) }
}
