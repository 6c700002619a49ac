import Foundation
import Testing
import TrackingCodesCore
import WebexAPI

@testable import TerminalUI

/// The terminal UI on terminals that are too small, monochrome or without Unicode, and on data
/// made to attack the terminal: nothing crashes, nothing in the data acts on the terminal, the
/// columns stay aligned, and no form is lost on the way.
@MainActor
@Suite("Terminal faults", .serialized)
struct TerminalFaultTests {
    nonisolated static let tinySizes = [
        TerminalSize(columns: 1, rows: 1), TerminalSize(columns: 20, rows: 5),
        TerminalSize(columns: 40, rows: 10),
    ]

    private func harness(
        size: TerminalSize, capabilities: TerminalCapabilities = .standard,
        directory: FaultDirectory
    ) async -> RootScreenHarness {
        let (session, _) = HostileData.session(paths: directory.paths)
        let app = RootScreenHarness(session: session, size: size, capabilities: capabilities)
        await app.start()
        return app
    }

    // MARK: - Sizes

    @Test(
        "A tiny terminal shows a notice that fits, ignores keys but q, and loses nothing",
        arguments: tinySizes)
    func tinyTerminal(size: TerminalSize) async throws {
        let directory = FaultDirectory()
        let app = await harness(size: TerminalSize(columns: 80, rows: 24), directory: directory)
        await app.edit("Plain")
        await app.press(.ctrl("u"))
        await app.type("Kept")

        app.driver.resize(to: size)
        app.shell.send(.resize(size))
        expectFits(app, size: size)
        let notice = app.text
        #expect(notice.contains(size.columns == 1 ? "!" : "Terminal too small"), "\(notice)")

        // Keys do nothing while the terminal is too small, except quitting.
        await app.press(.escape, .char("y"), .ctrl("s"), .char("x"))
        #expect(app.editor?.editor.name == "Kept")
        #expect(!app.shell.hasQuit)

        app.driver.resize(to: TerminalSize(columns: 80, rows: 24))
        app.shell.send(.resize(TerminalSize(columns: 80, rows: 24)))
        #expect(app.text.contains("Name              Kept"), "\(app.text)")
        #expect(app.editor?.editor.name == "Kept")
    }

    @Test(
        "Quitting with an unsaved form asks first, also from a tiny terminal", arguments: tinySizes)
    func quittingAsksBeforeDroppingAForm(size: TerminalSize) async throws {
        let directory = FaultDirectory()
        let app = await harness(size: TerminalSize(columns: 80, rows: 24), directory: directory)
        await app.edit("Plain")
        await app.press(.ctrl("u"))
        await app.type("Kept")

        app.driver.resize(to: size)
        app.shell.send(.resize(size))
        await app.press(.char("q"))
        #expect(!app.shell.hasQuit, "one q dropped an unsaved form")
        // Too small to draw it, the question waits; it shows once the terminal grows back.
        app.driver.resize(to: TerminalSize(columns: 80, rows: 24))
        app.shell.send(.resize(TerminalSize(columns: 80, rows: 24)))
        #expect(app.text.contains("Quit and discard the open form's unsaved"), "\(app.text)")
        await app.press(.char("q"))
        #expect(app.shell.hasQuit)
    }

    @Test func quittingFromTheOptionsOfAnUnsavedFormAsksFirst() async throws {
        let directory = FaultDirectory()
        let app = await harness(size: TerminalSize(columns: 80, rows: 24), directory: directory)
        await app.edit("Plain")
        await app.press(.backTab, .char("x"))
        #expect(app.editor?.hasUnsavedChanges == true)
        await app.press(.char("q"))
        #expect(!app.shell.hasQuit, "q on the option list dropped an unsaved form")
        await app.press(.ctrl("c"), .ctrl("c"))
        #expect(app.shell.hasQuit)
    }

    @Test("The code list at every small size draws within the terminal", arguments: tinySizes)
    func listAtTinySizes(size: TerminalSize) async throws {
        let directory = FaultDirectory()
        let app = await harness(size: size, directory: directory)
        expectFits(app, size: size)
        await app.press(.char("q"))
        #expect(app.shell.hasQuit)
    }

    // MARK: - Capabilities

