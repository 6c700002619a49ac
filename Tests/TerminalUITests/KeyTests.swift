import Testing

@testable import TerminalUI

@Suite struct KeyDecoderTests {
    // Values from ncurses' curses.h: OK is 0, KEY_CODE_YES is 0400.
    private let ok: Int32 = 0
    private let keyCode: Int32 = 0o400

    @Test(arguments: [
        (UInt32(0x6A), Key.char("j")), (0x47, .char("G")), (0x20, .char(" ")),
        (0xE9, .char("é")), (0x65E5, .char("日")), (0x1F600, .char("😀")),
        (9, .tab), (13, .enter), (10, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (3, .ctrl("c")), (4, .ctrl("d")), (21, .ctrl("u")), (23, .ctrl("w")), (1, .ctrl("a")),
        (26, .ctrl("z")), (0, .ctrl("@")), (31, .ctrl("_")),
    ])
    func characters(value: UInt32, key: Key) {
        #expect(KeyDecoder.decode(status: ok, value: value) == key)
    }

    @Test(arguments: [
        (UInt32(0o403), Key.up), (0o402, .down), (0o404, .left), (0o405, .right),
        (0o523, .pageUp), (0o522, .pageDown), (0o406, .home), (0o550, .end),
        (0o541, .backTab), (0o527, .enter), (0o407, .backspace), (0o512, .delete),
        (0o513, .insert), (0o411, .function(1)), (0o424, .function(12)), (0o632, .resize),
    ])
    func functionKeys(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(status: keyCode, value: code) == key)
    }

    @Test func meaninglessInputIsDropped() {
        #expect(KeyDecoder.decode(status: ok, value: 0x9B) == nil)  // C1 CSI
        #expect(KeyDecoder.decode(status: ok, value: 0x2028) == nil)
        #expect(KeyDecoder.decode(status: keyCode, value: 0o631) == nil)  // KEY_MOUSE
        #expect(KeyDecoder.decode(status: -1, value: 0x6A) == nil)  // ERR
    }

    private func characters(_ text: String) -> [RawKeyInput] {
        text.unicodeScalars.map { RawKeyInput(status: ok, value: $0.value) }
    }

    @Test func escWithAKeyInTheSameBurstIsOneAltKey() {
        // Alt-b then "ye", as a terminal sends it: ESC b y e.
        #expect(KeyDecoder.decode(burst: characters("\u{1B}bye")) == [
            .alt(.char("b")), .char("y"), .char("e"),
        ])
        // Alt-x, Alt-Enter, Alt-Backspace, Alt with a function key.
        #expect(KeyDecoder.decode(burst: characters("\u{1B}x\u{1B}\r\u{1B}\u{7F}")) == [
            .alt(.char("x")), .alt(.enter), .alt(.backspace),
        ])
        let altUp = [RawKeyInput(status: ok, value: 27), RawKeyInput(status: keyCode, value: 0o403)]
        #expect(KeyDecoder.decode(burst: altUp) == [.alt(.up)])
    }

    @Test func aLoneEscStaysEsc() {
        #expect(KeyDecoder.decode(burst: characters("\u{1B}")) == [.escape])
        #expect(KeyDecoder.decode(burst: characters("y\u{1B}")) == [.char("y"), .escape])
        // Two Escs in one burst are two presses; the second may start an Alt-key.
        #expect(KeyDecoder.decode(burst: characters("\u{1B}\u{1B}")) == [.escape, .escape])
        #expect(KeyDecoder.decode(burst: characters("\u{1B}\u{1B}q")) == [
            .escape, .alt(.char("q")),
        ])
        let resize = [RawKeyInput(status: ok, value: 27), RawKeyInput(status: keyCode, value: 0o632)]
        #expect(KeyDecoder.decode(burst: resize) == [.escape, .resize])
    }

    @Test func escWithMeaninglessInputIsDroppedWhole() {
        #expect(KeyDecoder.decode(burst: characters("\u{1B}\u{9B}j")) == [.char("j")])
    }

    @Test func labelsForHelp() {
        #expect(Key.alt(.char("b")).label == "Alt-b")
        #expect(Key.ctrl("d").label == "Ctrl-D")
        #expect(Key.char(" ").label == "Space")
        #expect(Key.pageDown.label == "PgDn")
        #expect(Key.backTab.label == "Shift-Tab")
        #expect(Key.function(5).label == "F5")
        #expect(Key.typing("gG") == [.char("g"), .char("G")])
    }
}

@Suite struct KeyMapTests {
    @Test func vimKeysAndUsualKeysMapToTheSameActions() {
        let map = KeyMap.listNavigation
        #expect(map.action(for: .char("j")) == .moveDown)
        #expect(map.action(for: .down) == .moveDown)
        #expect(map.action(for: .char("k")) == .moveUp)
        #expect(map.action(for: .char("g")) == .top)
        #expect(map.action(for: .home) == .top)
        #expect(map.action(for: .char("G")) == .bottom)
        #expect(map.action(for: .end) == .bottom)
        #expect(map.action(for: .ctrl("d")) == .halfPageDown)
        #expect(map.action(for: .ctrl("u")) == .halfPageUp)
        #expect(map.action(for: .pageDown) == .pageDown)
        #expect(map.action(for: .char("x")) == nil)
    }

    @Test func globalKeys() {
        let map = KeyMap.global
        #expect(map.action(for: .tab) == .nextPane)
        #expect(map.action(for: .escape) == .back)
        #expect(map.action(for: .char("/")) == .filter)
        #expect(map.action(for: .char("q")) == .quit)
        #expect(map.action(for: .char("?")) == .help)
        #expect(map.binding(for: .filter)?.keyLabel == "/")
        #expect(map.binding(for: .quit)?.keyLabel == "q / Ctrl-C")
    }
}
