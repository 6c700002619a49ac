import Testing

@testable import TerminalUI

@Suite struct DialogTests {
    @Test func confirmationNeedsItsOwnKeyAndEnterCancels() {
        var dialog = Dialog.confirmation(title: "Delete", message: "Sure?", confirmTitle: "Delete")
        #expect(dialog.focusedButton == 0)
        #expect(dialog.handle(.enter) == .chose("cancel"))
        #expect(dialog.handle(.char("y")) == .chose("confirm"))
        #expect(dialog.handle(.escape) == .chose("cancel"))
        #expect(dialog.handle(.char("n")) == .ignored)
    }

    @Test func focusMovesAroundTheButtons() {
        var dialog = Dialog.confirmation(title: "Delete", message: "Sure?", confirmTitle: "Delete")
        #expect(dialog.handle(.tab) == .moved)
        #expect(dialog.handle(.enter) == .chose("confirm"))
        #expect(dialog.handle(.right) == .moved)
        #expect(dialog.focusedButton == 0)
        #expect(dialog.handle(.backTab) == .moved)
        #expect(dialog.focusedButton == 1)
    }

    @Test func aMessageTallerThanTheScreenIsCut() {
        var canvas = Canvas(size: TerminalSize(columns: 30, rows: 8))
        let dialog = Dialog(
            title: "Log", message: (1...20).map { "line \($0)" }.joined(separator: "\n"),
            buttons: [DialogButton(id: "ok", title: "OK", role: .cancel)])
        dialog.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == """
                   ┌─ Log ────────┐
                   │              │
                   │ line 1       │
                   │ line 2       │
                   │ line 3…      │
                   │              │
                   │ [ OK (Esc) ] │
                   └──────────────┘
            """)
    }
}

@Suite struct ListPickerTests {
    @Test func choosingAndCancelling() {
        var picker = ListPicker(title: "Sites", items: (1...500).map { "site-\($0)" })
        #expect(picker.handle(.char("G")) == .moved)
        #expect(picker.handle(.enter) == .chosen(499))
        #expect(picker.handle(.char("g")) == .moved)
        #expect(picker.handle(.char("j")) == .moved)
        #expect(picker.handle(.enter) == .chosen(1))
        #expect(picker.handle(.escape) == .cancelled)
        #expect(picker.handle(.char("x")) == .ignored)
    }

    @Test func emptyPickerChoosesNothing() {
        var picker = ListPicker(title: "Sites", items: [])
        #expect(picker.handle(.enter) == .ignored)
        picker.setItems(["only"])
        #expect(picker.handle(.enter) == .chosen(0))
    }
}

@Suite struct HelpOverlayTests {
    @Test func scrollsWhenTallerThanTheScreenAndCloses() {
        var canvas = Canvas(size: TerminalSize(columns: 60, rows: 10))
        var overlay = HelpOverlay(keyMaps: [.listNavigation, .global])
        overlay.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.row(1).contains("Moving around"))
        #expect(canvas.row(9).contains("1-8/17"))

        #expect(overlay.handle(.char("G")) == .scrolled)
        overlay.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.row(8).contains("Quit"))
        #expect(overlay.handle(.char("j")) == .ignored)
        #expect(overlay.handle(.escape) == .closed)
        #expect(overlay.handle(.char("?")) == .closed)
    }
}

@Suite struct TableSelectionTests {
    private func drawn(span: TableView.SelectionSpan, isFocused: Bool = true) -> Canvas {
        var canvas = Canvas(size: TerminalSize(columns: 40, rows: 4))
        var table = TableView(
            columns: Fixtures.columns, rowCount: 3, showsMarks: true, selectionSpan: span)
        table.select(row: 1)
        table.draw(
            into: &canvas, in: canvas.bounds, theme: .standard, isFocused: isFocused,
            isMarked: { $0 == 1 }, cell: Fixtures.cell)
        return canvas
    }

    @Test func aWholeRowSelectionCoversTheRow() {
        let canvas = drawn(span: .row)
        #expect((0..<40).allSatisfy { canvas[$0, 2].style == Theme.standard.selection })
    }

    @Test func aLeadingColumnSelectionCoversTheMarkAndTheFirstColumnOnly() {
        let canvas = drawn(span: .leadingColumn)
        let nameWidth = TableColumn.widths(for: Fixtures.columns, totalWidth: 38)[0]
        let lead = TableView.markColumnWidth + nameWidth
        #expect(nameWidth >= 12)
        #expect((0..<lead).allSatisfy { canvas[$0, 2].style == Theme.standard.selection })
        #expect((lead..<40).allSatisfy { canvas[$0, 2].style == Theme.standard.normal })
        // The mark of a selected row takes the selection's colours; the row's text is intact.
        #expect(canvas[0, 2].text == Theme.standard.glyphs.mark)
        #expect(canvas.row(2).contains("部署コード"))
        #expect(canvas.row(2).contains("Select"))

        let inactive = drawn(span: .leadingColumn, isFocused: false)
        #expect(inactive[5, 2].style == Theme.standard.selectionInactive)
        #expect(inactive[30, 2].style == Theme.standard.normal)
    }
}

@Suite struct TextViewTests {
    @Test func followsTheTailUntilScrolledUp() {
        var canvas = Canvas(size: TerminalSize(columns: 10, rows: 2))
        var log = TextView(lines: ["one", "two", "three"])
        log.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == "two\nthree")

