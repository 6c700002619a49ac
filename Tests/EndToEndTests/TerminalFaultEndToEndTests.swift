import Foundation
import Testing
import WebexAPI
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// The real binary on terminals that misbehave: too small, dumb, monochrome, without a UTF-8
/// locale, and showing data made to attack the terminal. Also what a process list shows of
/// the token, and where `trackcodes serve` listens.
@Suite("Terminal faults end to end", .serialized)
struct TerminalFaultEndToEndTests {
    /// The sandbox's environment with `NO_COLOR` emptied: the test runner sets it, and the
    /// tmux server would pass it on to the program.
    private func colourEnvironment(_ sandbox: SandboxProcess) -> [String: String] {
        sandbox.environment.merging(["NO_COLOR": ""]) { _, new in new }
    }

    @Test func aTinyWindowShowsANoticeAndTheListComesBackWhenItGrows() throws {
        let sandbox = try SandboxProcess()
        let ui = try TmuxSession(
            command: sandbox.command(), columns: 20, rows: 5,
            environment: colourEnvironment(sandbox))
        try ui.waitFor(text: "Terminal too small")
        try ui.resize(columns: 40, rows: 10)
        try ui.waitFor(text: "Need 60×16, have 40×10.")
        try ui.resize(columns: 80, rows: 24)
        try ui.waitFor(text: "12 codes")
        // A colour terminal gets colours: what the monochrome cases below must not see.
        #expect(Self.hasColour(try ui.tmux(["capture-pane", "-p", "-e", "-t", ui.name])))
        try ui.send("q")
        try ui.waitFor(text: "[exit 0]")
    }

    @Test func aDumbTerminalGetsOneLineAndExitCodeTwo() throws {
        let sandbox = try SandboxProcess()
        var environment = sandbox.environment
        environment["TERM"] = "dumb"
        let ui = try TmuxSession(command: sandbox.command(), environment: environment)
        let screen = try ui.waitFor(text: "[exit 2]")
        #expect(screen.contains("trackcodes: "), "\(screen)")
        #expect(screen.contains("dumb"), "\(screen)")
    }

    @Test(arguments: [["TERM": "vt100"], ["NO_COLOR": "1"], ["LANG": "C", "LC_ALL": "C"]])
    func plainTerminalsShowTheList(overrides: [String: String]) throws {
        let sandbox = try SandboxProcess()
        let environment = colourEnvironment(sandbox).merging(overrides) { _, new in new }
        let ui = try TmuxSession(command: sandbox.command(), environment: environment)
        try ui.waitFor(text: "12 codes")
        let styled = try ui.tmux(["capture-pane", "-p", "-e", "-t", ui.name])
        if overrides["LANG"] == nil {
            #expect(!Self.hasColour(styled), "colours on a terminal that should have none")
        } else {
            // Without a UTF-8 locale, the program falls back to C.UTF-8 for its own drawing.
            #expect(styled.contains("Department"))
        }
        try ui.send("q")
        try ui.waitFor(text: "[exit 0]")
    }

