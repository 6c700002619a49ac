import Foundation
import Testing
import TrackingCodesCore

@testable import TerminalUI

/// The terminal UI's input, from the bottom up: `KeyDecoder` on every `wget_wch` result, the
/// real curses input path fed garbage through a pipe, and random key sequences (with resizes)
/// into the whole root screen. Nothing crashes or stalls, no control character is taken as
/// typed text, and every frame fits the terminal and shows nothing that could act on it.
@Suite("Fuzz: key input", .serialized)
struct KeyInputFuzzTests {
    // Values from ncurses' curses.h: OK, and KEY_CODE_YES for a function key.
    static let statusCharacter: Int32 = 0
    static let statusKeyCode: Int32 = 0o400

    @Test func theDecoderMakesAKeyOrNothingOfEveryValue() {
        FuzzBudget(cases: 20_000).run("key decoder") { random, index in
            let status =
                random.chance(0.9)
                ? random.pick([Self.statusCharacter, Self.statusKeyCode])
                : Int32.random(in: -3...1000, using: &random)
            let value: UInt32 =
                random.chance(0.5)
                ? UInt32.random(in: 0...0x1FFFF, using: &random)
                : random.pick([
                    0, 9, 13, 27, 127, 0x80, 0x9B, 0xA0, 0x202E, 0x2028, 0xD800, 0xFEFF, 0x10FFFF,
                    0x110000,
                    0o401, 0o410, 0o477, 0o631, 0o632, 0o777, UInt32.max,
                ])
            guard let key = KeyDecoder.decode(status: status, value: value) else { return }
            #expect(
                status == Self.statusCharacter || status == Self.statusKeyCode,
                "case \(index): a key from status \(status)")
            Self.expectSafe(key, "case \(index): \(status), \(value)")
        }
    }

    @Test(.timeLimit(.minutes(20)))
    func cursesTurnsAnyByteStreamIntoSafeKeys() async throws {
        let curses = try PipedCurses(named: "fuzz-curses")
        defer { curses.shutdown() }
        let input = curses.input
        let keys = curses.keys

        await FuzzBudget(cases: 300).run("curses input") { random, index in
            let stream = KeyBytes.stream(&random)
            // Ctrl-A marks the end of the case; the stream never holds it. Three Ctrl-] first,
            // which the stream never holds either: a UTF-8 lead byte at the end of the stream
            // may take up to three bytes with it, and they must not include the Ctrl-A.
            let expected = keys.sentinelCount + 1
            input.fileHandleForWriting.write(Data(stream + [0x1D, 0x1D, 0x1D, 0x01]))
            // After invalid UTF-8, ncurses drops the rest of what it read with it, sentinel
            // included (see `anInvalidByteCostsOnlyTheKeysReadWithIt`). Then a sentinel sent on
            // its own must still arrive: the input path has recovered.
            let lossy = String(validating: stream, as: UTF8.self) == nil
            var arrived = await keys.waitForSentinels(
                atLeast: expected, timeout: .milliseconds(lossy ? 200 : 5000))
            for _ in 0..<(lossy ? 5 : 0) where !arrived {
                input.fileHandleForWriting.write(Data([0x01]))
                arrived = await keys.waitForSentinels(atLeast: expected, timeout: .seconds(1))
            }
            #expect(arrived, "case \(index): curses stopped delivering keys after \(stream)")
            for key in keys.takeKeys() { Self.expectSafe(key, "case \(index): \(stream)") }
        }
    }

    /// ncurses drops every byte it read together with an invalid UTF-8 sequence, so keys typed
    /// or pasted in the same burst are lost; the keys after that arrive again. Recorded here,
    /// as a limit of ncurses' `wget_wch`, and so that a change in it shows.
    @Test(.timeLimit(.minutes(1)))
    func anInvalidByteCostsOnlyTheKeysReadWithIt() async throws {
        let curses = try PipedCurses(named: "invalid-utf8")
        defer { curses.shutdown() }
        let input = curses.input
        let keys = curses.keys

        input.fileHandleForWriting.write(Data([0x61, 0xFF, 0x62, 0x01]))
        #expect(await !keys.waitForSentinels(atLeast: 1, timeout: .milliseconds(300)))
        var recovered = false
        for _ in 0..<5 where !recovered {
            input.fileHandleForWriting.write(Data([0x63, 0x01]))
            recovered = await keys.waitForSentinels(atLeast: 1, timeout: .seconds(1))
        }
        #expect(recovered)
        #expect(keys.takeKeys() == [.char("a"), .char("c")])
    }

    @MainActor
    @Test(.timeLimit(.minutes(20)))
    func randomKeysNeverBreakTheScreen() async throws {
        let directory = FaultDirectory()
        var app = await Self.startApp(directory)
        // Each key costs the whole screen a few milliseconds in a debug build.
        await FuzzBudget(cases: 800).run("root screen keys") { random, index in
            if random.chance(0.03) {
                let size = random.pick([
                    TerminalSize(columns: 1, rows: 1), TerminalSize(columns: 20, rows: 5),
                    TerminalSize(columns: 40, rows: 10), TerminalSize(columns: 60, rows: 16),
                    TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
                    TerminalSize(columns: random.int(1...200), rows: random.int(1...60)),
                ])
                app.driver.resize(to: size)
                app.shell.send(.resize(size))
            } else {
                await app.press(KeyBytes.key(&random))
            }
            if app.shell.hasQuit {
                app = await Self.startApp(directory)
                return
            }
            app.shell.render()
            Self.expectSound(app.driver.screen, "case \(index)")
        }
    }

    // MARK: - Checks

    /// A key that is what it says: typed text is never a control character.
    static func expectSafe(
        _ key: Key, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch key {
        case .char(let character):
            let active = character.unicodeScalars.contains {
                $0.properties.generalCategory == .control || $0.value == 0x2028
                    || $0.value == 0x2029
            }
            #expect(
                !active,
                "\(context): control \(character.unicodeScalars.map(\.value)) typed as text",
                sourceLocation: sourceLocation)
        case .ctrl(let character):
            #expect(
                "abcdefghijklmnopqrstuvwxyz@[\\]^_".contains(character), "\(context): \(key)",
                sourceLocation: sourceLocation)
        case .function(let number):
            #expect((1...63).contains(number), "\(context): \(key)", sourceLocation: sourceLocation)
        default:
            break
        }
    }

    /// A frame of the driver's size, every row exactly as wide, no cell able to act on the terminal.
    static func expectSound(
        _ canvas: Canvas, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for y in 0..<canvas.size.rows {
            var width = 0
            for x in 0..<canvas.size.columns {
                let cell = canvas[x, y]
                width += cell.width
                if cell.text.unicodeScalars.contains(where: HostileData.isActive) {
                    Issue.record(
                        "\(context): an active character at \(x),\(y)",
                        sourceLocation: sourceLocation)
                }
            }
            if width != canvas.size.columns {
                Issue.record(
                    "\(context): row \(y) is \(width) columns wide", sourceLocation: sourceLocation)
            }
        }
    }

    @MainActor
    static func startApp(_ directory: FaultDirectory) async -> RootScreenHarness {
        let (session, _) = HostileData.session(paths: directory.paths)
        let app = RootScreenHarness(session: session, size: TerminalSize(columns: 80, rows: 24))
        await app.start()
        return app
    }
}

