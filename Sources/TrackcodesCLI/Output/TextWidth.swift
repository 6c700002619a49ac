import TerminalUI

/// How many terminal columns printed text takes: East Asian wide characters and emoji take two,
/// combining marks and other zero-width characters none.
///
/// Measured per grapheme cluster, which a terminal mostly draws as one glyph. Control
/// characters are not expected here: `OutputEscaping.escapingControls` removes them first.
enum TextWidth {
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Each scalar's width comes from the terminal UI's table (glibc's data), so both agree on
    /// single characters. Sequences differ: the terminal UI reduces an emoji sequence to its
    /// first emoji before drawing it, while the command line prints text unchanged, so here a
    /// sequence is measured as a terminal draws it whole.
    static func of(_ character: Character) -> Int {
        let widths = character.unicodeScalars.map { DisplayWidth.of($0) ?? 0 }
        // A wide base (CJK, emoji with emoji presentation) makes the whole cluster one wide glyph,
        // ZWJ sequences included.
        if widths.contains(2) {
            return 2
        }
        // An emoji shown as a picture (U+FE0F asks for that) is two columns in terminals.
        if let first = character.unicodeScalars.first, first.properties.isEmoji, character.unicodeScalars.contains("\u{FE0F}") {
            return 2
        }
        // Otherwise each spacing scalar takes a column: a halfwidth kana and its voiced mark
        // form one grapheme but are drawn as two glyphs.
        return widths.reduce(0, +)
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }
}
