import Testing

@testable import TerminalUI

/// Golden screens: widgets drawn at fixed sizes compared with the expected text. Wide
/// characters take two columns here as on a terminal, so aligned columns look aligned in a
/// monospaced editor too. Control and bidi characters in the data show as placeholders.
@Suite struct GoldenScreenTests {
    @Test func tableAt80x24KeepsCJKAndEmojiAlignedAndShowsControlsInert() {
        var canvas = Canvas(size: TerminalSize(columns: 80, rows: 24))
        var table = TableView(columns: Fixtures.columns, rowCount: 40, showsMarks: true)
        table.sortColumn = 0
        table.select(row: 2)
        let (main, status) = canvas.bounds.splitBottom(1)
        table.draw(
            into: &canvas, in: main, theme: .standard, isMarked: { $0 % 3 == 1 },
            cell: Fixtures.cell)
        StatusBar(
            left: [.init("Loaded 40 tracking codes")], right: [.init("3/40")], spinnerTick: 3
        ).draw(into: &canvas, in: status, theme: .standard)

        #expect(canvas.snapshot() == """
          Name ▲                                       Type     Value
          Project code                                 Text     PRJ-001
        ● 部署コード                                   Select   開発
          😀 Emoji team                                Text     👩 dev
          Centre de coût                               Editable Région 北京
        ● Escape␛[31mred␛[0m                           Text     ␛]0;pwned␇
          Bidi <U+202E>txt.exe<U+202C>                 Hosted   <U+2066>iso<U+2069>
          Null␀byte and DEL␡                           Text     C1 <U+009B>2J
        ● A very long tracking code name that cannot … Select   一二三四五六七八九十一…
          Project code                                 Text     PRJ-001
          部署コード                                   Select   開発
        ● 😀 Emoji team                                Text     👩 dev
          Centre de coût                               Editable Région 北京
          Escape␛[31mred␛[0m                           Text     ␛]0;pwned␇
        ● Bidi <U+202E>txt.exe<U+202C>                 Hosted   <U+2066>iso<U+2069>
          Null␀byte and DEL␡                           Text     C1 <U+009B>2J
          A very long tracking code name that cannot … Select   一二三四五六七八九十一…
        ● Project code                                 Text     PRJ-001
          部署コード                                   Select   開発
          😀 Emoji team                                Text     👩 dev
        ● Centre de coût                               Editable Région 北京
          Escape␛[31mred␛[0m                           Text     ␛]0;pwned␇
          Bidi <U+202E>txt.exe<U+202C>                 Hosted   <U+2066>iso<U+2069>
         Loaded 40 tracking codes                                                ⠸ 3/40
        """)
        #expect(canvas[0, 3].style == Theme.standard.selection)
        #expect(canvas[79, 3].style == Theme.standard.selection)
        #expect(canvas[0, 2].style == Theme.standard.marked)
        #expect(canvas[8, 5].text == "␛")
        #expect(canvas[8, 5].style.attributes.contains(.underline))
    }

    @Test func tableAndDetailSideBySideAt120x40() throws {
        var canvas = Canvas(size: TerminalSize(columns: 120, rows: 40))
        let layout = PaneLayout.listAndDetail(in: canvas.bounds.splitBottom(1).rest)
        var table = TableView(columns: Fixtures.columns, rowCount: 8)
        table.draw(into: &canvas, in: layout.list, theme: .standard, cell: Fixtures.cell)
        var detail = TextView(
            lines: [
                "Name: " + Fixtures.rows[4].name, "Value: " + Fixtures.rows[5].name,
                "A long wrapped line of detail text that goes on and on past the edge",
            ],
            wraps: true)
        let detailRect = try #require(layout.detail)
        canvas.drawBox(detailRect, style: .plain, glyphs: .unicode, title: "Detail")
        detail.draw(into: &canvas, in: detailRect.inset(dx: 1, dy: 1), theme: .standard)

        #expect(canvas.snapshot() == """
        Name                                     Type     Value                 ┌─ Detail ─────────────────────────────────────┐
        Project code                             Text     PRJ-001               │Name: Escape␛[31mred␛[0m                      │
        部署コード                               Select   開発                  │Value: Bidi <U+202E>txt.exe<U+202C>           │
        😀 Emoji team                            Text     👩 dev                │A long wrapped line of detail text that goes  │
        Centre de coût                           Editable Région 北京           │on and on past the edge                       │
        Escape␛[31mred␛[0m                       Text     ␛]0;pwned␇            │                                              │
        Bidi <U+202E>txt.exe<U+202C>             Hosted   <U+2066>iso<U+2069>   │                                              │
        Null␀byte and DEL␡                       Text     C1 <U+009B>2J         │                                              │
        A very long tracking code name that can… Select   一二三四五六七八九十… │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                │                                              │
                                                                                └──────────────────────────────────────────────┘

        """)
    }

    @Test func confirmationDialogCentredAt80x24() {
        var canvas = Canvas(size: TerminalSize(columns: 80, rows: 24))
        Dialog.confirmation(
            title: "Delete tracking codes",
            message: "Delete 3 tracking codes from example.webex.com? Undo re-creates them "
                + "with new ids.",
            confirmTitle: "Delete"
        ).draw(into: &canvas, in: canvas.bounds, theme: .standard)

        #expect(canvas.snapshot() == """








                ┌─ Delete tracking codes ──────────────────────────────────────┐
                │                                                              │
                │ Delete 3 tracking codes from example.webex.com? Undo         │
                │ re-creates them with new ids.                                │
                │                                                              │
                │               [ Cancel (Esc) ]  [ Delete (y) ]               │
                └──────────────────────────────────────────────────────────────┘









        """)
        // The focus starts on Cancel: a stray Enter deletes nothing.
        #expect(canvas[24, 13].style == Theme.standard.buttonFocused)
        #expect(canvas[42, 13].style == Theme.standard.buttonDestructive)
    }

    @Test func listPickerWithHundredsOfItemsShowsItsPosition() {
        var canvas = Canvas(size: TerminalSize(columns: 40, rows: 12))
        var picker = ListPicker(title: "Sites", items: (1...300).map { "site-\($0).webex.com" })
        picker.draw(into: &canvas, in: canvas.bounds, theme: .standard)
        _ = picker.handle(.pageDown)
        _ = picker.handle(.pageDown)
        picker.draw(into: &canvas, in: canvas.bounds, theme: .standard)

        #expect(canvas.snapshot() == """
        ┌─ Sites ──────────────────────────────┐
        │ site-21.webex.com                    │
        │ site-22.webex.com                    │
        │ site-23.webex.com                    │
        │ site-24.webex.com                    │
        │ site-25.webex.com                    │
        │ site-26.webex.com                    │
        │ site-27.webex.com                    │
        │ site-28.webex.com                    │
        │ site-29.webex.com                    │
        │ site-30.webex.com                    │
        └───────────────────────────── 21/300 ─┘
        """)
        #expect(canvas[1, 1].style == Theme.standard.selection)
    }

    @Test func progressBars() {
        var canvas = Canvas(size: TerminalSize(columns: 40, rows: 3))
        ProgressBar(completed: 3, total: 8, label: "Deleting")
            .draw(into: &canvas, in: canvas.bounds, theme: .standard)
        ProgressBar(completed: 3, total: 8)
            .draw(into: &canvas, in: Rect(x: 0, y: 1, width: 12, height: 1), theme: .standard)
        ProgressBar(completed: 9, total: 8, label: "Over")
            .draw(into: &canvas, in: Rect(x: 0, y: 2, width: 30, height: 1), theme: .monochrome)

        #expect(canvas.snapshot() == """
        Deleting [█████████░░░░░░░░░░░░░░░░] 3/8
        [██░░░░] 3/8
        Over [███████████████████] 9/8
        """)
    }

    @Test func helpOverlayListsEveryBindingBySection() {
        var canvas = Canvas(size: TerminalSize(columns: 80, rows: 24))
        var overlay = HelpOverlay(keyMaps: [.listNavigation, .global])
        overlay.draw(into: &canvas, in: canvas.bounds, theme: .standard)

        #expect(canvas.snapshot() == """


                          ┌─ Keys ──────────────────────────────────┐
                          │ Moving around                           │
                          │ k / Up         Previous row             │
                          │ j / Down       Next row                 │
                          │ Ctrl-U         Half a page up           │
                          │ Ctrl-D         Half a page down         │
                          │ PgUp / Ctrl-B  Page up                  │
                          │ PgDn / Ctrl-F  Page down                │
                          │ g / Home       First row                │
                          │ G / End        Last row                 │
                          │                                         │
                          │ Everywhere                              │
                          │ Tab            Next pane                │
                          │ Shift-Tab      Previous pane            │
                          │ Esc            Back, close, cancel      │
                          │ /              Filter                   │
                          │ ? / F1         Show or hide this help   │
                          │ q / Ctrl-C     Quit                     │
                          └─────────────────────────────────────────┘



        """)
    }

    @Test func tooSmallNoticeAt40x10() {
        var canvas = Canvas(size: TerminalSize(columns: 40, rows: 10))
        TooSmallNotice(minimum: TerminalSize(columns: 60, rows: 16))
            .draw(into: &canvas, theme: .standard)
        #expect(canvas.snapshot() == """



                  Terminal too small
                Need 60×16, have 40×10.
        Enlarge the window, or press q to quit.




        """)
    }

    @Test func tooSmallNoticeAt20x5() {
        var canvas = Canvas(size: TerminalSize(columns: 20, rows: 5))
        TooSmallNotice(minimum: TerminalSize(columns: 60, rows: 16))
            .draw(into: &canvas, theme: .standard)
        #expect(canvas.snapshot() == """
        Terminal too small
         Need 60×16, have
               20×5.
        Enlarge the window,
        or press q to quit.
        """)
    }

    @Test func tooSmallNoticeAt1x1() {
        var canvas = Canvas(size: TerminalSize(columns: 1, rows: 1))
        TooSmallNotice(minimum: TerminalSize(columns: 60, rows: 16))
            .draw(into: &canvas, theme: .standard)
        #expect(canvas.snapshot() == "!")
    }
}
