import Foundation
import Testing

@testable import TrackingCodesCore

/// Cells that break naive CSV code: delimiters, quotes, line breaks, emoji, right-to-left text,
/// combining marks, and values that start like spreadsheet formulas.
let trickyCells: [String] = [
    "plain",
    "comma, inside",
    "a \"quoted\" word",
    "\"",
    "line one\nline two",
    "windows\r\nline break",
    "lone\rcarriage return",
    "emoji 🎉👩🏽‍💻 and flags 🇯🇵",
    "עברית: מחלקת הנדסה",
    "العربية، قسم المبيعات",
    "\"\u{301}quote with a combining accent",
    "=SUM(A1:A9)",
    "+1 555 0100",
    "-5",
    "@handle",
    "'=already guarded",
    "'just an apostrophe'",
    "\tstarts with a tab",
    " padded ",
    "semi;colon",
    "tab\tinside",
    "",
    "back\\slash|pipe*star",
]

@Suite("Delimited text: CSV and TSV in, CSV out")
struct DelimitedTableTests {
    static func tableOfTrickyCells() -> DelimitedTable {
        DelimitedTable(
            header: ["name", "=header", "value"],
            rows: trickyCells.enumerated().map { ["row \($0.offset)", $0.element, "end"] })
    }

    @Test func everyTrickyCellSurvivesWritingAndReading() throws {
        let table = Self.tableOfTrickyCells()
        let text = table.rendered()
        let read = try DelimitedTable.parse(text)
        #expect(read.header == table.header)
        #expect(read.records.map(\.cells) == table.records.map(\.cells))
    }

    @Test func tabSeparatedOutputReadsBackToo() throws {
        let table = Self.tableOfTrickyCells()
        let read = try DelimitedTable.parse(table.rendered(delimiter: "\t"))
        #expect(read.records.map(\.cells) == table.records.map(\.cells))
    }

    @Test func formulasAreWrittenAsTextAndHandTypedFormulasStayText() throws {
        let text = DelimitedTable(header: ["v"], rows: [["=1+2"], ["-5"], ["'=x"], ["'quoted'"]])
            .rendered()
        #expect(text == "v\n'=1+2\n'-5\n''=x\n'quoted'\n")
        // Typed into a file by hand, without the apostrophe: kept exactly, as text.
        let typed = try DelimitedTable.parse("v\n=HYPERLINK(\"http://x\")\n@SUM(1)\n+49 30\n")
        #expect(
            typed.records.map(\.cells) == [["=HYPERLINK(\"http://x\")"], ["@SUM(1)"], ["+49 30"]])
    }

    @Test func quotedCellsKeepLineBreaksAndRecordsKnowTheirFirstLine() throws {
        let text = "a,b\r\n1,\"two\r\nlines\"\r\n\r\n3,\"x\"\"y\"\n4,last"
        let table = try DelimitedTable.parse(text)
        #expect(table.header == ["a", "b"])
        #expect(
            table.records.map(\.cells) == [["1", "two\r\nlines"], ["3", "x\"y"], ["4", "last"]])
        #expect(table.records.map(\.line) == [2, 5, 6])
    }

    @Test func trailingEmptyCellsAndShortRowsAreKept() throws {
        let table = try DelimitedTable.parse("a,b,c\n1,,\n2\n")
        #expect(table.records.map(\.cells) == [["1", "", ""], ["2"]])
        #expect(table.records[1][2] == "")
    }

    @Test func rowsOfDelimitersOnlyAreSkippedLikeBlankLines() throws {
        // As a spreadsheet saves a sheet with empty rows between and after the data.
        let table = try DelimitedTable.parse("a,b,c\n1,2,3\n,,\n\n\"\",,\n,,4\n,,,,\n")
        #expect(table.records.map(\.cells) == [["1", "2", "3"], ["", "", "4"]])
        #expect(table.records.map(\.line) == [2, 6])
        let tabs = try DelimitedTable.parse("a\tb\n\t\nx\t\n", delimiter: "\t")
        #expect(tabs.records.map(\.cells) == [["x", ""]])
        // A cell of spaces is a value, not an empty cell.
        #expect(try DelimitedTable.parse("a,b\n ,\n").records.map(\.cells) == [[" ", ""]])
        // A header of delimiters only is still the header, so the import can say which column
        // is missing instead of taking a row of data for the header.
        #expect(try DelimitedTable.parse(",,\nx,y,z\n").header == ["", "", ""])
    }

    @Test func anUnclosedQuoteNamesTheLineItStartsOn() {
        #expect(throws: ImportFileError.unterminatedQuote(line: 3)) {
            try DelimitedTable.parse("a,b\n1,2\n3,\"never closed\n4,5\n")
        }
        #expect(throws: ImportFileError.empty) { try DelimitedTable.parse("\n\n") }
    }

    @Test func theDelimiterIsTheOneTheHeaderUsesMost() {
        #expect(DelimitedTable.detectDelimiter("email,Department\n") == ",")
        #expect(DelimitedTable.detectDelimiter("email\tDepartment\tDivision\n") == "\t")
        #expect(DelimitedTable.detectDelimiter("email;Department\n") == ";")
        // A comma inside a quoted header cell does not count.
        #expect(DelimitedTable.detectDelimiter("\"Cost, Center\"\temail\n") == "\t")
        #expect(DelimitedTable.detectDelimiter("email\n") == ",")
    }

    @Test func headersMatchIgnoringCaseAndSurroundingSpaces() throws {
        let table = try DelimitedTable.parse(" E-Mail ,Department\n")
        #expect(table.column(named: ["e-mail"]) == 0)
        #expect(table.column(named: ["department"]) == 1)
        #expect(table.column(named: ["division"]) == nil)
    }
}

