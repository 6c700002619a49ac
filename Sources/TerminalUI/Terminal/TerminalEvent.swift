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
}
