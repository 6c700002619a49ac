import Foundation

/// Something the terminal reported.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal has a new size; the driver's `size` already reflects it.
    case resize(TerminalSize)
    /// A signal asked the program to end (SIGTERM, SIGHUP, or SIGINT from outside: Ctrl-C
    /// typed at the keyboard arrives as `.key(.ctrl("c"))` instead).
    case terminate(TerminationReason)
}

/// Why the program is asked to end.
public enum TerminationReason: Hashable, Sendable {
    case interrupt
    case terminate
    case hangUp

    /// The status a Unix program ends with after this signal: 128 plus the signal's number
    /// (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP), so shells and supervisors can tell a
    /// program that was stopped from one that finished.
    public var exitStatus: Int32 {
        switch self {
        case .interrupt: 128 + SIGINT
        case .terminate: 128 + SIGTERM
        case .hangUp: 128 + SIGHUP
        }
    }
}
