import Foundation
import TrackingCodesCore

/// The history of changes made in this session, newest first: when, which site, what, and
/// whether it was undone. z and Z undo and redo from here too.
struct HistoryView {
    private var table = TableView(
        columns: [
            TableColumn("When", width: .fixed(8)),
            TableColumn("Site", width: .fixed(12)),
            TableColumn("Change", width: .flexible(minimum: 20, weight: 3)),
            TableColumn("State", width: .fixed(6)),
        ],
        emptyMessage: "No changes yet in this session. Changes you make show here; z undoes them.")

    mutating func handle(_ key: Key) -> Bool {
        table.handle(key)
    }

    mutating func draw(
        into canvas: inout Canvas, in rect: Rect, theme: Theme, rows: [ChangeHistory.Row],
        clock: ClockFormat
    ) {
        // Site URLs are short and alike: as wide as the longest, so the change gets the rest.
        let siteWidth = rows.map { TerminalText($0.siteUrl).width }.max() ?? 0
        table.columns[1].width = .fixed(min(max(siteWidth, 4), 30))
        table.setRowCount(rows.count)
        table.draw(into: &canvas, in: rect, theme: theme) { row, column in
            let entry = rows[row]
            switch column {
            case 0: return clock.time(entry.at)
            case 1: return entry.siteUrl
            case 2: return entry.summary
            default: return entry.isUndone ? "undone" : "done"
            }
        }
    }
}

/// The log of API calls, oldest first and following new ones: method, path, status, time
/// taken and trackingId. The token never reaches the log.
struct CallLogView {
    private var table = TableView(
        columns: [
            TableColumn("At", width: .fixed(8)),
            TableColumn("Method", width: .fixed(6)),
            TableColumn("Path", width: .flexible(minimum: 16, weight: 3)),
            TableColumn("Status", width: .fixed(6), alignment: .trailing),
            TableColumn("ms", width: .fixed(6), alignment: .trailing),
            TableColumn("TrackingID", width: .flexible(minimum: 8, weight: 1)),
        ],
        emptyMessage: "No API calls yet.")
    private var follows = true

    mutating func handle(_ key: Key) -> Bool {
        guard table.handle(key) else { return false }
        follows = table.selectedRow.map { $0 == table.scroll.count - 1 } ?? true
        return true
    }

    mutating func draw(
        into canvas: inout Canvas, in rect: Rect, theme: Theme, records: [APICallRecordRow],
        clock: ClockFormat
    ) {
        // A trackingId is what support asks for: whole when the path keeps 40 columns, else
        // the path comes first.
        let idWidth = records.map { TerminalText($0.trackingId).width }.max() ?? 0
        let others = table.columns.prefix(5).reduce(0) { total, column in
            if case .fixed(let width) = column.width { return total + width + 1 }
            return total + 1
        }
        table.columns[5].width = rect.width - others - idWidth >= 40
            ? .fixed(max(idWidth, 10)) : .flexible(minimum: 8, weight: 1)
        table.setRowCount(records.count)
        if follows { table.select(row: records.count - 1) }
        table.draw(into: &canvas, in: rect, theme: theme) { row, column in
            let record = records[row]
            switch column {
            case 0: return clock.time(record.startedAt)
            case 1: return record.method
            case 2: return record.path
            case 3: return record.status
            case 4: return record.milliseconds
            default: return record.trackingId
            }
        }
    }
}

/// One API call as the log shows it.
struct APICallRecordRow {
    var startedAt: Date
    var method: String
    var path: String
    var status: String
    var milliseconds: String
    var trackingId: String
}

/// Formats times as the history and log show them, in a time zone tests can pin.
struct ClockFormat {
    var timeZone: TimeZone

    func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
