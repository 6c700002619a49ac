import Foundation
import WebexAPI

/// One tracking code as a row of an import file says it should be.
///
/// Fields the file leaves out (no column, or an empty cell) are nil: an existing code keeps what
/// it has, a new code gets `TrackingCodeDraft`'s defaults. The one exception is `options`: when
/// the column is there, an empty cell means "no options" (a text code has none).
public struct CodesFileRow: Hashable, Sendable {
    /// The line of the file (CSV) or the 1-based item number (JSON).
    public var line: Int
    public var id: String?
    /// The site the row was exported from, if the file says.
    public var siteUrl: String?
    public var name: String
    public var inputMode: InputMode?
    public var hostProfileCode: HostProfileCode?
    public var options: [TrackingCodeOption]?
    /// Only the services whose cell is filled in.
    public var schedule: [MeetingService: ScheduleStartType]
    /// What is wrong with the row as read, before any comparison (cells past the header).
    public var readingProblem: String?

    public init(
        line: Int, id: String? = nil, siteUrl: String? = nil, name: String,
        inputMode: InputMode? = nil,
        hostProfileCode: HostProfileCode? = nil, options: [TrackingCodeOption]? = nil,
        schedule: [MeetingService: ScheduleStartType] = [:]
    ) {
        self.line = line
        self.id = id
        self.siteUrl = siteUrl
        self.name = name
        self.inputMode = inputMode
        self.hostProfileCode = hostProfileCode
        self.options = options
        self.schedule = schedule
    }
}

/// The file format of `codes export` and `codes import`.
///
/// CSV, one code per row, with the columns `id, name, siteUrl, inputMode, hostProfileCode,
/// options, All, MeetingCenter, EventCenter, TrainingCenter, SupportCenter`. Options are one cell
/// in `OptionListFormat` (`*Default|Other|Third`); each service's schedule type has a column of
/// its own. Enum cells use Webex's spelling (any case is read). On import only `name` is
/// required and columns may come in any order; a missing column or an empty cell leaves that
/// field as it is, except that an empty `options` cell means no options.
///
/// JSON is Webex's own list object, `{"items": [...]}`; a bare array is read too.
public enum CodesFile {
    public enum Column: String, CaseIterable, Sendable {
        case id, name, siteUrl, inputMode, hostProfileCode, options

        var aliases: [String] {
            switch self {
            case .id: ["id", "tracking code id"]
            case .name: ["name", "tracking code", "tracking code name"]
            case .siteUrl: ["siteUrl", "site", "site url"]
            case .inputMode: ["inputMode", "input mode"]
            case .hostProfileCode: ["hostProfileCode", "host profile", "host profile code"]
            case .options: ["options"]
            }
        }
    }

    /// The header `table(for:)` writes.
    public static var header: [String] {
        Column.allCases.map(\.rawValue) + MeetingService.documentedCases.map(\.rawValue)
    }

    // MARK: - Export

    /// `codes` as a table, in the order given.
    public static func table(for codes: [TrackingCode]) -> DelimitedTable {
        let rows = codes.map { code -> [String] in
            let schedule = TrackingCodeRules.normalizedScheduleStartCodes(code.scheduleStartCodes)
            return [
                code.id, code.name, code.siteUrl, code.inputMode.rawValue,
                code.hostProfileCode.rawValue,
                OptionListFormat.encode(code.options),
            ]
                + MeetingService.documentedCases.map { service in
                    schedule.first { $0.service == service }?.type.rawValue ?? ""
                }
        }
        return DelimitedTable(header: header, rows: rows)
    }

    /// `codes` as Webex's list object, pretty-printed with sorted keys.
    public static func json(for codes: [TrackingCode]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, booleans and arrays cannot fail.
        return (try? encoder.encode(TrackingCodeList(items: codes))) ?? Data("{\"items\":[]}".utf8)
    }

    // MARK: - Import

