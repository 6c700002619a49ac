import Foundation
@testable import TerminalUI

/// Tracking-code-like rows with the names real data can have: CJK, emoji, accents, escape
/// sequences, bells, NULs and bidi overrides.
enum Fixtures {
    struct Row {
        let name: String
        let type: String
        let value: String
    }

    static let rows: [Row] = [
        Row(name: "Project code", type: "Text", value: "PRJ-001"),
        Row(name: "部署コード", type: "Select", value: "開発"),
        Row(name: "😀 Emoji team", type: "Text", value: "👩‍💻 dev"),
        Row(name: "Centre de coût", type: "Editable", value: "Région 北京"),
        Row(name: "Escape\u{1B}[31mred\u{1B}[0m", type: "Text", value: "\u{1B}]0;pwned\u{07}"),
        Row(name: "Bidi \u{202E}txt.exe\u{202C}", type: "Hosted", value: "\u{2066}iso\u{2069}"),
        Row(name: "Null\u{0}byte and DEL\u{7F}", type: "Text", value: "C1 \u{9B}2J"),
        Row(
            name: "A very long tracking code name that cannot fit in the column at all",
            type: "Select", value: "一二三四五六七八九十一二三四五六七八九十"),
    ]

    static let columns = [
        TableColumn("Name", width: .flexible(minimum: 12, weight: 2)),
        TableColumn("Type", width: .fixed(8)),
        TableColumn("Value", width: .flexible(minimum: 8, weight: 1)),
    ]

    static func cell(_ row: Int, _ column: Int) -> String {
        let item = rows[row % rows.count]
        return [item.name, item.type, item.value][column]
    }

    /// Sizes a widget must survive, from absurd to roomy.
    static let sizes: [TerminalSize] = [
        TerminalSize(columns: 0, rows: 0), TerminalSize(columns: 1, rows: 1),
        TerminalSize(columns: 2, rows: 2), TerminalSize(columns: 5, rows: 3),
        TerminalSize(columns: 20, rows: 5), TerminalSize(columns: 40, rows: 10),
        TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
    ]
}

/// A wall clock that moves only when a test says so: for messages that fade with time.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}
