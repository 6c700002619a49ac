import Foundation

/// A table read from (or to be written as) CSV or tab-separated text: a header row and records.
///
/// Reading follows RFC 4180 and what spreadsheets write: cells may be quoted, a quote inside a
/// quoted cell is doubled, and quoted cells may hold delimiters and line breaks, which are kept
/// exactly (CR LF stays CR LF). Lines end with LF or CR LF. Blank lines are skipped, and so are
/// rows under the header whose cells are all empty (`,,,`, how spreadsheets save an empty row).
/// Parsing works on Unicode scalars, not `Character`s, so a quote followed by a combining mark,
/// or a CR LF pair, is never mistaken for one unit.
///
/// Every cell passes through `SpreadsheetSafety` both ways, so a value that starts like a
/// formula is exported harmless and comes back exactly.
public struct DelimitedTable: Hashable, Sendable {
    /// One row under the header, with the line of the file where it starts (1-based).
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var cells: [String]

        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }

        /// True when every cell is empty: a blank line, or a row of delimiters only.
        public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }

        /// Why the row cannot be trusted when it has filled-in cells past the header's last
        /// column: a cell holding the delimiter unquoted split in two, and the rest would be
        /// dropped without a word. Empty cells there (a trailing delimiter) are harmless.
        public func overflowProblem(columns: Int) -> String? {
            guard cells.dropFirst(columns).contains(where: { !$0.isEmpty }) else { return nil }
            return "the row has \(cells.count) cells but the header has \(columns) columns; "
                + "quote a cell that contains the delimiter"
        }

        /// The cell in `column`, or "" when the row is shorter.
        public subscript(column: Int) -> String {
            cells.indices.contains(column) ? cells[column] : ""
        }
    }

    public var header: [String]
    public var records: [Record]

    public init(header: [String], records: [Record]) {
        self.header = header
        self.records = records
    }

    /// Convenience for building a table to write: records are numbered as lines 2, 3, ...
    public init(header: [String], rows: [[String]]) {
        self.header = header
        records = rows.enumerated().map { Record(line: $0.offset + 2, cells: $0.element) }
    }

    /// The index of the first header cell equal to one of `names`, ignoring case and the spaces
    /// around it.
    public func column(named names: [String]) -> Int? {
        let wanted = Set(names.map(Self.headerKey))
        return header.firstIndex { wanted.contains(Self.headerKey($0)) }
    }

    /// How headers are compared: trimmed, case-folded.
    static func headerKey(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }

    // MARK: - Reading

    /// Reads `text`. The delimiter is the one of comma, tab and semicolon that occurs most in
    /// the header row (outside quotes) unless given.
    public static func parse(
        _ text: String, delimiter: Unicode.Scalar? = nil
    ) throws(ImportFileError) -> DelimitedTable {
        let delimiter = delimiter ?? detectDelimiter(text)
        var rows = try records(of: text, delimiter: delimiter)
        guard !rows.isEmpty else { throw .empty }
        let header = rows.removeFirst().cells
        // A header of delimiters only stays the header: the import then says which column is
        // missing, instead of taking the first row of data for the header.
        return DelimitedTable(header: header, records: rows.filter { !$0.isEmpty })
    }

    /// The delimiter the header row uses most; comma when it uses none.
    public static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, "\t": 0, ";": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                quoted.toggle()
            } else if !quoted, scalar == "\n" || scalar == "\r" {
                break
            } else if !quoted, counts[scalar] != nil {
                counts[scalar, default: 0] += 1
            }
        }
        // Ties go to the earlier of comma, tab, semicolon.
        var best: Unicode.Scalar = ","
        for candidate: Unicode.Scalar in ["\t", ";"]
        where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }

    private static func records(
        of text: String, delimiter: Unicode.Scalar
    ) throws(ImportFileError) -> [Record] {
        var result: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteLine = 1
        // True right after a closing quote, until the cell ends.
        var afterQuote = false
        var cellStarted = false

        func endCell() {
            cells.append(SpreadsheetSafety.unguarded(String(cell)))
            cell = String.UnicodeScalarView()
            afterQuote = false
            cellStarted = false
        }
        func endRecord() {
            endCell()
            let blank = cells.count == 1 && cells[0].isEmpty
            if !blank { result.append(Record(line: recordLine, cells: cells)) }
            cells = []
        }

        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        quoted = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case delimiter:
                endCell()
                cellStarted = true
            case "\n", "\r":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where cell.isEmpty && !afterQuote:
                quoted = true
                quoteLine = line
                cellStarted = true
            default:
                // Text after a closing quote is kept, as spreadsheets do, rather than refused.
                cell.append(scalar)
                cellStarted = true
            }
        }
        if quoted { throw .unterminatedQuote(line: quoteLine) }
        if cellStarted || !cell.isEmpty || !cells.isEmpty || afterQuote { endRecord() }
        return result
    }

    // MARK: - Writing

    /// The table as text: comma-separated (or `delimiter`), LF line ends (or `lineEnding`), cells
    /// quoted only when they must be, values that start like formulas guarded.
    public func rendered(delimiter: Unicode.Scalar = ",", lineEnding: String = "\n") -> String {
        var output = ""
        for row in [header] + records.map(\.cells) {
            output += Self.line(row, delimiter: delimiter, lineEnding: lineEnding)
        }
        return output
    }

    /// One row as `rendered` writes it, line end included: for writers that stream a table
    /// instead of building it whole.
    public static func line(
        _ cells: [String], delimiter: Unicode.Scalar = ",", lineEnding: String = "\n"
    ) -> String {
        cells.map { quoted(SpreadsheetSafety.guarded($0), delimiter: delimiter) }
            .joined(separator: String(Character(delimiter))) + lineEnding
    }

    private static func quoted(_ cell: String, delimiter: Unicode.Scalar) -> String {
        let needsQuotes =
            cell.unicodeScalars.contains {
                $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r"
            } || cell.hasPrefix(" ") || cell.hasSuffix(" ")
        guard needsQuotes else { return cell }
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in cell.unicodeScalars {
            result.append(scalar)
            if scalar == "\"" { result.append("\"") }
        }
        result.append("\"")
        return String(result)
    }
}
