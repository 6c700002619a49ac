/// What a key did to a text field.
public enum TextFieldOutcome: Hashable, Sendable {
    /// The text changed.
    case edited
    /// Only the cursor moved.
    case moved
    /// Enter was pressed.
    case submitted
    /// Esc was pressed.
    case cancelled
    /// The key means nothing to a text field (Tab, arrows up and down, …); pass it on.
    case ignored
}

/// A single-line text field with readline-style editing.
///
/// Keys: characters insert; Left/Right (Ctrl-B/Ctrl-F), Home/End (Ctrl-A/Ctrl-E) move;
/// Backspace deletes before the cursor, Delete (Ctrl-D) after it; Ctrl-U deletes to the
/// start, Ctrl-K to the end, Ctrl-W the word before the cursor. The cursor moves by whole
/// characters (grapheme clusters), so a wide or accented character is one step. Control and
/// bidi characters are refused when typed; if the starting text has some, they show as
/// placeholders and delete as one unit.
public struct TextField: Sendable {
    private var characters: [Character]
    /// The cursor position, counted in characters from the start (0...text.count).
    public private(set) var cursor: Int
    /// Shown, dimmed, while the field is empty.
    public var hint: String
    /// The most characters the field takes, or nil for no limit.
    public var maximumLength: Int?
    /// The first character shown, when the text is wider than the field.
    private var firstVisible = 0

    public init(text: String = "", hint: String = "", maximumLength: Int? = nil) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.hint = hint
        self.maximumLength = maximumLength
    }

    public var text: String { String(characters) }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        firstVisible = 0
    }

    public mutating func handle(_ key: Key) -> TextFieldOutcome {
        switch key {
        case .char(let character):
            return insert(character)
        case .enter:
            return .submitted
        case .escape:
            return .cancelled
        case .left, .ctrl("b"):
            return moveCursor(to: cursor - 1)
        case .right, .ctrl("f"):
            return moveCursor(to: cursor + 1)
        case .home, .ctrl("a"):
            return moveCursor(to: 0)
        case .end, .ctrl("e"):
            return moveCursor(to: characters.count)
        case .backspace:
            return delete(cursor > 0 ? (cursor - 1)..<cursor : cursor..<cursor)
        case .delete, .ctrl("d"):
            return delete(cursor < characters.count ? cursor..<(cursor + 1) : cursor..<cursor)
        case .ctrl("u"):
            return delete(0..<cursor)
        case .ctrl("k"):
            return delete(cursor..<characters.count)
        case .ctrl("w"):
            return delete(startOfWordBeforeCursor()..<cursor)
        default:
            return .ignored
        }
    }

    /// Draws the field in the first row of `rect`; when focused, places the terminal cursor.
    public mutating func draw(
        into canvas: inout Canvas, in rect: Rect, theme: Theme, isFocused: Bool = true
    ) {
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height))
        guard !row.isEmpty else { return }
        canvas.fill(row, style: theme.field)

        if characters.isEmpty, !hint.isEmpty {
            canvas.write(
                TerminalText(hint).truncated(toWidth: row.width, ellipsis: theme.glyphs.ellipsis),
                x: row.x, y: row.y, style: theme.fieldHint)
        }
        scrollToCursor(width: row.width)

        var x = row.x
        for character in characters[firstVisible...] {
            let glyphs = TerminalText(String(character))
            guard x + glyphs.width <= row.maxX else { break }
            canvas.withClip(row) { canvas in
                _ = canvas.write(glyphs, x: x, y: row.y, style: theme.field)
            }
            x += glyphs.width
        }
        if isFocused {
            canvas.cursor = Point(x: row.x + width(of: firstVisible..<cursor), y: row.y)
        }
    }

    // MARK: - Editing

    private mutating func insert(_ character: Character) -> TextFieldOutcome {
        guard TerminalText.isSafe(character) else { return .ignored }
        if let maximumLength, characters.count >= maximumLength { return .ignored }

        // Rebuild from strings: a combining mark typed after a letter joins that letter.
        let before = String(characters[..<cursor]) + String(character)
        let after = String(characters[cursor...])
        characters = Array(before + after)
        cursor = min(before.count, characters.count)
        return .edited
    }

    private mutating func delete(_ range: Range<Int>) -> TextFieldOutcome {
        guard !range.isEmpty else { return .ignored }
        characters.removeSubrange(range)
        cursor = range.lowerBound
        return .edited
    }

    private mutating func moveCursor(to position: Int) -> TextFieldOutcome {
        let clamped = min(max(0, position), characters.count)
        guard clamped != cursor else { return .ignored }
        cursor = clamped
        return .moved
    }

    private func startOfWordBeforeCursor() -> Int {
        var index = cursor
        while index > 0, characters[index - 1].isWhitespace {
            index -= 1
        }
        while index > 0, !characters[index - 1].isWhitespace {
            index -= 1
        }
        return index
    }

    // MARK: - Horizontal scrolling

    private func width(of range: Range<Int>) -> Int {
        characters[range].reduce(0) { $0 + TerminalText(String($1)).width }
    }

    /// Keeps the cursor inside the field, leaving one column for it at the end of the text.
    private mutating func scrollToCursor(width fieldWidth: Int) {
        if width(of: 0..<characters.count) < fieldWidth {
            firstVisible = 0
            return
        }
        firstVisible = min(firstVisible, cursor)
        while firstVisible < cursor, width(of: firstVisible..<cursor) + 1 > fieldWidth {
            firstVisible += 1
        }
    }
}