    /// The rows of a file's bytes: JSON when the text starts with `{` or `[`, otherwise CSV or
    /// tab-separated text in any encoding `TextFileDecoding` reads.
    public static func rows(from data: Data) throws(ImportFileError) -> [CodesFileRow] {
        let text = try TextFileDecoding.decode(data).text
        let start = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) }
        if start == "{" || start == "[" {
            return try rows(fromJSON: Data(text.utf8))
        }
        return try rows(from: try DelimitedTable.parse(text))
    }

    /// The rows of a CSV table.
    public static func rows(from table: DelimitedTable) throws(ImportFileError) -> [CodesFileRow] {
        var columns: [Column: Int] = [:]
        for column in Column.allCases {
            columns[column] = table.column(named: column.aliases)
        }
        guard let nameColumn = columns[.name] else {
            throw .missingColumn("name", expected: Column.name.aliases)
        }
        var services: [MeetingService: Int] = [:]
        for service in MeetingService.documentedCases {
            services[service] = table.column(named: [service.rawValue])
        }
        try checkNoDuplicates(table.header)

        return table.records.map { record in
            func cell(_ column: Column) -> String? {
                columns[column].map { record[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var row = CodesFileRow(line: record.line, name: record[nameColumn])
            row.readingProblem = record.overflowProblem(columns: table.header.count)
            row.id = cell(.id)?.trimmingCharacters(in: .whitespaces)
            row.siteUrl = cell(.siteUrl)?.trimmingCharacters(in: .whitespaces)
            row.inputMode = cell(.inputMode).map(enumValue)
            row.hostProfileCode = cell(.hostProfileCode).map(enumValue)
            if let column = columns[.options] {
                row.options = OptionListFormat.decode(record[column])
            }
            for (service, column) in services where !record[column].isEmpty {
                row.schedule[service] = enumValue(record[column])
            }
            return row
        }
    }

    /// The rows of a JSON list of tracking codes.
    public static func rows(fromJSON data: Data) throws(ImportFileError) -> [CodesFileRow] {
        let items: [JSONCode]
        do {
            if let list = try? JSONDecoder().decode(JSONList.self, from: data) {
                items = list.items
            } else {
                items = try JSONDecoder().decode([JSONCode].self, from: data)
            }
        } catch {
            throw .malformedJSON(detail: JSONProblem.describe(error))
        }
        return items.enumerated().map { index, item in
            var row = CodesFileRow(
                line: index + 1, id: item.id, siteUrl: item.siteUrl, name: item.name,
                inputMode: item.inputMode, hostProfileCode: item.hostProfileCode,
                options: item.options)
            for entry in item.scheduleStartCodes ?? [] { row.schedule[entry.service] = entry.type }
            return row
        }
    }

    private static func checkNoDuplicates(_ header: [String]) throws(ImportFileError) {
        var seen: Set<String> = []
        for name in header where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            if !seen.insert(DelimitedTable.headerKey(name)).inserted {
                throw .duplicateColumn(name)
            }
        }
    }

    /// The documented value spelled like `text` in any case, or the text as an unknown value
    /// (which the rules then refuse for a create or an update).
    static func enumValue<E: TolerantEnum>(_ text: String) -> E {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return E.documentedCases.first {
            $0.rawValue.caseInsensitiveCompare(trimmed) == .orderedSame
        }
            ?? E(rawValue: trimmed)
    }

    private struct JSONList: Decodable {
        var items: [JSONCode]
    }

    /// A code in a JSON file: Webex's shape, with everything but the name optional.
    private struct JSONCode: Decodable {
        var id: String?
        var name: String
        var siteUrl: String?
        var options: [TrackingCodeOption]?
        var inputMode: InputMode?
        var hostProfileCode: HostProfileCode?
        var scheduleStartCodes: [ScheduleStartCode]?

        enum CodingKeys: String, CodingKey {
            case id, name, siteUrl, options, inputMode, hostProfileCode, scheduleStartCodes
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try? c.decode(String.self, forKey: .id) {
                id = text
            } else if let number = try? c.decode(Int64.self, forKey: .id) {
                id = String(number)
            }
            name = try c.decode(String.self, forKey: .name)
            siteUrl = try c.decodeIfPresent(String.self, forKey: .siteUrl)
            options = try c.decodeIfPresent([TrackingCodeOption].self, forKey: .options)
            inputMode = try c.decodeIfPresent(InputMode.self, forKey: .inputMode)
            hostProfileCode = try c.decodeIfPresent(HostProfileCode.self, forKey: .hostProfileCode)
            scheduleStartCodes = try c.decodeIfPresent(
                [ScheduleStartCode].self, forKey: .scheduleStartCodes)
        }
    }
}
