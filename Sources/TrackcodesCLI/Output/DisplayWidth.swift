/// How many terminal columns text takes: East Asian wide characters and emoji take two,
/// combining marks and other zero-width characters none.
///
/// Measured per grapheme cluster, which a terminal mostly draws as one glyph. Control
/// characters are not expected here: `TerminalText.escapingControls` removes them first.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.contains(where: isWide) {
            return 2
        }
        // An emoji shown as a picture (U+FE0F asks for that) is two columns in terminals.
        if let first = scalars.first, first.properties.isEmoji, scalars.contains("\u{FE0F}") {
            return 2
        }
        // Otherwise each spacing scalar takes a column: a halfwidth kana and its voiced mark
        // form one grapheme but are drawn as two glyphs.
        return scalars.filter { !isZeroWidth($0) }.count
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

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            // Hangul medial vowels and final consonants join the preceding syllable.
            return (0x1160...0x11FF).contains(scalar.value)
        }
    }

    /// Wide and fullwidth ranges of Unicode's East Asian Width property, plus the emoji blocks
    /// that terminals draw two columns wide.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation {
            return true
        }
        switch scalar.value {
        case 0x1100...0x115F,  // Hangul leading consonants
             0x2E80...0x303E,  // CJK radicals, punctuation
             0x3041...0x33FF,  // Kana, Bopomofo, CJK compatibility
             0x3400...0x4DBF,  // CJK extension A
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xA000...0xA4CF,  // Yi
             0xA960...0xA97F,  // Hangul extended A
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFE10...0xFE19,  // vertical forms
             0xFE30...0xFE6F,  // CJK compatibility forms, small forms
             0xFF00...0xFF60,  // fullwidth forms
             0xFFE0...0xFFE6,
             0x1F300...0x1F64F,  // pictographs, emoticons
             0x1F900...0x1F9FF,
             0x20000...0x2FFFD,  // CJK extensions B and later
             0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
