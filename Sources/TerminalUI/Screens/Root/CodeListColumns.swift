import TrackingCodesCore

/// The code list's columns for the width it gets: every label in full when there is room,
/// short labels and the schedule as one slot per service in narrow windows (80 columns, or
/// beside the detail at 120), so no cell is cut in the middle of a word.
enum CodeListColumns {
    case full
    case compact

    /// The narrowest list (marks included) that shows every full label: the schedule
    /// column's longest summary ("MC opt · EC req · TC opt · SC –") is 31 columns.
    static let fullMinimumWidth = 104

    static func forWidth(_ width: Int) -> CodeListColumns {
        width >= fullMinimumWidth ? .full : .compact
    }

    var columns: [TableColumn] {
        switch self {
        case .full:
            return [
                TableColumn(CodeColumn.name.title, width: .flexible(minimum: 14, weight: 2)),
                TableColumn(CodeColumn.inputMode.title, width: .fixed(19)),
                TableColumn(CodeColumn.optionCount.title, width: .fixed(9), alignment: .trailing),
                TableColumn(CodeColumn.defaultOption.title, width: .flexible(minimum: 8, weight: 2)),
                TableColumn(CodeColumn.hostProfile.title, width: .fixed(14)),
                TableColumn(CodeColumn.schedule.title, width: .flexible(minimum: 31, weight: 1)),
            ]
        case .compact:
            // Fixed columns as wide as their longest short label or heading (with the sort
            // arrow); the name and default share the rest.
            return [
                TableColumn(CodeColumn.name.compactTitle, width: .flexible(minimum: 12, weight: 3)),
                TableColumn(CodeColumn.inputMode.compactTitle, width: .fixed(8)),
                TableColumn(
                    CodeColumn.optionCount.compactTitle, width: .fixed(6), alignment: .trailing),
                TableColumn(
                    CodeColumn.defaultOption.compactTitle, width: .flexible(minimum: 8, weight: 2)),
                TableColumn(CodeColumn.hostProfile.compactTitle, width: .fixed(7)),
                TableColumn(CodeColumn.schedule.compactTitle, width: .fixed(16)),
            ]
        }
    }

    func text(of row: CodeRow, column: Int) -> String {
        let column = CodeColumn(rawValue: column) ?? .name
        switch self {
        case .full: return row.text(for: column)
        case .compact: return row.compactText(for: column)
        }
    }
}
