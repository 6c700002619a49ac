import WebexAPI

/// A column of the code list.
public enum CodeColumn: Int, CaseIterable, Hashable, Sendable {
    case name, inputMode, optionCount, defaultOption, hostProfile, schedule

    /// The column heading.
    public var title: String {
        switch self {
        case .name: "Name"
        case .inputMode: "Input mode"
        case .optionCount: "Options"
        case .defaultOption: "Default"
        case .hostProfile: "Host profile"
        case .schedule: "Schedule/start"
        }
    }

    /// The heading in narrow windows, where cells are `CodeRow.compactText(for:)`.
    public var compactTitle: String {
        switch self {
        case .name: "Name"
        case .inputMode: "Mode"
        case .optionCount: "Opts"
        case .defaultOption: "Default"
        case .hostProfile: "Profile"
        case .schedule: ScheduleSummary.compactHeading
        }
    }
}

/// Which column the list is sorted by, and which way.
public struct CodeSort: Hashable, Sendable {
    public var column: CodeColumn
    public var ascending: Bool

    public init(column: CodeColumn, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}

/// One code as the list shows it: the texts of every column, worked out once per load.
public struct CodeRow: Identifiable, Hashable, Sendable {
    public let code: TrackingCode
    public let inputMode: String
    public let optionCount: Int
    /// The default option's value, or "" when there is none.
    public let defaultOption: String
    public let hostProfile: String
    /// See `ScheduleSummary`.
    public let schedule: String
    /// `ScheduleSummary.compactText`, for narrow windows.
    public let compactSchedule: String
    /// Lower-cased name and option values, separated so a match cannot span two of them.
    let searchKey: [UInt8]
    let nameKey: String

    public init(code: TrackingCode) {
        self.code = code
        inputMode = code.inputMode.label
        optionCount = code.options.count
        defaultOption = code.defaultOption?.value ?? ""
        hostProfile = code.hostProfileCode.label
        schedule = ScheduleSummary.text(for: code)
        compactSchedule = ScheduleSummary.compactText(for: code)
        nameKey = code.name.lowercased()

        var key = Array(nameKey.utf8)
        for option in code.options {
            key.append(SearchIndex.fieldSeparator)
            key.append(contentsOf: option.value.lowercased().utf8)
        }
        // The row separator must not occur inside a key.
        for index in key.indices where key[index] == SearchIndex.rowSeparator { key[index] = 0x20 }
        searchKey = key
    }

    public var id: String { code.id }
    public var name: String { code.name }

    /// The text of `column`, as a table cell shows it.
    public func text(for column: CodeColumn) -> String {
        switch column {
        case .name: code.name
        case .inputMode: inputMode
        case .optionCount: String(optionCount)
        case .defaultOption: defaultOption
        case .hostProfile: hostProfile
        case .schedule: schedule
        }
    }

    /// The text of `column` in narrow windows: short labels, the schedule as slots under
    /// `CodeColumn.compactTitle`.
    public func compactText(for column: CodeColumn) -> String {
        switch column {
        case .name, .optionCount, .defaultOption: text(for: column)
        case .inputMode: code.inputMode.shortLabel
        case .hostProfile: code.hostProfileCode.shortLabel
        case .schedule: compactSchedule
        }
    }

    public static func == (lhs: CodeRow, rhs: CodeRow) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// The rows the list shows: a filtered view over the sorted rows, without copying them.
public struct ShownCodeRows: RandomAccessCollection, Sendable {
    let sorted: [CodeRow]
    let positions: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> CodeRow { sorted[positions[index]] }
}