/// Generators of what a terminal sends: keys, escape sequences whole and cut, UTF-8 whole and
/// broken, controls, mouse reports, bracketed paste.
enum KeyBytes {
    private static let sequences = [
        "\u{1B}[A", "\u{1B}[B", "\u{1B}OC", "\u{1B}OD", "\u{1B}[5~", "\u{1B}[6~", "\u{1B}[H",
        "\u{1B}[F",
        "\u{1B}[Z", "\u{1B}OP", "\u{1B}[15~", "\u{1B}[24~", "\u{1B}[1;5C", "\u{1B}[3~", "\u{1B}[2~",
        "\u{1B}[200~pasted\u{1B}[201~", "\u{1B}[M !!", "\u{1B}[<0;10;5M", "\u{1B}]0;title\u{07}",
        "\u{1B}P+q\u{1B}\\",
        "\u{1B}[?1;2c", "\u{1B}[12;40R", "\u{1B}\u{1B}", "\u{1B}[", "\u{1B}O", "\u{1B}[1;",
    ]
    private static let text = [
        "a", "q", "j", "k", "/", "?", " ", "é", "日本", "😀", "e\u{301}", "\u{202E}", "\u{FEFF}",
    ]

    /// Bytes a terminal (or line noise) might send; never 0x01 or 0x1D, which mark a case's end.
    static func stream(_ random: inout FuzzRandom) -> [UInt8] {
        var bytes: [UInt8] = []
        // Invalid UTF-8 in about one case in six: each costs the fuzz loop a wait (see above).
        let allowsInvalid = random.chance(0.15)
        for _ in 0..<random.int(1...8) {
            switch random.int(0...(allowsInvalid ? 5 : 3)) {
            case 0: bytes += Array(random.pick(sequences).utf8)
            case 1:
                let sequence = Array(random.pick(sequences).utf8)
                bytes += sequence.prefix(random.int(1...sequence.count))
            case 2: bytes += Array(random.pick(text).utf8)
            case 3:
                bytes += [
                    random.pick([
                        0x00, 0x03, 0x04, 0x08, 0x09, 0x0A, 0x0D, 0x15, 0x17, 0x1B, 0x1F, 0x7F,
                    ])
                ]
            case 4:
                bytes += random.pick([
                    [0x80], [0xC3], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xC2, 0x9B], [0xFF],
                    [0xED, 0xA0, 0x80],
                ])
            default: bytes += random.bytes(count: random.int(1...4))
            }
        }
        return bytes.map { $0 == 0x01 || $0 == 0x1D ? 0x02 : $0 }
    }

    private static let named: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape,
        .backspace, .delete, .insert, .function(1), .function(2), .function(10),
    ]
    private static let commands = Array("jkgGnedu/?isoOrRzZHLqavc xy*JK123456")

    /// A key a user might press, weighted towards the root screen's and the forms' commands.
    static func key(_ random: inout FuzzRandom) -> Key {
        switch random.int(0...9) {
        case 0...3: return .char(random.pick(commands))
        case 4, 5: return random.pick(named)
        case 6: return .ctrl(random.pick(Array("abcdefghijklmnopqrstuvwxyz")))
        case 7: return .char(random.pick(["é", "日", "😀", "Ω", "-", "_", "."]))
        default:
            return KeyDecoder.decode(
                status: 0, value: UInt32.random(in: 0x20...0x2FFF, using: &random)) ?? .escape
        }
    }
}

