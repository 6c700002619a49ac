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
    /// A users file none of whose columns is named after a tracking code of `siteUrl`, so it
    /// sets nothing; `ignored` are its other columns, `codes` the names of the site's codes.
    case noCodeColumns(siteUrl: String, ignored: [String], codes: [String])
    /// A codes file with no rows, imported with prune: it would delete every code of `siteUrl`.
    case pruneWithoutCodes(siteUrl: String)

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
        case .noCodeColumns(let siteUrl, let ignored, let codes):
            return Self.noCodeColumnsText(siteUrl: siteUrl, ignored: ignored, codes: codes)
        case .pruneWithoutCodes(let siteUrl):
            return "The file lists no codes: pruning would delete every code of \(siteUrl), "
                + "so nothing was planned. To delete codes, name them to 'trackcodes codes "
                + "delete' (or mark them in the terminal UI)."
        }
    }

    /// Says which columns were passed over and which names would have been used.
    private static func noCodeColumnsText(
        siteUrl: String, ignored: [String], codes: [String]
    ) -> String {
        var text = "No column names a tracking code of \(siteUrl), so there is nothing to import"
        text += ignored.isEmpty ? "." : " (ignored: \(ignored.joined(separator: ", ")))."
        guard !codes.isEmpty else { return text + " The site has no tracking codes." }
        // A site can have hundreds of codes; a few names show what a header must look like.
        let shown = codes.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        let more = codes.count > 8 ? " and \(codes.count - 8) more" : ""
        return text + " Head each column with the name of a code of the site: \(shown)\(more)."
    }
}