        log.append("four")
        log.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == "three\nfour")

        #expect(log.handle(.char("k")) == true)
        log.append("five")
        log.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == "two\nthree")
        #expect(!log.isFollowing)

        #expect(log.handle(.char("G")) == true)
        log.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == "four\nfive")
    }

    /// The detail pane swaps in a long option list after a short one: the first frame must
    /// show its top, not its end (`.home` judged following by the short list's length).
    @Test func scrollToTopHoldsForLinesLongerThanTheLastDrawn() {
        var canvas = Canvas(size: TerminalSize(columns: 10, rows: 2))
        var view = TextView(lines: ["short"])
        view.draw(into: &canvas, in: canvas.bounds, theme: .standard)

        view.setLines((1...50).map { "line \($0)" })
        view.scrollToTop()
        view.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == "line 1\nline 2")
        #expect(!view.isFollowing)
    }

    @Test func aViewThatStartsAtTopShowsTheFirstLinesUntilScrolledToTheEnd() {
        var canvas = Canvas(size: TerminalSize(columns: 10, rows: 2))
        var view = TextView(lines: ["one", "two", "three"], startsAtTop: true)
        view.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == "one\ntwo")

        let scrolled = view.handle(.char("G"))
        #expect(scrolled)
        view.append("four")
        view.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == "three\nfour")
    }

    @Test func wrapsOrCutsLongLinesAndDropsOldOnes() {
        var canvas = Canvas(size: TerminalSize(columns: 8, rows: 3))
        var view = TextView(lines: ["GET /v1/sites 200", "x\u{1B}y"], wraps: true, maximumLines: 2)
        view.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        // Four display lines in three rows, following the tail.
        #expect(canvas.snapshot() == "/v1/site\ns 200\nx␛y")

        view.wraps = false
        view.append("third")
        view.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(view.lines == ["x\u{1B}y", "third"])
        #expect(canvas.snapshot() == "x␛y\nthird\n")
    }
}

@Suite struct StatusBarTests {
    @Test func rightSegmentsWinWhenSpaceIsShort() {
        var canvas = Canvas(size: TerminalSize(columns: 30, rows: 1))
        StatusBar(
            left: [.init("Deleted 12 tracking codes from the site"), .init("more")],
            right: [.init("3 marked", kind: .accent), .init("12/300")]
        ).draw(into: &canvas, in: canvas.bounds, theme: .standard)
        #expect(canvas.snapshot() == " Deleted 12…  3 marked 12/300")
        #expect(canvas[14, 0].style == Theme.standard.statusAccent)
        #expect(canvas[29, 0].style == Theme.standard.statusBar)
    }

    /// A later segment is shown whole, or cut after its first word, or not at all: `re…` for
    /// "read-only" would say nothing.
    @Test func aLaterSegmentKeepsItsFirstWordOrIsLeftOut() {
        func drawn(columns: Int) -> String {
            var canvas = Canvas(size: TerminalSize(columns: columns, rows: 1))
            StatusBar(
                left: [.init("acme.webex.com", kind: .accent),
                       .init("read-only: acme.webex.com is listed", kind: .warning)],
                right: [.init("0 of 13 codes")]
            ).draw(into: &canvas, in: canvas.bounds, theme: .standard)
            return canvas.snapshot()
        }
        #expect(drawn(columns: 36) == " acme.webex.com       0 of 13 codes")
        #expect(drawn(columns: 50) == " acme.webex.com  read-only: acme.…  0 of 13 codes")
    }
}

/// Every widget at every size from 0×0 up: nothing may crash or draw outside its rect.
@Suite struct WidgetSizeTests {
    @Test(arguments: Fixtures.sizes)
    func everyWidgetSurvivesEverySize(size: TerminalSize) {
        var canvas = Canvas(size: size)
        let area = canvas.bounds
        var table = TableView(columns: Fixtures.columns, rowCount: 100, showsMarks: true)
        table.sortColumn = 1
        table.draw(
            into: &canvas, in: area, theme: .standard, isMarked: { $0 % 2 == 0 },
            cell: Fixtures.cell)
        _ = table.handle(.pageDown)
        var field = TextField(text: "部署コード😀 and more")
        field.draw(into: &canvas, in: area, theme: .standard)
        var picker = ListPicker(title: "Sites", items: (1...300).map { "site-\($0)" })
        picker.draw(into: &canvas, in: area, theme: .standard)
        Dialog.confirmation(title: "Delete", message: "Delete them all?", confirmTitle: "Delete")
            .draw(into: &canvas, in: area, theme: .monochrome)
        ProgressBar(completed: 1, total: 3, label: "Working").draw(
            into: &canvas, in: area, theme: .standard)
        StatusBar(left: [.init("left")], right: [.init("right")], spinnerTick: 1)
            .draw(into: &canvas, in: area, theme: .standard)
        var help = HelpOverlay(keyMaps: [.listNavigation, .global])
        help.draw(into: &canvas, in: area, theme: .standard)
        var log = TextView(lines: ["日本語 text", "more"], wraps: true)
        log.draw(into: &canvas, in: area, theme: .standard)
        TooSmallNotice(minimum: TerminalSize(columns: 60, rows: 16))
            .draw(into: &canvas, theme: .standard)

        #expect(canvas.size == size)
        #expect(canvas.snapshot().split(separator: "\n", omittingEmptySubsequences: false).count
            == max(size.rows, 1))
    }
}
