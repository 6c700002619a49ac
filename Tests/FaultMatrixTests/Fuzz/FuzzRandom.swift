import Foundation

/// The fuzzers' random source: SplitMix64, so a case is replayed exactly from its seed.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// True with probability `chance`.
    mutating func chance(_ chance: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < chance
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        // Callers pass literal, non-empty arrays.
        elements.randomElement(using: &self)!
    }

    mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// `data` with a few random edits: bytes flipped, inserted, deleted or repeated, or the
    /// end cut off. What a broken proxy or a bit of line noise does to a message.
    mutating func mutate(_ data: [UInt8], edits: Int? = nil) -> [UInt8] {
        var result = data
        for _ in 0..<(edits ?? int(1...4)) {
            let position = result.isEmpty ? 0 : int(0...result.count - 1)
            switch int(0...5) {
            case 0 where !result.isEmpty:
                result[position] = UInt8.random(in: 0...255, using: &self)
            case 1:
                result.insert(contentsOf: bytes(count: int(1...4)), at: min(position, result.count))
            case 2 where !result.isEmpty:
                result.removeSubrange(position..<min(result.count, position + int(1...8)))
            case 3 where !result.isEmpty:
                let end = min(result.count, position + int(1...32))
                result.insert(contentsOf: result[position..<end], at: end)
            case 4:
                result = Array(result.prefix(position))
            default:
                let interesting: [UInt8] = [
                    0x00, 0x0A, 0x0D, 0x20, 0x22, 0x25, 0x2C, 0x3A, 0x5B, 0x5D, 0x5C,
                    0x7B, 0x7D, 0x7F, 0x80, 0xC0, 0xE2, 0xFF,
                ]
                result.insert(pick(interesting), at: min(position, result.count))
            }
        }
        return result
    }
}

/// How long a fuzz test runs: a fixed number of cases by default (fast, for CI), or for
/// `FUZZ_SECONDS` seconds when that variable is set (the long runs). `FUZZ_SEED` picks the
/// first seed; each case's seed is derived from it and its index, so any case can be replayed.
/// In long runs, `FUZZ_STATE_FILE` receives the seed of the case in flight, so the case that
/// crashed the process can be found.
struct FuzzBudget {
    let seconds: Double?
    let cases: Int
    let seed: UInt64
    private let stateFile: String?

    init(cases: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        seconds = environment["FUZZ_SECONDS"].flatMap(Double.init)
        self.cases = cases
        seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x7472_6163_6B63_6F64
        stateFile = environment["FUZZ_STATE_FILE"]
    }

    /// The seed of case `index`.
    func seed(ofCase index: Int) -> UInt64 {
        var mixer = FuzzRandom(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        return mixer.next()
    }

    /// Runs `body` for each case until the budget is spent; returns how many cases ran.
    @discardableResult
    func run(
        _ name: String, _ body: (_ random: inout FuzzRandom, _ index: Int) throws -> Void
    ) rethrows -> Int {
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        let state = openStateFile()
        defer { if state >= 0 { close(state) } }
        var index = 0
        while deadline.map({ Date() < $0 }) ?? (index < cases) {
            record(index, in: state)
            var random = FuzzRandom(seed: seed(ofCase: index))
            try body(&random, index)
            index += 1
        }
        report(name, index)
        return index
    }

    /// `run` for cases that must await; they run on the caller's actor.
    @discardableResult
    func run(
        _ name: String, isolation: isolated (any Actor)? = #isolation,
        _ body: (_ random: inout FuzzRandom, _ index: Int) async throws -> Void
    ) async rethrows -> Int {
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        let state = openStateFile()
        defer { if state >= 0 { close(state) } }
        var index = 0
        while deadline.map({ Date() < $0 }) ?? (index < cases) {
            record(index, in: state)
            var random = FuzzRandom(seed: seed(ofCase: index))
            try await body(&random, index)
            index += 1
        }
        report(name, index)
        return index
    }

    private func openStateFile() -> Int32 {
        stateFile.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o600) } ?? -1
    }

    private func record(_ index: Int, in stateFile: Int32) {
        guard stateFile >= 0 else { return }
        let line =
            Array("case \(index) seed \(seed(ofCase: index))\n".utf8)
            + Array(repeating: 0x20, count: 8)
        _ = line.withUnsafeBytes { pwrite(stateFile, $0.baseAddress, $0.count, 0) }
    }

    private func report(_ name: String, _ count: Int) {
        guard seconds != nil else { return }
        print("FUZZ \(name): \(count) cases from seed \(seed), no crash")
    }
}