    @Test func hostileNamesReachTheTerminalInert() throws {
        let sandbox = try SandboxProcess(dataset: Self.hostileDataset())
        // Monochrome, so any colour on screen could only have come from the data.
        let ui = try TmuxSession(
            command: sandbox.command(), columns: 100, rows: 24,
            environment: sandbox.environment.merging(["NO_COLOR": "1"]) { _, new in new })
        let screen = try ui.waitFor(text: "5 codes")
        #expect(screen.contains("Evil␛[31mRe"), "\(screen)")
        #expect(screen.contains("Bell␇Ring"), "\(screen)")
        #expect(screen.contains("<U+202E>exe"), "\(screen)")
        let title = try ui.tmux(["display-message", "-p", "-t", ui.name, "#{pane_title}"])
        #expect(!title.contains("pwned"), "the data set the window title")
        let bell = try ui.tmux(["display-message", "-p", "-t", ui.name, "#{window_bell_flag}"])
        #expect(
            bell.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "the data rang the bell")
        let styled = try ui.tmux(["capture-pane", "-p", "-e", "-t", ui.name])
        #expect(!Self.hasColour(styled), "the data coloured the terminal")
        // The rows differ only in their names (all one column wide per character here): the
        // input mode column lines up. At 100 columns the list uses its compact labels.
        let rows = screen.split(separator: "\n").filter {
            $0.contains("Alpha") && $0.contains("Select")
        }
        let columns = rows.compactMap { line in
            line.range(of: "Select").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        }
        #expect(columns.count == 5 && Set(columns).count == 1, "\(screen)")
    }

    @Test func theTokenIsInNoProcessArgumentsAndServeListensOnLoopback() throws {
        let sandbox = try SandboxProcess()
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "12 codes")
        let shell = try ui.tmux(["display-message", "-p", "-t", ui.name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try ProcessRunner.run(["ps", "-o", "args=", "--ppid", shell], timeout: 10)
            .output
        #expect(children.contains("trackcodes"), "\(children)")
        #expect(!children.contains(sandbox.token))

        let output = sandbox.home.appendingPathComponent("serve.out").path
        let serve = try ProcessRunner.spawn(
            [
                TestPaths.binary, "serve", "--rest-port", "0", "--mcp-port", "0", "--base-url",
                sandbox.baseURL,
            ],
            environment: sandbox.environment, outputPath: output)
        defer {
            kill(serve, SIGTERM)
            var status: Int32 = 0
            waitpid(serve, &status, 0)
        }
        let port = try Self.waitForRESTPort(in: output)
        let arguments = try ProcessRunner.run(["ps", "-o", "args=", "-p", "\(serve)"], timeout: 10)
            .output
        #expect(arguments.contains("serve"), "\(arguments)")
        #expect(!arguments.contains(sandbox.token))
        #expect(try Self.listeningAddresses(port: port) == ["0100007F"])
    }

    // MARK: - Helpers

    /// Whether `capture-pane -e` output sets a foreground or background colour (SGR 30–37,
    /// 40–47, 90–97, 100–107 or 38/48 with a palette or RGB value).
    static func hasColour(_ styled: String) -> Bool {
        var index = styled.startIndex
        while let start = styled[index...].range(of: "\u{1B}[") {
            let end = styled[start.upperBound...].firstIndex { $0.isLetter } ?? styled.endIndex
            let codes = styled[start.upperBound..<end].split(separator: ";").compactMap { Int($0) }
            if codes.contains(where: {
                (30...37).contains($0) || (40...47).contains($0) || (90...107).contains($0)
                    || $0 == 38 || $0 == 48
            }) {
                return true
            }
            index = end
        }
        return false
    }

    static func waitForRESTPort(in outputPath: String) throws -> Int {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            let marker = "REST adapter on http://127.0.0.1:"
            if let range = text.range(of: marker),
                let port = Int(text[range.upperBound...].prefix(while: \.isNumber))
            {
                return port
            }
            usleep(20_000)
        }
        throw RunnerError("trackcodes serve did not print its REST port")
    }

    /// The local addresses (as the kernel prints them) of sockets listening on `port`.
    static func listeningAddresses(port: Int) throws -> [String] {
        var found: [String] = []
        for file in ["/proc/net/tcp", "/proc/net/tcp6"] {
            let table = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            for line in table.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 3, fields[3] == "0A" else { continue }
                let local = fields[1].split(separator: ":")
                if local.count == 2, Int(local[1], radix: 16) == port {
                    found.append(String(local[0]))
                }
            }
        }
        return found
    }

    static func hostileDataset() -> SandboxDataset {
        let site = "acme.webex.com"
        let schedule = TrackingCodeRules.normalizedScheduleStartCodes([
            .init(service: .all, type: .optional)
        ])
        let names = [
            "Plain", "Evil\u{1B}[31mRed\u{1B}[0m", "Title\u{1B}]0;pwned\u{07}", "Bell\u{07}Ring",
            "\u{202E}exe.txt",
        ]
        let codes = names.enumerated().map { index, name in
            TrackingCode(
                id: String(index + 1), name: name, siteUrl: site,
                options: [TrackingCodeOption(value: "Alpha", defaultValue: true)],
                inputMode: .select, hostProfileCode: .optional, scheduleStartCodes: schedule)
        }
        return SandboxDataset(
            admin: Person(id: "admin", emails: ["admin@example.com"], displayName: "Admin"),
            sites: [SandboxSite(siteUrl: site, isDefault: true)], codes: codes)
    }
}
