import Foundation

/// The one-line message at the bottom of the screen: what the last action did.
public struct StatusMessage: Hashable, Sendable {
    public enum Severity: Int, Hashable, Sendable, Comparable {
        case info, success, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var text: String
    public var severity: Severity
    public var at: Date

    public init(_ text: String, severity: Severity = .info, at: Date = Date()) {
        self.text = text
        self.severity = severity
        self.at = at
    }

    /// True for news (info, success) that may go by itself; warnings and errors stay until the
    /// user has moved on, since they ask for something to be done.
    public var fades: Bool { severity <= .success }
}
