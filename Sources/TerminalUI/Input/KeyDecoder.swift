import CNcursesw

/// Turns what `wget_wch` returned into a `Key`.
public enum KeyDecoder {
    /// Decodes one `wget_wch` result.
    ///
    /// - Parameters:
    ///   - status: `OK` for a character, `KEY_CODE_YES` for a function key code.
    ///   - value: the wide character or key code `wget_wch` stored.
    /// - Returns: the key, or nil for input with no meaning here (mouse events, unknown
    ///   codes, C1 controls, `ERR`).
    public static func decode(status: Int32, value: UInt32) -> Key? {
        switch status {
        case KEY_CODE_YES:
            return decodeKeyCode(Int32(bitPattern: value))
        case OK:
            return decodeCharacter(value)
        default:
            return nil
        }
    }

    /// Decodes everything one read of the terminal returned, in order. Esc followed by another
    /// key in the same burst is one Alt-key (`.alt`): terminals send Alt-b as Esc then `b`, and
    /// no person types Esc and a key within curses' escape delay. Esc followed by Esc or a
    /// resize stays a plain Esc; Esc followed by input with no meaning is dropped with it.
    ///
    /// - Parameter burst: the `wget_wch` results read without waiting, oldest first.
    /// - Returns: the keys, oldest first.
    public static func decode(burst: [RawKeyInput]) -> [Key] {
        var keys: [Key] = []
        var index = burst.startIndex
        while index < burst.endIndex {
            let key = decode(status: burst[index].status, value: burst[index].value)
            index += 1
            guard key == .escape, index < burst.endIndex else {
                if let key { keys.append(key) }
                continue
            }

            let next = decode(status: burst[index].status, value: burst[index].value)
            if next == .escape || next == .resize {
                // Left for the next turn of the loop: this Esc stands alone.
                keys.append(.escape)
                continue
            }
            if let next {
                keys.append(.alt(next))
            }
            index += 1
        }
        return keys
    }

    private static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 9:
            return .tab
        case 10, 13:
            return .enter
        case 8, 127:
            return .backspace
        case 27:
            return .escape
        case 0:
            return .ctrl("@")
        case 1...26:
            // Ctrl-A is 1, Ctrl-Z is 26.
            return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28...31:
            return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x40)))
        default:
            guard let scalar = Unicode.Scalar(value),
                !scalar.properties.generalCategory.isControlLike
            else { return nil }
            return .char(Character(scalar))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1, KEY_LL: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_RESIZE: return .resize
        case tc_key_f(1)...tc_key_f(63): return .function(Int(code - tc_key_f(0)))
        default: return nil
        }
    }
}

extension Unicode.GeneralCategory {
    /// Controls and separators that must never be taken as typed text.
    fileprivate var isControlLike: Bool {
        switch self {
        case .control, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }
}
