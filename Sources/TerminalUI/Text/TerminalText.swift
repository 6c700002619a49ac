/// Text that is safe to send to a terminal and whose column width is known.
///
/// Every string that comes from outside (the Webex API, files, the user's clipboard) is data,
/// so it goes through this type before it is drawn. The rules:
///
/// - **Control characters are shown, never sent.** C0 controls (U+0000–U+001F) and DEL show as
///   their Unicode Control Pictures, one column each: ESC as `␛`, BEL as `␇`, NUL as `␀`,
///   LF as `␊`, DEL as `␡`. Every other unsafe scalar shows as `<U+XXXX>`: C1 controls
///   (U+0080–U+009F), bidirectional marks, embeddings, overrides and isolates (U+200E, U+200F,
///   U+202A–U+202E, U+2066–U+2069, U+061C), the other invisible format characters (soft
///   hyphen, zero-width space, BOM, …), line and paragraph separators, and scalars the width
///   table does not know as printable (such as unassigned code points). These placeholder
///   glyphs are flagged so the canvas can draw them in a distinct style; a literal `<U+202E>`
///   typed by someone is then told apart from a real override.
/// - **One glyph per cell.** Each glyph is a spacing character plus at most four combining
///   marks, because curses stores no more than five wide characters in a cell. A mark with
///   nothing to sit on is drawn on a dotted circle (◌).
/// - **Emoji sequences are reduced to their first emoji.** Terminals disagree about how wide
///   a ZWJ sequence, a skin-tone modifier or a variation selector makes a character, which
///   breaks column alignment. So joiners (ZWJ, ZWNJ), variation selectors, emoji tag
///   characters and any further spacing characters inside an emoji grapheme are dropped: 👩‍💻
///   shows as 👩 and 👍🏽 as 👍. A flag (two regional indicators) stays as two one-column glyphs.
/// - **Other graphemes keep every character.** In Indic conjuncts (स्ते), spacing vowel signs
///   (हि) or halfwidth kana with a voiced mark, each spacing character starts a cell of its own,
///   as `wcwidth` and curses count them, and the terminal shapes them together again.
public struct TerminalText: Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// What fills one cell (or two, for a wide character).
    public struct Glyph: Hashable, Sendable {
        /// A spacing character and its combining marks; never a control.
        public let text: String
        /// Columns taken: 1 or 2.
        public let width: Int
        /// True for the visible stand-ins of control and invisible characters.
        public let isPlaceholder: Bool
    }

    public private(set) var glyphs: [Glyph]
    /// Total columns taken.
    public private(set) var width: Int

    /// Sanitises `string` for display; see the type's rules.
    public init(_ string: String) {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(string.utf8.count)
        for character in string {
            Self.appendGlyphs(of: character, to: &glyphs)
        }
        self.init(glyphs: glyphs)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    init(glyphs: [Glyph]) {
        self.glyphs = glyphs
        self.width = glyphs.reduce(0) { $0 + $1.width }
    }

    public static let empty = TerminalText(glyphs: [])

    public var isEmpty: Bool { glyphs.isEmpty }

    /// The text as it will appear on screen, placeholders included.
    public var description: String { glyphs.map(\.text).joined() }

    public static func + (lhs: TerminalText, rhs: TerminalText) -> TerminalText {
        TerminalText(glyphs: lhs.glyphs + rhs.glyphs)
    }

    /// A run of `count` spaces.
    public static func spaces(_ count: Int) -> TerminalText {
        TerminalText(glyphs: Array(repeating: Glyph.space, count: max(0, count)))
    }

    // MARK: - Fitting into columns

    /// Cuts the text to at most `maxWidth` columns, ending with `ellipsis` when anything was
    /// cut. A wide character that would straddle the limit is dropped whole, so the result
    /// may be one column narrower than `maxWidth`; pad it to align columns.
    public func truncated(toWidth maxWidth: Int, ellipsis: TerminalText = "…") -> TerminalText {
        guard width > maxWidth else { return self }
        guard maxWidth > 0 else { return .empty }

        let budget = maxWidth - ellipsis.width
        guard budget >= 0 else { return prefix(fitting: maxWidth) }
        return prefix(fitting: budget) + ellipsis
    }

    /// Pads with spaces to exactly `targetWidth` columns (no change if already wider).
    public func padded(toWidth targetWidth: Int, alignment: TextAlignment = .leading)
        -> TerminalText
    {
        let missing = targetWidth - width
        guard missing > 0 else { return self }
        switch alignment {
        case .leading:
            return self + .spaces(missing)
        case .trailing:
            return .spaces(missing) + self
        case .center:
            return .spaces(missing / 2) + self + .spaces(missing - missing / 2)
        }
    }

    /// Truncates and pads to exactly `targetWidth` columns: what a table cell needs.
    public func fitted(
        toWidth targetWidth: Int,
        alignment: TextAlignment = .leading,
        ellipsis: TerminalText = "…"
    ) -> TerminalText {
        truncated(toWidth: targetWidth, ellipsis: ellipsis)
            .padded(toWidth: targetWidth, alignment: alignment)
    }

    /// The longest prefix that fits in `maxWidth` columns.
    public func prefix(fitting maxWidth: Int) -> TerminalText {
        var used = 0
        var count = 0
        for glyph in glyphs {
            guard used + glyph.width <= maxWidth else { break }
            used += glyph.width
            count += 1
        }
        return TerminalText(glyphs: Array(glyphs.prefix(count)))
    }

    /// Word-wraps into lines of at most `maxWidth` columns. Runs of spaces collapse at line
    /// breaks; a word longer than a line is split between glyphs.
    public func wrapped(toWidth maxWidth: Int) -> [TerminalText] {
        guard maxWidth > 0 else { return [] }
        let words = glyphs.split(whereSeparator: { $0 == .space }).map {
            TerminalText(glyphs: Array($0))
        }
        var lines: [TerminalText] = []
        var line = TerminalText.empty

        for var word in words {
            if !line.isEmpty, line.width + 1 + word.width <= maxWidth {
                line = line + " " + word
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = .empty
            }
            while word.width > maxWidth {
                let head = word.prefix(fitting: maxWidth)
                // A wide glyph in a one-column line can never fit; skip it rather than loop.
                let taken = max(head.glyphs.count, 1)
                lines.append(head.isEmpty ? TerminalText(glyphs: [.space]) : head)
                word = TerminalText(glyphs: Array(word.glyphs.dropFirst(taken)))
            }
            line = word
        }
        if !line.isEmpty || lines.isEmpty {
            lines.append(line)
        }
        return lines
    }

    /// Word-wraps into at most `maxLines` lines of at most `maxWidth` columns. Text that needs
    /// more lines carries on in the last one, cut with `ellipsis`, so a cut always shows.
    public func wrapped(toWidth maxWidth: Int, maxLines: Int, ellipsis: TerminalText = "…")
        -> [TerminalText]
    {
        let lines = wrapped(toWidth: maxWidth)
        guard maxLines > 0 else { return [] }
        guard lines.count > maxLines else { return lines }
        let last = lines[maxLines...].reduce(lines[maxLines - 1]) { $0 + " " + $1 }
        return Array(lines.prefix(maxLines - 1))
            + [last.truncated(toWidth: maxWidth, ellipsis: ellipsis)]
    }

    /// Splits multi-line data (LF or CRLF) into sanitised lines.
    public static func lines(_ string: String) -> [TerminalText] {
        string.split(omittingEmptySubsequences: false, whereSeparator: {
            $0 == "\n" || $0 == "\r\n"
        }).map { TerminalText(String($0)) }
    }

    // MARK: - Classification

    /// True when the character would reach the terminal as itself, without placeholders.
    /// Text fields use this to refuse typed or pasted control characters.
    public static func isSafe(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { !isUnsafe($0) }
    }

    /// The visible stand-in for an unsafe scalar (see the type's rules).
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F:
            // Control Pictures sit at U+2400 + the control's value.
            return String(Character(Unicode.Scalar(0x2400 + scalar.value) ?? "?"))
        case 0x7F:
            return "\u{2421}"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return true
        case .format:
            return !isDroppedJoiner(scalar)
        default:
            return DisplayWidth.of(scalar) == nil
        }
    }

    /// Zero-width scalars that only shape emoji or ligatures; dropped, see the type's rules.
    private static func isDroppedJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0020...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// curses keeps at most five wide characters per cell: the base and four marks.
    private static let maximumMarks = 4

    /// A grapheme that terminals draw as one emoji picture, whatever its parts.
    private static func isEmojiSequence(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, first.properties.isEmoji, !isRegionalIndicator(first) else { return false }
        return first.properties.isEmojiPresentation
            || scalars.contains { $0.value == 0x200D || $0.value == 0xFE0F || $0.properties.isEmojiModifier }
    }

    private static func appendGlyphs(of character: Character, to glyphs: inout [Glyph]) {
        let reducesToFirst = isEmojiSequence(character)
        var scalars = String.UnicodeScalarView()
        var baseWidth = 0
        var markCount = 0

        func flush() {
            guard !scalars.isEmpty else { return }
            glyphs.append(Glyph(text: String(scalars), width: baseWidth, isPlaceholder: false))
            scalars = String.UnicodeScalarView()
            markCount = 0
        }

        for scalar in character.unicodeScalars {
            if isUnsafe(scalar) {
                flush()
                for stand in placeholder(for: scalar).unicodeScalars {
                    glyphs.append(Glyph(text: String(stand), width: 1, isPlaceholder: true))
                }
                continue
            }
            if isDroppedJoiner(scalar) {
                continue
            }

            // Not unsafe, so the table knows a width for it.
            let width = DisplayWidth.of(scalar) ?? 1
            if width > 0 {
                if scalars.isEmpty {
                    scalars.append(scalar)
                    baseWidth = width
                } else if !reducesToFirst {
                    // A flag's second indicator, an Indic consonant or spacing vowel sign: its own cell.
                    flush()
                    scalars.append(scalar)
                    baseWidth = width
                }
                // Any other spacing scalar inside an emoji sequence is dropped (see type docs).
            } else if scalars.isEmpty {
                scalars.append("\u{25CC}")
                scalars.append(scalar)
                baseWidth = 1
                markCount = 1
            } else if markCount < maximumMarks {
                scalars.append(scalar)
                markCount += 1
            }
        }
        flush()
    }
}

extension TerminalText.Glyph {
    static let space = TerminalText.Glyph(text: " ", width: 1, isPlaceholder: false)
}
