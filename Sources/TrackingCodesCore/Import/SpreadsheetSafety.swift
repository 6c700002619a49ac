/// Keeps cells that start like a spreadsheet formula as plain text, in both directions.
///
/// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
/// Excel, LibreOffice and Google Sheets when a CSV file is opened ("CSV injection"). On export
/// such a cell gets one leading apostrophe, the spreadsheet convention for "this is text"; on
/// import one apostrophe is taken off again. So that every value survives exactly, the rule
/// also covers values that already start with apostrophes followed by such a character:
///
/// | value in Webex | cell in the file |
/// |---|---|
/// | `=SUM(A1)` | `'=SUM(A1)` |
/// | `'=SUM(A1)` | `''=SUM(A1)` |
/// | `-5` | `'-5` |
/// | `'quoted'` | `'quoted'` (unchanged: no formula character after the apostrophes) |
///
/// A file written by hand keeps its cells as typed: `=SUM(A1)` typed in a cell is imported as the
/// text `=SUM(A1)`, never evaluated; only `'=...` loses its apostrophe, as it would in a
/// spreadsheet.
public enum SpreadsheetSafety {
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// True when `cell` is apostrophes (possibly none) followed by a formula character.
    static func startsLikeFormula(
        afterApostrophes cell: String
    ) -> (apostrophes: Int, formula: Bool) {
        var apostrophes = 0
        for scalar in cell.unicodeScalars {
            if scalar == "'" {
                apostrophes += 1
                continue
            }
            return (apostrophes, formulaStarts.contains(scalar))
        }
        return (apostrophes, false)
    }

    /// The cell to write for `value`.
    public static func guarded(_ value: String) -> String {
        startsLikeFormula(afterApostrophes: value).formula ? "'" + value : value
    }

    /// The value a cell read from a file stands for.
    public static func unguarded(_ cell: String) -> String {
        let (apostrophes, formula) = startsLikeFormula(afterApostrophes: cell)
        guard formula, apostrophes > 0 else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }
}
