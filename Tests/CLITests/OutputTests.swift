import Foundation
import Testing
import WebexAPI
@testable import TrackcodesCLI

/// Tables line up by display width and never pass raw control characters to the terminal.
@Suite struct OutputTests {
    @Test func displayWidthCountsWideAndZeroWidthCharacters() {
        #expect(TextWidth.of("Zürich") == 6)
        #expect(TextWidth.of("Zu\u{308}rich") == 6)  // combining diaeresis
        #expect(TextWidth.of("東京") == 4)
        #expect(TextWidth.of("서울") == 4)
        #expect(TextWidth.of("ｶﾞ") == 2)  // halfwidth katakana stay narrow
        #expect(TextWidth.of("Ｆｕｌｌ") == 8)
        #expect(TextWidth.of("👍") == 2)
        #expect(TextWidth.of("❤\u{FE0F}") == 2)
        #expect(TextWidth.of("תל אביב") == 7)
    }

    @Test func truncationCutsByWidthAndMarksTheCut() {
        #expect(TextWidth.truncate("東京都庁", to: 5) == "東京…")
        #expect(TextWidth.truncate("short", to: 10) == "short")
        #expect(TextWidth.of(TextWidth.truncate("abcdefghij", to: 4)) == 4)
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect(OutputEscaping.escapingControls("a\u{1B}[2Jb") == "a\\u{001B}[2Jb")
        #expect(OutputEscaping.escapingControls("line1\nline2\tx") == "line1\\nline2\\tx")
        #expect(OutputEscaping.escapingControls("\u{9B}31m") == "\\u{009B}31m")
        #expect(OutputEscaping.escapingControls("abc\u{202E}cba") == "abc\\u{202E}cba")
        #expect(OutputEscaping.escapingControls("Zürich 東京 القاهرة") == "Zürich 東京 القاهرة")
    }

    @Test func escapedJSONStaysTheSameJSONValue() throws {
        let original = "{\"name\":\"a\u{9B}b\u{7F}\",\n \"x\": 1}"
        let escaped = OutputEscaping.escapingControlsInJSON(original)

        #expect(!escaped.unicodeScalars.contains(where: { $0.value == 0x9B || $0.value == 0x7F }))
        let before = try JSONSerialization.jsonObject(with: Data(original.utf8)) as? NSDictionary
        let after = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? NSDictionary
        #expect(before == after)
    }

    @Test func columnsAlignByDisplayWidth() {
        let table = TextTable(
            columns: [.init(header: "NAME"), .init(header: "VALUE")],
            rows: [["東京", "1"], ["Zu\u{308}rich", "2"], ["a", "3"]])
        let lines = table.render(style: .plain).split(separator: "\n").map(String.init)

        let valueColumns = zip(lines, ["VALUE", "1", "2", "3"]).map { line, value in
            TextWidth.of(String(line.dropLast(value.count)))
        }
        #expect(Set(valueColumns).count == 1, "\(lines)")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test func tablesEscapeWhatTheAPISends() async throws {
        let hostile = TrackingCode(
            id: "1", name: "Evil\u{1B}]0;pwned\u{07}\nname", siteUrl: "a.webex.com",
            options: [TrackingCodeOption(value: "\u{1B}[31mred", defaultValue: true)],
            inputMode: .select, hostProfileCode: .optional,
            scheduleStartCodes: [ScheduleStartCode(service: .all, type: .optional)])
        let answers: [([String], Data)] = [
            (["codes", "list"], try JSONEncoder().encode(TrackingCodeList(items: [hostile]))),
            (["codes", "get", "1"], try JSONEncoder().encode(hostile)),
        ]

        for (arguments, body) in answers {
            let services = CLIServices.fixed(FixedTransport(response: HTTPResponse(status: 200, body: body)))
            let run = await Trackcodes.runCapturingOutput(
                arguments, environment: CLIHarness.isolated(["WEBEX_API_KEY": "token-for-tests"]), services: services)
            #expect(run.exitCode == .success, "\(arguments): \(run.standardError)")
            #expect(!run.standardOutput.unicodeScalars.contains(where: { $0.value == 0x1B || $0.value == 0x07 }))
            #expect(run.standardOutput.contains("Evil\\u{001B}]0;pwned\\u{0007}\\nname"), "\(arguments)")
            #expect(run.standardOutput.contains("\\u{001B}[31mred"), "\(arguments)")
        }
    }

    @Test func headersAreBoldOnlyOnATerminalThatAllowsIt() async throws {
        let harness = try CLIHarness()
        func output(_ arguments: [String], environment: [String: String] = [:], terminal: Bool) async -> String {
            let stdout = CapturedOutput(isTerminal: terminal)
            let context = CLIContext(
                environment: environment, standardInput: DataInput(Data()), standardOutput: stdout,
                standardError: CapturedOutput(), services: harness.services)
            _ = await Trackcodes.run(arguments, context: context)
            return stdout.text
        }

        #expect(await output(["sites", "--demo"], terminal: true).hasPrefix("\u{1B}[1mSITE"))
        #expect(await output(["sites", "--demo"], terminal: false).hasPrefix("SITE"))
        #expect(await output(["sites", "--demo", "--no-color"], terminal: true).hasPrefix("SITE"))
        #expect(await output(["sites", "--demo"], environment: ["NO_COLOR": "1"], terminal: true).hasPrefix("SITE"))
    }
}
