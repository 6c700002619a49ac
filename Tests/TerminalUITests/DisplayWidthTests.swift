import CNcursesw
import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("日", 2), ("한", 2), ("😀", 2), ("\u{301}", 0), ("Ａ", 2),
        ("\u{1F1EF}", 1), ("\u{2026}", 1), ("\u{FE0F}", 0), ("\u{E000}", 1),
    ] as [(Unicode.Scalar, Int)])
    func knownWidths(scalar: Unicode.Scalar, width: Int) {
        #expect(DisplayWidth.of(scalar) == width)
    }

    @Test(arguments: [0x1B, 0x07, 0x7F, 0x9B, 0x2028, 0x323B0] as [UInt32])
    func unprintableScalarsHaveNoWidth(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(DisplayWidth.of(scalar) == nil)
    }

    /// curses measures with the system's wcwidth(); the table must agree with it for every
    /// scalar, or our layout and curses' idea of the screen drift apart.
    @Test func tableMatchesTheSystemWcwidthInCUTF8() throws {
        let count = 0x110000 - 0x20
        var system = [Int32](repeating: 0, count: count)
        try #require(tc_wcwidths_c_utf8(0x20, UInt32(count), &system) == 0, "no C.UTF-8 locale")

        var mismatches: [String] = []
        for (offset, width) in system.enumerated() {
            let value = UInt32(0x20 + offset)
            guard let scalar = Unicode.Scalar(value) else { continue }
            let ours = DisplayWidth.of(scalar).map(Int32.init) ?? -1
            if width != ours, mismatches.count < 5 {
                mismatches.append("U+\(String(value, radix: 16)): wcwidth \(width), table \(ours)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
