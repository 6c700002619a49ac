import Foundation

/// Why an import file (or an export's input list) cannot be used at all. Problems with single
/// rows are not errors of this kind: they land on the row, and the other rows go on.
public enum ImportFileError: Error, Hashable, Sendable, LocalizedError {
    /// The bytes are not text in an encoding trackcodes reads (UTF-8, UTF-16 with or without BOM).
    case notText(detail: String)
    /// A quoted cell opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// The file has no header row.
    case empty
    /// A column the import needs is missing; `expected` lists the accepted header names.
    case missingColumn(String, expected: [String])
    /// Two header cells name the same column.
    case duplicateColumn(String)
    /// A JSON file that is not a list of tracking codes.
    case malformedJSON(detail: String)

    public var errorDescription: String? {
        switch self {
        case .notText(let detail):
            return "The file is not readable text: \(detail). Save it as UTF-8 CSV, or as the "
                + "UTF-16 tab-separated text Control Hub exports."
        case .unterminatedQuote(let line):
            return "A quoted cell that starts on line \(line) is never closed; "
                + "check that every \" inside a cell is doubled (\"\")."
        case .empty:
            return "The file is empty: it needs a header row naming its columns."
        case .missingColumn(let column, let expected):
            let names = expected.map { "'\($0)'" }.joined(separator: " or ")
            return "The file has no \(column) column; name one header \(names)."
        case .duplicateColumn(let name):
            return "The header names the column '\(name)' twice; keep one."
        case .malformedJSON(let detail):
            return "The JSON file is not a list of tracking codes: \(detail)."
        }
    }
}
