/// A key press, decoded from curses input.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, ASCII or not (space included).
    case char(Character)
    /// Ctrl with a letter (always lowercase, `ctrl("d")`) or one of `@ [ \ ] ^ _`.
    /// Ctrl-I, Ctrl-M and Ctrl-H arrive as `tab`, `enter` and `backspace` instead, because
    /// terminals send the same bytes for them.
    case ctrl(Character)
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    case tab
    /// Shift-Tab.
    case backTab
    case enter
    case escape
    case backspace
    case delete
    case insert
    /// F1 to F63.
    case function(Int)
    /// The terminal changed size (curses' KEY_RESIZE).
    case resize
    /// Alt (Meta) with another key: terminals send Esc and that key's bytes at once. No
    /// screen binds it yet; it exists so that Alt-b is never taken as Esc followed by `b`.
    indirect case alt(Key)

    /// A short label for help screens: "j", "Ctrl-D", "PgDn", "Shift-Tab", "F1".
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .ctrl(let character): return "Ctrl-" + String(character).uppercased()
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .function(let number): return "F\(number)"
        case .resize: return "Resize"
        case .alt(let key): return "Alt-" + key.label
        }
    }

    public var description: String { label }

    /// Keys for each character of `text`, as if typed.
    public static func typing(_ text: String) -> [Key] {
        text.map { .char($0) }
    }
}
