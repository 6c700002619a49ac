import Foundation
import Testing
import TrackingCodesCore

/// The import files' readers against generated files: tables written by trackcodes come back
/// cell for cell, and any text or bytes at all are read or refused with an `ImportFileError`.
@Suite("Fuzz: CSV and import files", .serialized)
struct CSVFuzzTests {
    private static let pieces = [
        "a", "Z", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "=SUM(A1)", "+1", "-2",
        "@x", "'",
        "é", "e\u{301}", "\"\u{301}", "部署", "😀", "\u{202E}", "\u{0}", "\u{FEFF}", "select",
        "All=required",
    ]

    static func cell(_ random: inout FuzzRandom) -> String {
        (0..<random.int(0...6)).map { _ in random.pick(pieces) }.joined()
    }

    @Test func writtenTablesReadBackCellForCell() throws {
        try FuzzBudget(cases: 3000).run("CSV round trip") { random, index in
            let columns = random.int(1...5)
            var header = (0..<columns).map { _ in Self.cell(&random) }
            if header == [""] { header = ["name"] }
            // A row of empty cells only is written as a blank line or delimiters only
            // (",,"), which readers skip.
            let rows = (0..<random.int(0...6)).map { _ in
                (0..<random.int(1...columns + 1)).map { _ in Self.cell(&random) }
            }.filter { !$0.allSatisfy(\.isEmpty) }
            let delimiter: Unicode.Scalar = random.pick([",", "\t", ";"])
            let text = DelimitedTable(header: header, rows: rows)
                .rendered(delimiter: delimiter, lineEnding: random.pick(["\n", "\r\n"]))

            let table = try DelimitedTable.parse(text, delimiter: delimiter)
            #expect(table.header == header, "case \(index): \(text.debugDescription)")
            #expect(table.records.map(\.cells) == rows, "case \(index): \(text.debugDescription)")
            #expect(
                table.records.map(\.line) == table.records.map(\.line).sorted(), "case \(index)")
        }
    }

    @Test func anyTextIsReadOrRefusedWithAReason() {
        FuzzBudget(cases: 3000).run("CSV text") { random, index in
            let rendered = DelimitedTable(
                header: ["id", "name", "options"],
                rows: (0..<random.int(0...4)).map { _ in (0..<3).map { _ in Self.cell(&random) } }
            ).rendered()
            let bytes =
                random.chance(0.7)
                ? random.mutate(Array(rendered.utf8)) : random.bytes(count: random.int(0...80))
            let text = String(decoding: bytes, as: UTF8.self)
            do throws(ImportFileError) {
                let table = try DelimitedTable.parse(text)
                #expect(table.records.allSatisfy { $0.line >= 2 }, "case \(index)")
            } catch {
                #expect(!(error.errorDescription ?? "").isEmpty, "case \(index)")
            }
        }
    }

    @Test func anyFileIsDecodedOrRefusedWithAReason() {
        FuzzBudget(cases: 3000).run("import file bytes") { random, index in
            let boms: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
            let body =
                random.chance(0.5)
                ? random.mutate(Array("id,name,inputMode,options\n1,Dept,select,A|B\n".utf8))
                : random.bytes(count: random.int(0...64))
            let data = Data(random.pick(boms) + body)
            do throws(ImportFileError) {
                _ = try TextFileDecoding.decode(data)
            } catch {
                #expect(!(error.errorDescription ?? "").isEmpty, "case \(index)")
            }
            do throws(ImportFileError) {
                _ = try CodesFile.rows(from: data)
            } catch {
                #expect(!(error.errorDescription ?? "").isEmpty, "case \(index)")
            }
        }
    }
}