/// Gathers a driver's keys on a task of its own and lets the fuzz loop wait for its sentinel.
/// A curses driver at 80×24 reading its keys from a pipe and writing its screen to a scratch
/// file, and the keys it delivers.
final class PipedCurses {
    let input = Pipe()
    let driver: CursesDriver
    let keys: KeyCollector
    private let output: FileHandle
    private let outputPath: String

    init(named name: String) throws {
        outputPath = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString).out"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        output = try #require(FileHandle(forWritingAtPath: outputPath))
        driver = try CursesDriver(
            options: CursesDriver.Options(
                terminalType: "xterm-256color",
                inputDescriptor: input.fileHandleForReading.fileDescriptor,
                outputDescriptor: output.fileDescriptor, environment: [:],
                installsSignalHandlers: false,
                fixedSize: TerminalSize(columns: 80, rows: 24)))
        keys = KeyCollector(driver.events)
    }

    func shutdown() {
        driver.shutdown()
        try? FileManager.default.removeItem(atPath: outputPath)
    }
}

final class KeyCollector: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var keys: [Key] = []
    private var sentinels = 0
    private var waiter: (count: Int, continuation: CheckedContinuation<Bool, Never>)?
    private var reader: Task<Void, Never>?

    init(_ events: AsyncStream<TerminalEvent>) {
        reader = Task { [self] in
            for await event in events {
                if case .key(let key) = event { receive(key) }
            }
        }
    }

    deinit {
        reader?.cancel()
    }

    private func receive(_ key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if key == .ctrl("]") { return }
        guard key != .ctrl("a") else {
            sentinels += 1
            if let waiter, sentinels >= waiter.count {
                self.waiter = nil
                waiter.continuation.resume(returning: true)
            }
            return
        }
        keys.append(key)
    }

    /// How many sentinels have arrived so far.
    var sentinelCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return sentinels
    }

    /// The keys received since the last call, sentinels left out.
    func takeKeys() -> [Key] {
        lock.lock()
        defer { lock.unlock() }
        defer { keys = [] }
        return keys
    }

    /// Waits until `count` sentinels have arrived in all; false after `timeout` without them.
    func waitForSentinels(atLeast count: Int, timeout: Duration) async -> Bool {
        let watchdog = Task { [self] in
            // Cancelled once the sentinels are in: then there is nobody to give up on.
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            giveUp()
        }
        defer { watchdog.cancel() }
        return await withCheckedContinuation { continuation in
            lock.lock()
            defer { lock.unlock() }
            if sentinels >= count {
                continuation.resume(returning: true)
            } else {
                waiter = (count, continuation)
            }
        }
    }

    private func giveUp() {
        lock.lock()
        defer { lock.unlock() }
        waiter?.continuation.resume(returning: false)
        waiter = nil
    }
}