@Suite("Text file encodings: UTF-8 with or without BOM, UTF-16 as Control Hub writes it")
struct TextFileDecodingTests {
    static func utf16LE(_ text: String, bom: Bool) -> Data {
        var data = Data(bom ? [0xFF, 0xFE] : [])
        for unit in text.utf16 {
            data.append(UInt8(unit & 0xFF))
            data.append(UInt8(unit >> 8))
        }
        return data
    }

    static func utf16BE(_ text: String) -> Data {
        var data = Data([0xFE, 0xFF])
        for unit in text.utf16 {
            data.append(UInt8(unit >> 8))
            data.append(UInt8(unit & 0xFF))
        }
        return data
    }

    @Test func aUTF16LETabSeparatedFileReadsExactlyLikeTheUTF8CSV() throws {
        let table = DelimitedTableTests.tableOfTrickyCells()
        let csv = try DelimitedTable.parse(
            try TextFileDecoding.decode(Data(table.rendered().utf8)).text)
        for bom in [true, false] {
            let data = Self.utf16LE(table.rendered(delimiter: "\t", lineEnding: "\r\n"), bom: bom)
            let (text, encoding) = try TextFileDecoding.decode(data)
            #expect(encoding == .utf16LittleEndian)
            let tsv = try DelimitedTable.parse(text)
            #expect(tsv.header == csv.header)
            #expect(tsv.records.map(\.cells) == csv.records.map(\.cells))
        }
    }

    @Test func bomsAreRecognisedAndDropped() throws {
        let utf8 = try TextFileDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data("email,Dé\n".utf8))
        #expect(utf8.text == "email,Dé\n")
        #expect(utf8.encoding == .utf8WithBOM)
        let plain = try TextFileDecoding.decode(Data("email\n".utf8))
        #expect(plain.encoding == .utf8)
        let bigEndian = try TextFileDecoding.decode(Self.utf16BE("email\tカ\n"))
        #expect(bigEndian.text == "email\tカ\n")
        #expect(bigEndian.encoding == .utf16BigEndian)
    }

    @Test func bytesThatAreNotTextAreRefusedNotRepaired() {
        // "Dé" in Windows-1252: a lone 0xE9 is not UTF-8.
        #expect(throws: ImportFileError.self) {
            try TextFileDecoding.decode(Data([0x44, 0xE9, 0x0A]))
        }
        // An unpaired high surrogate in UTF-16LE.
        #expect(throws: ImportFileError.self) {
            try TextFileDecoding.decode(Data([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8]))
        }
        #expect(throws: ImportFileError.self) {
            try TextFileDecoding.decode(Data([0xFF, 0xFE, 0x41]))
        }
    }
}

@Suite("Spreadsheet safety: formula-like cells, both ways")
struct SpreadsheetSafetyTests {
    @Test func guardingThenUnguardingGivesBackEveryValue() {
        let values = trickyCells + ["'", "''", "'''=", "'-", "=", "-", "\r", "x=1"]
        for value in values {
            #expect(
                SpreadsheetSafety.unguarded(SpreadsheetSafety.guarded(value)) == value,
                "\(value.debugDescription)")
        }
    }

    @Test func onlyFormulaLikeCellsChange() {
        #expect(SpreadsheetSafety.guarded("=1") == "'=1")
        #expect(SpreadsheetSafety.guarded("@x") == "'@x")
        #expect(SpreadsheetSafety.guarded("'+x") == "''+x")
        #expect(SpreadsheetSafety.guarded("x=1") == "x=1")
        #expect(SpreadsheetSafety.guarded("'text'") == "'text'")
        #expect(SpreadsheetSafety.unguarded("'text'") == "'text'")
        #expect(SpreadsheetSafety.unguarded("=1") == "=1")
    }
}