    /// `TERM=vt100` (no colour), `NO_COLOR` (colour off), `LANG=C` on a system without a UTF-8
    /// locale (no Unicode glyphs): the theme follows what the terminal can do.
    @Test(arguments: [
        TerminalCapabilities(
            colorCount: 0, supportsDefaultColors: false, isUnicode: true, terminalName: "vt100"),
        TerminalCapabilities(
            colorCount: 0, supportsDefaultColors: true, isUnicode: true,
            terminalName: "xterm-256color"),
        TerminalCapabilities(
            colorCount: 0, supportsDefaultColors: false, isUnicode: false, terminalName: "vt100"),
    ])
    func plainTerminals(capabilities: TerminalCapabilities) async throws {
        let directory = FaultDirectory()
        let app = await harness(
            size: TerminalSize(columns: 120, rows: 40), capabilities: capabilities,
            directory: directory)
        await app.press(.char("j"))
        let canvas = app.driver.screen
        for y in 0..<canvas.size.rows {
            for x in 0..<canvas.size.columns {
                let cell = canvas[x, y]
                #expect(
                    cell.style.foreground == .default && cell.style.background == .default,
                    "colour at \(x),\(y) on a terminal without colours")
            }
        }
        if !capabilities.isUnicode {
            let chrome = "┌─┐│└┘▲▼●…"
            #expect(!app.text.contains { chrome.contains($0) }, "\(app.text)")
        }
        // The highlighted row still stands out without colour.
        #expect(
            (0..<canvas.size.columns).contains { canvas[$0, 3].style.attributes.contains(.reverse) }
        )
        expectInert(canvas)
    }

    // MARK: - Hostile data

    @Test(
        "Hostile names show inert, and the columns after them stay aligned",
        arguments: [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)])
    func hostileNamesAreInertAndAligned(size: TerminalSize) async throws {
        let directory = FaultDirectory()
        let app = await harness(size: size, directory: directory)
        let canvas = app.driver.screen
        expectInert(canvas)
        expectFits(app, size: size)

        let text = app.text
        #expect(text.contains("Evil␛[31mRed␛["))
        #expect(text.contains("Bell␇Ring"))
        #expect(text.contains("<U+202E>exe.txt"))
        #expect(text.contains("部署コード部署"))

        // Rows differ only in their names: from the input-mode column on, they are the same.
        let markers = ["Plain", "Evil", "Title", "Bell", "Nul", "C1", "exe.txt", "Iso", "部署コード"]
        let rows = (0..<canvas.size.rows).filter { y in
            markers.contains { canvas.row(y).contains($0) }
        }
        #expect(rows.count == HostileData.names.count, "\(text)")
        // A list narrower than 104 columns uses the compact headings ("Mode", "MC  EC  TC  SC").
        let header = try #require((0..<canvas.size.rows).first { canvas.row($0).contains("Name") })
        let first = try #require(
            Self.column(of: "Input mode", inRow: header, of: canvas)
                ?? Self.column(of: "Mode", inRow: header, of: canvas))
        let last = try #require(
            Self.column(of: "Schedule/start", inRow: header, of: canvas)
                ?? Self.column(of: ScheduleSummary.compactHeading, inRow: header, of: canvas))
        let tails = Set(rows.map { Self.text(of: canvas, row: $0, from: first, to: last + 14) })
        #expect(tails.count == 1, "misaligned rows:\n\(tails.joined(separator: "\n"))")
    }

    @Test func theEditorShowsAHostileNameAndOptionsInert() async throws {
        let directory = FaultDirectory()
        let app = await harness(size: TerminalSize(columns: 80, rows: 24), directory: directory)
        for name in ["Evil", "部署コード部署", "exe.txt"] {
            await app.edit(name)
            #expect(app.editor != nil, "no editor for \(name):\n\(app.text)")
            expectInert(app.driver.screen)
            expectFits(app, size: TerminalSize(columns: 80, rows: 24))
            #expect(app.text.contains("Opt␛[2J<U+202E>␇"))
            await app.press(.escape)
            await app.press(.char("/"), .ctrl("u"), .enter)
        }
    }

    // MARK: - Helpers

    /// No cell of `canvas` holds a control or bidi character: nothing the data holds can act
    /// on the terminal.
    private func expectInert(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<canvas.size.rows {
            for x in 0..<canvas.size.columns {
                let active = canvas[x, y].text.unicodeScalars.filter(HostileData.isActive)
                #expect(
                    active.isEmpty,
                    "active character \(active.map { String($0.value, radix: 16) }) at \(x),\(y)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// The frame has the terminal's size and every row fills exactly its width.
    private func expectFits(
        _ app: RootScreenHarness, size: TerminalSize,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let canvas = app.driver.screen
        #expect(canvas.size == size, sourceLocation: sourceLocation)
        for y in 0..<canvas.size.rows {
            let width = (0..<canvas.size.columns).reduce(0) { $0 + canvas[$1, y].width }
            #expect(
                width == size.columns, "row \(y) is \(width) columns wide",
                sourceLocation: sourceLocation)
        }
    }

    /// The x where `label` starts in row `y`, counting cells (a wide character is two).
    static func column(of label: String, inRow y: Int, of canvas: Canvas) -> Int? {
        (0..<canvas.size.columns).first { x in text(of: canvas, row: y, from: x).hasPrefix(label) }
    }

    /// The text of row `y` from cell `x` up to cell `end` (the row's end by default).
    static func text(of canvas: Canvas, row y: Int, from x: Int, to end: Int? = nil) -> String {
        (x..<min(end ?? canvas.size.columns, canvas.size.columns)).map { canvas[$0, y].text }
            .joined()
    }
}

/// A temporary home for a session's journal and settings, removed when dropped.
final class FaultDirectory: Sendable {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("fault-terminal-\(UUID().uuidString)", isDirectory: true)

    var paths: Paths {
        Paths(
            configDirectory: url.appendingPathComponent("config"),
            stateDirectory: url.appendingPathComponent("state"))
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

extension TerminalFaultTests {
    @Test func quittingFromAUserWithUnsavedValuesAsksFirst() async throws {
        let directory = FaultDirectory()
        let app = await harness(size: TerminalSize(columns: 80, rows: 24), directory: directory)
        await app.press(.char("u"))
        await app.type("eve@example.com")
        await app.press(.enter)
        // The first code's value is the hostile option; pick "Alpha" instead.
        await app.press(.enter, .char("g"), .enter)
        let pane = try #require(app.screen.pane as? UserCodesView)
        #expect(pane.pane.hasEdits, "\(app.text)")
        await app.press(.char("q"))
        #expect(!app.shell.hasQuit, "q on the user's values dropped unsaved edits")
        await app.press(.char("q"))
        #expect(app.shell.hasQuit)
    }
}
