/// A progress bar on one line of a terminal, redrawn in place: `[#######.......]  120/400 users`.
///
/// Drawn only when the stream is a terminal, so a script's captured standard error holds no
/// carriage returns; it is redrawn only when its text changes.
final class ProgressLine {
    private let output: any TextOutput
    private let noun: String
    private var shown = ""
    static let barWidth = 30

    /// Nil when `output` is not a terminal.
    init?(_ output: any TextOutput, noun: String) {
        guard output.isTerminal else { return nil }
        self.output = output
        self.noun = noun
    }

    /// Draws `done` of `total`.
    func show(done: Int, total: Int) {
        let text = Self.text(done: done, total: total, noun: noun)
        guard text != shown else { return }
        shown = text
        // Carriage return, the bar, then erase whatever a longer earlier line left behind.
        output.write("\r" + text + "\u{1B}[K")
    }

    /// Clears the bar so the next line starts clean.
    func finish() {
        guard !shown.isEmpty else { return }
        output.write("\r\u{1B}[K")
        shown = ""
    }

    static func text(done: Int, total: Int, noun: String) -> String {
        let share = total == 0 ? 1 : Double(min(done, total)) / Double(total)
        let filled = Int((share * Double(barWidth)).rounded(.down))
        let bar =
            String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        return "[\(bar)] \(done)/\(total) \(noun)"
    }
}
