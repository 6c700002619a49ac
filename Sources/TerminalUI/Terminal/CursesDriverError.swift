import Foundation

/// Why the curses driver could not start.
public enum CursesDriverError: Error, Equatable, LocalizedError {
    /// terminfo has no entry for the terminal type.
    case unknownTerminal(String)
    /// The terminal cannot move its cursor (TERM=dumb, a pipe, an editor's output pane).
    case cannotPositionCursor(String)
    /// A system call failed while setting up.
    case systemCallFailed(String, errno: Int32)

    public var errorDescription: String? {
        switch self {
        case .unknownTerminal(let name):
            return "The terminal type \"\(name)\" is unknown to terminfo. Set TERM to one this "
                + "machine knows, such as xterm-256color, or use the command-line commands."
        case .cannotPositionCursor(let name):
            return "The terminal type \"\(name)\" cannot position the cursor, so the full-screen "
                + "interface cannot run. Use a full terminal (such as TERM=xterm-256color) or "
                + "the command-line commands."
        case .systemCallFailed(let call, let code):
            return "Setting up the terminal failed: \(call): \(String(cString: strerror(code)))."
        }
    }
}
