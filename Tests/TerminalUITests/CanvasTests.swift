import Testing

@testable import TerminalUI

@Suite struct CanvasTests {
    @Test func writesAreClippedToTheCanvasAndTheClip() {
        var canvas = Canvas(size: TerminalSize(columns: 10, rows: 3))
        canvas.write("hello world", x: 3, y: 0, style: .plain)
        canvas.write("outside", x: -3, y: 1, style: .plain)
        canvas.write("never", x: 0, y: 7, style: .plain)
        canvas.withClip(Rect(x: 2, y: 2, width: 3, height: 1)) { canvas in
            canvas.write("clipped", x: 0, y: 2, style: .plain)
        }
        #expect(canvas.snapshot() == "   hello w\nside\n  ipp")
    }

    @Test func wideCharacterTakesTwoCellsAndSnapshotsOnce() {
        var canvas = Canvas(size: TerminalSize(columns: 6, rows: 1))
        let end = canvas.write("日本", x: 1, y: 0, style: .plain)
        #expect(end == 5)
        #expect(canvas[1, 0].width == 2)
        #expect(canvas[2, 0].isContinuation)
        #expect(canvas.snapshot() == " 日本")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(size: TerminalSize(columns: 6, rows: 2))
        canvas.write("日本語", x: 0, y: 0, style: .plain)
        canvas.write("x", x: 1, y: 0, style: .plain)
        canvas.write("y", x: 4, y: 0, style: .plain)
        #expect(canvas.row(0) == " x本y ")

        canvas.write("日本語", x: 0, y: 1, style: .plain)
        canvas.write("中", x: 1, y: 1, style: .plain)
        #expect(canvas.row(1) == " 中 語")
    }

    @Test func wideCharacterThatWouldStickOutOfTheClipBecomesASpace() {
        var canvas = Canvas(size: TerminalSize(columns: 5, rows: 1))
        canvas.write("ab日", x: 2, y: 0, style: .plain)
        #expect(canvas.row(0) == "  ab ")
        #expect(!canvas[4, 0].isContinuation)
    }

    @Test func placeholdersGetThePlaceholderAttributes() {
        var canvas = Canvas(size: TerminalSize(columns: 4, rows: 1))
        canvas.placeholderAttributes = .underline
        let bold = Style(attributes: .bold)
        canvas.write("a\u{1B}b", x: 0, y: 0, style: bold)
        #expect(canvas[0, 0].style == bold)
        #expect(canvas[1, 0].style == Style(attributes: [.bold, .underline]))
        #expect(canvas[1, 0].text == "␛")
        #expect(canvas[2, 0].style == bold)
    }

    @Test func boxWithTitleAndTinyBoxes() {
        var canvas = Canvas(size: TerminalSize(columns: 12, rows: 4))
        canvas.drawBox(
            Rect(x: 0, y: 0, width: 12, height: 3), style: .plain, glyphs: .unicode,
            title: "Sites and more")
        canvas.drawBox(Rect(x: 0, y: 3, width: 1, height: 1), style: .plain, glyphs: .unicode)
        #expect(canvas.snapshot() == """
            ┌─ Sites… ─┐
            │          │
            └──────────┘

            """)
    }

    @Test func fillUsesTheStyleAndOutOfRangeReadsAreBlank() {
        var canvas = Canvas(size: TerminalSize(columns: 3, rows: 2))
        let reverse = Style(attributes: .reverse)
        canvas.fill(Rect(x: 1, y: 1, width: 5, height: 5), style: reverse)
        #expect(canvas[2, 1].style == reverse)
        #expect(canvas[0, 1].style == .plain)
        #expect(canvas[9, 9] == .blank())
    }

    @Test func clearCutWordsBlanksWordsBesideTheBoxButNotTheFrameOfAPaneUnderIt() {
        var canvas = Canvas(size: TerminalSize(columns: 20, rows: 3))
        canvas.write("ab cdef gh ijkl mn", x: 0, y: 0, style: .plain)
        canvas.write("ab cd   gh  jk  mn", x: 0, y: 1, style: .plain)
        canvas.write("──────────────┐ ─x", x: 0, y: 2, style: .plain)
        // The box covers columns 5-11.
        canvas.clearCutWords(beside: Rect(x: 5, y: 0, width: 7, height: 3), glyphs: .unicode)
        // Cut words go, and so do whole ones that would touch the box's frame.
        #expect(canvas.row(0) == "ab   ef gh i    mn  ")
        #expect(canvas.row(1) == "ab      gh      mn  ")
        // A pane's edge running under the box stays.
        #expect(canvas.row(2) == "──────────────┐ ─x  ")
    }

    @Test func clearCutWordsKeepsTheBackgroundOfTheCellsItBlanks() {
        var canvas = Canvas(size: TerminalSize(columns: 12, rows: 1))
        let band = Style(foreground: .white, background: .blue, attributes: [.reverse, .underline])
        canvas.fill(canvas.bounds, style: band)
        canvas.write("status bar", x: 1, y: 0, style: band)
        canvas.clearCutWords(beside: Rect(x: 3, y: 0, width: 3, height: 1), glyphs: .unicode)
        #expect(canvas.row(0) == "   atu  bar ")
        let blanked = Style(foreground: .white, background: .blue, attributes: .reverse)
        #expect(canvas[1, 0].style == blanked)
        #expect(canvas[6, 0].style == blanked)
        #expect(canvas[7, 0].style == band)
    }

    @Test func clearCutWordsBlanksAWideCharacterAndTheRestOfItsWord() {
        var canvas = Canvas(size: TerminalSize(columns: 10, rows: 1))
        canvas.write("ab日本", x: 0, y: 0, style: .plain)
        canvas.clearCutWords(beside: Rect(x: 5, y: 0, width: 3, height: 1), glyphs: .unicode)
        #expect(canvas.row(0) == "          ")
    }
}
