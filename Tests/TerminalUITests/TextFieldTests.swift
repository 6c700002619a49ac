import Testing

@testable import TerminalUI

@Suite struct TextFieldTests {
    private func type(_ keys: [Key], into field: inout TextField) -> [TextFieldOutcome] {
        keys.map { field.handle($0) }
    }

    @Test func typingInsertsAtTheCursor() {
        var field = TextField()
        _ = type(Key.typing("tracking"), into: &field)
        _ = type([.home], into: &field)
        _ = type(Key.typing("My "), into: &field)
        #expect(field.text == "My tracking")
        #expect(field.cursor == 3)
        _ = type([.end, .left, .left], into: &field)
        _ = type(Key.typing("X"), into: &field)
        #expect(field.text == "My trackiXng")
    }

    @Test func deletingBackwardsForwardsAndByWord() {
        var field = TextField(text: "cost centre code")
        #expect(field.handle(.backspace) == .edited)
        #expect(field.text == "cost centre cod")
        #expect(field.handle(.ctrl("w")) == .edited)
        #expect(field.text == "cost centre ")
        #expect(field.handle(.ctrl("w")) == .edited)
        #expect(field.text == "cost ")
        _ = type([.home], into: &field)
        #expect(field.handle(.delete) == .edited)
        #expect(field.text == "ost ")
        #expect(field.handle(.ctrl("d")) == .edited)
        #expect(field.text == "st ")
        #expect(field.handle(.backspace) == .ignored)
    }

    @Test func killToStartAndToEnd() {
        var field = TextField(text: "before|after")
        _ = type([.home] + Array(repeating: .right, count: 7), into: &field)
        #expect(field.handle(.ctrl("k")) == .edited)
        #expect(field.text == "before|")
        _ = type([.left], into: &field)
        #expect(field.handle(.ctrl("u")) == .edited)
        #expect(field.text == "|")
        #expect(field.cursor == 0)
    }

    @Test func cursorMovesByWholeCharacters() {
        var field = TextField(text: "部e\u{301}😀")
        #expect(field.cursor == 3)
        #expect(field.handle(.left) == .moved)
        #expect(field.handle(.backspace) == .edited)
        #expect(field.text == "部😀")
        #expect(field.handle(.ctrl("a")) == .moved)
        #expect(field.handle(.left) == .ignored)
        #expect(field.handle(.ctrl("e")) == .moved)
        #expect(field.cursor == 2)
    }

    @Test func aCombiningMarkTypedAfterALetterJoinsIt() {
        var field = TextField(text: "caf")
        _ = type([.char("e"), .char("\u{301}")], into: &field)
        #expect(field.text == "café")
        #expect(field.text.count == 4)
        #expect(field.cursor == 4)
    }

    @Test func controlAndBidiCharactersAreRefused() {
        var field = TextField(text: "ok")
        #expect(field.handle(.char("\u{202E}")) == .ignored)
        #expect(field.handle(.char("\u{1B}")) == .ignored)
        #expect(field.text == "ok")
    }

    @Test func enterEscAndForeignKeys() {
        var field = TextField(text: "x", maximumLength: 2)
        #expect(field.handle(.enter) == .submitted)
        #expect(field.handle(.escape) == .cancelled)
        #expect(field.handle(.tab) == .ignored)
        #expect(field.handle(.up) == .ignored)
        #expect(field.handle(.char("y")) == .edited)
        #expect(field.handle(.char("z")) == .ignored)
        #expect(field.text == "xy")
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var canvas = Canvas(size: TerminalSize(columns: 12, rows: 1))
        var field = TextField(text: "部署コード and more")
        field.draw(into: &canvas, in: Rect(x: 1, y: 0, width: 10, height: 1), theme: .standard)
        // Cursor at the end, one free column for it: the text's tail shows.
        #expect(canvas.row(0) == "  and more  ")
        #expect(canvas.cursor == Point(x: 10, y: 0))

        _ = field.handle(.home)
        field.draw(into: &canvas, in: Rect(x: 1, y: 0, width: 10, height: 1), theme: .standard)
        #expect(canvas.row(0) == " 部署コード ")
        #expect(canvas.cursor == Point(x: 1, y: 0))
    }

    @Test func emptyFieldShowsItsHintAndNoCursorWhenUnfocused() {
        var canvas = Canvas(size: TerminalSize(columns: 20, rows: 1))
        var field = TextField(hint: "type to filter")
        field.draw(into: &canvas, in: canvas.bounds, theme: .standard, isFocused: false)
        #expect(canvas.snapshot() == "type to filter")
        #expect(canvas[0, 0].style == Theme.standard.fieldHint)
        #expect(canvas.cursor == nil)
    }
}
