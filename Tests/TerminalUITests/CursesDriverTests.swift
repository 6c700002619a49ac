import Foundation
import Testing

@testable import TerminalUI

/// The real curses driver, run against a file for output and a pipe for input instead of a
/// terminal: what it writes is measured byte for byte, and keys go through terminfo's
/// escape sequences as they would from a real xterm. Serialized: curses is process-global.
@Suite(.serialized, .timeLimit(.minutes(1))) struct CursesDriverTests {
    /// A curses driver writing to a temporary file and reading from a pipe.
    final class Harness {
        let driver: CursesDriver
        let outputPath: String
        let inputWriter: FileHandle
        private let input: Pipe
        private let output: FileHandle

        init(
            size: TerminalSize = TerminalSize(columns: 120, rows: 40),
            terminal: String = "xterm-256color",
            environment: [String: String] = [:]
        ) throws {
            outputPath = NSTemporaryDirectory() + "curses-\(UUID().uuidString).out"
            _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
            output = try #require(FileHandle(forWritingAtPath: outputPath))
            let pipe = Pipe()
            input = pipe
            inputWriter = pipe.fileHandleForWriting
            driver = try CursesDriver(options: CursesDriver.Options(
                terminalType: terminal,
                inputDescriptor: pipe.fileHandleForReading.fileDescriptor,
                outputDescriptor: output.fileDescriptor,
                environment: environment,
                installsSignalHandlers: false,
                fixedSize: size))
        }

        /// Presents a frame, waits until curses wrote it, and returns the bytes it cost.
        func bytes(toPresent canvas: Canvas) throws -> [UInt8] {
            let before = try outputSize()
            driver.present(canvas)
            driver.waitUntilPresented()
            let data = try Data(contentsOf: URL(fileURLWithPath: outputPath))
            return Array(data.dropFirst(before))
        }

        private func outputSize() throws -> Int {
            try Data(contentsOf: URL(fileURLWithPath: outputPath)).count
        }

        func close() {
            driver.shutdown()
            try? FileManager.default.removeItem(atPath: outputPath)
        }
    }

    private func tableFrame(size: TerminalSize, selecting row: Int, table: inout TableView)
        -> Canvas
    {
        var canvas = Canvas(size: size)
        table.select(row: row)
        let (main, status) = canvas.bounds.splitBottom(1)
        table.draw(into: &canvas, in: main, theme: .standard, cell: Fixtures.cell)
        StatusBar(left: [.init("Tracking codes")], right: [.init(table.scroll.positionLabel)])
            .draw(into: &canvas, in: status, theme: .standard)
        return canvas
    }

    @Test func drawsTextWithWideCharactersAndNoRawControls() throws {
        let harness = try Harness()
        defer { harness.close() }
        #expect(harness.driver.size == TerminalSize(columns: 120, rows: 40))
        #expect(harness.driver.capabilities.colorCount == 256)
        #expect(harness.driver.capabilities.isUnicode)

        var table = TableView(columns: Fixtures.columns, rowCount: 8)
        let bytes = try harness.bytes(
            toPresent: tableFrame(size: harness.driver.size, selecting: 0, table: &table))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("部署コード"))
        // Placeholders are drawn in their own style, so attribute changes surround them.
        #expect(text.contains("␛"))
        #expect(text.contains("<U+202E>"))

        // The data's own ESC, BEL, NUL, DEL, C1 and bidi controls never reach the terminal:
        // every ESC written is followed by a sequence curses itself made, never the data's
        // "[31m" or "]0;".
        #expect(!text.contains("\u{1B}[31mred"))
        #expect(!text.contains("\u{1B}]0;pwned"))
        #expect(!bytes.contains(0x07) && !bytes.contains(0x00) && !bytes.contains(0x7F))
        #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x2066 })
    }

    /// Bytes matter over SSH: moving the selection past the bottom of a 120×40 table scrolls
    /// it by one row. curses scrolls the lines (scroll region + newline) and rewrites only
    /// the row that lost the highlight and the row that came in. The rows are ordinary
    /// tracking codes (some CJK); placeholders cost extra attribute changes and are rare.
    @Test(arguments: [false, true])
    func aOneRowScrollAt120x40IsCheap(withStatusBar: Bool) throws {
        let harness = try Harness()
        defer { harness.close() }
        let size = harness.driver.size
        let kinds = ["Text", "Select", "Editable", "Hosted"]
        let cell: (Int, Int) -> String = { row, column in
            switch column {
            case 0: return row % 4 == 1 ? "部署コード \(row)" : "Cost centre \(row)"
            case 1: return kinds[row % 4]
            default: return "value-\(row * 7)"
            }
        }
        var table = TableView(columns: Fixtures.columns, rowCount: 500)
        func frame(selecting row: Int) -> Canvas {
            var canvas = Canvas(size: size)
            table.select(row: row)
            let (main, status) = canvas.bounds.splitBottom(1)
            table.draw(into: &canvas, in: main, theme: .standard, cell: cell)
            if withStatusBar {
                StatusBar(
                    left: [.init("Tracking codes")], right: [.init(table.scroll.positionLabel)]
                ).draw(into: &canvas, in: status, theme: .standard)
            }
            return canvas
        }

        _ = try harness.bytes(toPresent: frame(selecting: 0))
        _ = try harness.bytes(toPresent: frame(selecting: 37))
        #expect(table.scroll.offset == 0)
        let stepDown = try harness.bytes(toPresent: frame(selecting: 38))
        #expect(table.scroll.offset == 1)
        let written = String(decoding: stepDown, as: UTF8.self)
        // Rows that only moved are not sent again: curses scrolled them.
        #expect(!written.contains("centre 20"), "rows repainted: \(written.debugDescription)")

        // The target is 150 bytes for the table; the status bar's position counter ("39/500"
        // in its own colours) adds about 35 more.
        let limit = withStatusBar ? 190 : 150
        #expect(
            stepDown.count <= limit,
            "one-row scroll wrote \(stepDown.count) bytes: \(written.debugDescription)")

        let unchanged = try harness.bytes(toPresent: frame(selecting: 38))
        #expect(unchanged.count <= 10, "an unchanged frame wrote \(unchanged.count) bytes")
    }

    /// Only the cells that changed since the last frame reach the terminal: a frame that
    /// differs from the one before in one word costs a cursor move and that word, not the
    /// other rows or the rest of its own row.
    @Test func unchangedCellsAreNotSentAgain() throws {
        let harness = try Harness()
        defer { harness.close() }
        let size = harness.driver.size
        func frame(word: String) -> Canvas {
            var canvas = Canvas(size: size)
            for y in 0..<size.rows {
                canvas.write("row \(y) of the screen, with text that stays", x: 2, y: y,
                             style: y == 5 ? Theme.standard.title : .plain)
            }
            canvas.write(word, x: 60, y: 20, style: Theme.standard.errorText)
            return canvas
        }

        _ = try harness.bytes(toPresent: frame(word: "first"))
        let written = try harness.bytes(toPresent: frame(word: "other"))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("other"))
        #expect(!text.contains("row"), "unchanged rows sent again: \(text.debugDescription)")
        // A cursor move (8), the red bold rendition and back (about 20), and the 5 letters.
        #expect(written.count <= 40, "\(written.count) bytes: \(text.debugDescription)")
    }

    /// With the selection on the first column only (as the code list draws it), a step down
    /// a 120×40 table rewrites two names: well under half of what two whole rows cost.
    @Test func aStepOfANameOnlySelectionRewritesTwoNames() throws {
        let harness = try Harness()
        defer { harness.close() }
        let size = harness.driver.size
        let cell: (Int, Int) -> String = { row, column in
            column == 0 ? "Cost centre \(row)" : "value-\(row * 7) of column \(column)"
        }
        var table = TableView(columns: Fixtures.columns, rowCount: 30, showsMarks: true)
        func frame(selecting row: Int) -> Canvas {
            var canvas = Canvas(size: size)
            table.select(row: row)
            table.draw(into: &canvas, in: canvas.bounds, theme: .standard, cell: cell)
            return canvas
        }

        _ = try harness.bytes(toPresent: frame(selecting: 5))
        let wholeRows = try harness.bytes(toPresent: frame(selecting: 6))
        table.selectionSpan = .leadingColumn
        _ = try harness.bytes(toPresent: frame(selecting: 7))
        let nameOnly = try harness.bytes(toPresent: frame(selecting: 8))
        let text = String(decoding: nameOnly, as: UTF8.self)

        #expect(text.contains("Cost centre 7") && text.contains("Cost centre 8"))
        #expect(!text.contains("value-"), "other columns sent again: \(text.debugDescription)")
        #expect(nameOnly.count * 2 < wholeRows.count, "\(nameOnly.count) vs \(wholeRows.count)")
        #expect(nameOnly.count <= 100, "\(nameOnly.count) bytes: \(text.debugDescription)")
    }

    @Test func keysArriveThroughTerminfoSequences() async throws {
        let harness = try Harness()
        defer { harness.close() }
        // xterm in keypad-transmit mode: arrows are ESC O x, PgDn ESC [ 6 ~, Shift-Tab
        // ESC [ Z, F1 ESC O P. UTF-8 arrives as one character; Ctrl-C as a key, no signal.
        let input = "j\u{1B}OB\u{1B}[6~\u{1B}[Z\u{1B}OPé日\u{3}\u{4}\t\r\u{7F}"
        harness.inputWriter.write(Data(input.utf8))
        harness.inputWriter.write(Data([0x1B]))

        var keys: [Key] = []
        for await event in harness.driver.events {
            if case .key(let key) = event {
                keys.append(key)
            }
            if keys.count == 13 { break }
        }
        #expect(keys == [
            .char("j"), .down, .pageDown, .backTab, .function(1), .char("é"), .char("日"),
            .ctrl("c"), .ctrl("d"), .tab, .enter, .backspace, .escape,
        ])
    }

    @Test func altKeysArriveAsOneKeyNotAsEscAndALetter() async throws {
        let harness = try Harness()
        defer { harness.close() }
        // What a terminal sends for "Pa", Alt-b, "ye", Alt-x, then a lone Esc.
        harness.inputWriter.write(Data("Pa\u{1B}bye\u{1B}x".utf8))
        harness.inputWriter.write(Data([0x1B]))

        var keys: [Key] = []
        for await event in harness.driver.events {
            if case .key(let key) = event {
                keys.append(key)
            }
            if keys.last == .escape { break }
        }
        #expect(keys == [
            .char("P"), .char("a"), .alt(.char("b")), .char("y"), .char("e"), .alt(.char("x")),
            .escape,
        ])
    }

    @Test func noColorGivesAMonochromeTerminal() throws {
        let harness = try Harness(environment: ["NO_COLOR": "1"])
        defer { harness.close() }
        #expect(harness.driver.capabilities.colorCount == 0)
        #expect(Theme.automatic(for: harness.driver.capabilities).name == "monochrome")
    }

    @Test func vt100HasNoColoursButWorks() throws {
        let harness = try Harness(size: TerminalSize(columns: 80, rows: 24), terminal: "vt100")
        defer { harness.close() }
        #expect(harness.driver.capabilities.colorCount == 0)
        var canvas = Canvas(size: TerminalSize(columns: 80, rows: 24))
        canvas.write("plain vt100", x: 0, y: 0, style: Theme.monochrome.selection)
        let text = String(decoding: try harness.bytes(toPresent: canvas), as: UTF8.self)
        #expect(text.contains("plain vt100"))
    }

    @Test func dumbAndUnknownTerminalsAreRefusedWithAClearError() {
        #expect(throws: CursesDriverError.cannotPositionCursor("dumb")) {
            _ = try Harness(terminal: "dumb")
        }
        #expect(throws: CursesDriverError.unknownTerminal("no-such-terminal")) {
            _ = try Harness(terminal: "no-such-terminal")
        }
    }
}
