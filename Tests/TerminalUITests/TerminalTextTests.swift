import Testing

@testable import TerminalUI

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[31m", "␛[31m"),
        ("bell\u{07}", "bell␇"),
        ("nul\u{0}", "nul␀"),
        ("del\u{7F}", "del␡"),
        ("tab\tnl\ncr\r", "tab␉nl␊cr␍"),
        ("crlf\r\n", "crlf␍␊"),
        ("csi\u{9B}2J", "csi<U+009B>2J"),
        ("nel\u{85}", "nel<U+0085>"),
        ("\u{202E}evil\u{202C}", "<U+202E>evil<U+202C>"),
        ("\u{2066}iso\u{2069}", "<U+2066>iso<U+2069>"),
        ("\u{200E}\u{200F}\u{061C}", "<U+200E><U+200F><U+061C>"),
        ("zero\u{200B}width", "zero<U+200B>width"),
        ("soft\u{AD}hyphen", "soft<U+00AD>hyphen"),
        ("line\u{2028}sep", "line<U+2028>sep"),
        ("bom\u{FEFF}", "bom<U+FEFF>"),
        ("unassigned\u{323B0}", "unassigned<U+323B0>"),
    ])
    func controlsAndInvisiblesBecomeVisiblePlaceholders(input: String, shown: String) {
        #expect(TerminalText(input).description == shown)
    }

    @Test func everyBidiControlIsShownInert() throws {
        let values: [UInt32] = [0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        for value in values {
            let scalar = try #require(Unicode.Scalar(value))
            let text = TerminalText("a" + String(Character(scalar)) + "b")
            #expect(!text.description.unicodeScalars.contains(scalar))
            #expect(text.glyphs.contains { $0.isPlaceholder })
        }
    }

    /// Whatever comes in, nothing that a terminal interprets or that reorders text gets out.
    /// Every assigned plane goes through, in chunks (one string per code point is too slow);
    /// planes 4–13 are unassigned and 15–16 private use, so one slice of each stands in.
    @Test func noScalarReachesTheOutputUnsafe() {
        let ranges: [ClosedRange<UInt32>] = [
            0...0x2FFFF, 0x30000...0x323FF, 0x40000...0x40FFF, 0xE0000...0xE0FFF,
            0xF0000...0xF00FF, 0x10FF00...0x10FFFF,
        ]
        let scalars = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        var leaks: [UInt32] = []
        for start in stride(from: 0, to: scalars.count, by: 8192) {
            var chunk = String.UnicodeScalarView()
            chunk.append(contentsOf: scalars[start..<min(start + 8192, scalars.count)])
            for scalar in TerminalText(String(chunk)).description.unicodeScalars
            where TerminalText.isUnsafe(scalar) && leaks.count < 5 {
                leaks.append(scalar.value)
            }
        }
        #expect(leaks.isEmpty)
    }

    @Test func placeholdersAreFlaggedAndPlainTextIsNot() {
        let text = TerminalText("a\u{1B}b")
        #expect(text.glyphs.map(\.isPlaceholder) == [false, true, false])
    }

    @Test func widthsCountWideCharacters() {
        #expect(TerminalText("abc").width == 3)
        #expect(TerminalText("部署コード").width == 10)
        #expect(TerminalText("😀 team").width == 7)
        #expect(TerminalText("Région 北京").width == 11)
    }

    @Test func emojiSequencesShrinkToTheirFirstEmoji() {
        #expect(TerminalText("👩‍💻").description == "👩")
        #expect(TerminalText("👍🏽").description == "👍")
        #expect(TerminalText("❤️").description == "❤")
        #expect(TerminalText("👩‍💻").width == 2)
        #expect(TerminalText("❤️").width == 1)
    }

    @Test func flagsStayAsTwoOneColumnGlyphs() {
        let flag = TerminalText("🇯🇵")
        #expect(flag.glyphs.count == 2)
        #expect(flag.width == 2)
        #expect(flag.description == "🇯🇵")
    }

    @Test func combiningMarksStayWithTheirBaseUpToFour() {
        let accented = TerminalText("e\u{301}")
        #expect(accented.glyphs.count == 1)
        #expect(accented.width == 1)

        let zalgo = TerminalText("a" + String(repeating: "\u{301}", count: 10))
        #expect(zalgo.glyphs.count == 1)
        #expect(zalgo.glyphs[0].text.unicodeScalars.count == 5)
    }

    @Test func aLoneCombiningMarkSitsOnADottedCircle() {
        let text = TerminalText("\u{301}x")
        #expect(text.description == "\u{25CC}\u{301}x")
        #expect(text.width == 2)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        let name = TerminalText("部署コード")
        #expect(name.truncated(toWidth: 10).description == "部署コード")
        #expect(name.truncated(toWidth: 9).description == "部署コー…")
        // 7 columns are left for text at width 8: the fourth character would need 8.
        #expect(name.truncated(toWidth: 8).description == "部署コ…")
        #expect(name.truncated(toWidth: 8).width == 7)
        #expect(name.truncated(toWidth: 4).description == "部…")
        #expect(name.truncated(toWidth: 2).description == "…")
        #expect(name.truncated(toWidth: 1).description == "…")
        #expect(name.truncated(toWidth: 0).description == "")
        #expect(name.truncated(toWidth: -3).description == "")
    }

    @Test func fittingPadsToExactWidthForEveryWidth() {
        let samples = ["部署コード", "😀 Emoji team", "plain", "\u{1B}[2J", "é\u{301}日"]
        for sample in samples {
            for width in 0...20 {
                let fitted = TerminalText(sample).fitted(toWidth: width)
                #expect(fitted.width == width, "\(sample) at \(width)")
            }
        }
    }

    @Test func paddingAligns() {
        #expect(TerminalText("日").padded(toWidth: 5, alignment: .leading).description == "日   ")
        #expect(TerminalText("日").padded(toWidth: 5, alignment: .trailing).description == "   日")
        #expect(TerminalText("日").padded(toWidth: 5, alignment: .center).description == " 日  ")
        #expect(TerminalText("long").padded(toWidth: 2).description == "long")
    }

    @Test func wrappingBreaksAtSpacesAndSplitsLongWords() {
        let lines = TerminalText("Delete 3 tracking codes from example.webex.com now")
            .wrapped(toWidth: 16)
        #expect(lines.map(\.description) == [
            "Delete 3", "tracking codes", "from", "example.webex.co", "m now",
        ])
        #expect(lines.allSatisfy { $0.width <= 16 })
        #expect(TerminalText("日本語").wrapped(toWidth: 1).map(\.description) == [" ", " ", " "])
        #expect(TerminalText("").wrapped(toWidth: 5).map(\.description) == [""])
    }

    @Test func wrappingIntoFewLinesEndsWithAnEllipsisOnlyWhenTextIsLeftOver() {
        let text = TerminalText(
            "Read-only, cannot save: acme.webex.com is listed under readOnlySites")
        #expect(text.wrapped(toWidth: 30, maxLines: 3).map(\.description) == [
            "Read-only, cannot save:", "acme.webex.com is listed under", "readOnlySites",
        ])
        #expect(text.wrapped(toWidth: 30, maxLines: 2).map(\.description) == [
            "Read-only, cannot save:", "acme.webex.com is listed unde…",
        ])
        #expect(text.wrapped(toWidth: 30, maxLines: 2, ellipsis: "...").last?.description
            == "acme.webex.com is listed un...")
        #expect(text.wrapped(toWidth: 30, maxLines: 0).isEmpty)
        #expect(TerminalText("").wrapped(toWidth: 5, maxLines: 1).map(\.description) == [""])
    }

    @Test func linesSplitOnNewlinesOnly() {
        #expect(TerminalText.lines("a\nb\r\nc\rd").map(\.description) == ["a", "b", "c␍d"])
    }

    @Test func safetyCheckForTypedCharacters() {
        #expect(TerminalText.isSafe("é"))
        #expect(TerminalText.isSafe("日"))
        #expect(!TerminalText.isSafe("\u{1B}"))
        #expect(!TerminalText.isSafe("\u{202E}"))
    }
}

/// Complex scripts keep every character: only emoji sequences are reduced.
@Suite struct ComplexScriptTextTests {
    @Test(arguments: ["हिन्दी विभाग", "नमस्ते", "தமிழ் Tamil", "বাংলা Bangla", "ｶﾞｷﾞ", "مُحَمَّد Arabic", "สวัสดี"])
    func everyCharacterOfTheTextIsDrawn(text: String) {
        let drawn = TerminalText(text)
        #expect(drawn.description == text)
        #expect(drawn.width == drawn.glyphs.reduce(0) { $0 + $1.width })
    }

    @Test func emojiSequencesAreStillReducedToTheirFirstEmoji() {
        #expect(TerminalText("Thumb 👍🏽 ok").description == "Thumb 👍 ok")
        #expect(TerminalText("👩‍💻 dev").description == "👩 dev")
        #expect(TerminalText("❤️").description == "❤")
        #expect(TerminalText("🇨🇭").glyphs.count == 2)
    }

    @Test func aConjunctTakesACellPerSpacingCharacter() {
        // स्ते: स + virama + त + vowel sign e: two spacing characters, two cells.
        let glyphs = TerminalText("स्ते").glyphs
        #expect(glyphs.map(\.text) == ["स्", "ते"])
    }
}
