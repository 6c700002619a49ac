/// Makes text from the API safe to print on a terminal.
///
/// Webex data is typed by other people: a code name can hold an escape sequence that would
/// recolour the screen, move the cursor or retitle the window, a newline that would break a
/// table, or a bidi override that would reorder the rest of the line. Every such character is
/// shown as a visible escape instead.
enum OutputEscaping {
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F:  // C0 and C1 controls, DEL
            return true
        case 0x2028, 0x2029:  // line and paragraph separators
            return true
        case 0x202A...0x202E, 0x2066...0x2069:  // bidi embeddings, overrides and isolates
            return true
        default:
            return false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
        }
    }

    /// JSON for a terminal: the same JSON value, with DEL, C1 controls and bidi controls (which
    /// JSON allows raw inside strings, and terminals may obey) written as `\u` escapes. Tab,
    /// CR and LF stay: outside strings they are JSON whitespace, and inside them JSON forbids
    /// them raw, so valid JSON keeps its meaning either way.
    static func escapingControlsInJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { needsJSONEscape($0) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsJSONEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                result.append(contentsOf: "\\u\(padded)".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsJSONEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\r" && scalar != "\t" && needsEscape(scalar)
    }
}
