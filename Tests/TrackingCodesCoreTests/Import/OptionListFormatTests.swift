import Testing
import WebexAPI

@testable import TrackingCodesCore

@Suite("Option cells: *Default|Other|Third")
struct OptionListFormatTests {
    func options(_ values: [String], defaultIndex: Int? = nil) -> [TrackingCodeOption] {
        values.enumerated().map { TrackingCodeOption(value: $1, defaultValue: $0 == defaultIndex) }
    }

    @Test func theDefaultIsStarredAndOptionsArePiped() {
        #expect(
            OptionListFormat.encode(options(["Engineering", "Design", "Sales"], defaultIndex: 1))
                == "Engineering|*Design|Sales")
        #expect(
            OptionListFormat.decode("*Full-time|Part-time")
                == options(["Full-time", "Part-time"], defaultIndex: 0))
        #expect(OptionListFormat.encode([]) == "")
        #expect(OptionListFormat.decode("") == [])
    }

    @Test func pipesStarsAndBackslashesInValuesAreEscaped() {
        let tricky = options(
            ["Sales|Marketing", "*Star", "a*b", "C:\\path", "\\", "trailing\\"], defaultIndex: 1)
        let cell = OptionListFormat.encode(tricky)
        #expect(cell == #"Sales\|Marketing|*\*Star|a*b|C:\\path|\\|trailing\\"#)
        #expect(OptionListFormat.decode(cell) == tricky)
    }

    @Test func everyTrickyValueRoundTripsAsDefaultAndNot() {
        let values = trickyCells.filter { !$0.isEmpty } + ["*", "**", "|", "\\|", "*|*"]
        for (index, _) in values.enumerated() {
            let list = options(values, defaultIndex: index)
            #expect(OptionListFormat.decode(OptionListFormat.encode(list)) == list)
        }
        #expect(
            OptionListFormat.decode(OptionListFormat.encode(options(values))) == options(values))
    }

    @Test func handTypedCellsAreReadLeniently() {
        // A backslash before an ordinary character is kept; spaces are part of values.
        #expect(
            OptionListFormat.decode(#"C:\temp|Red | Green"#)
                == options([#"C:\temp"#, "Red ", " Green"]))
        #expect(OptionListFormat.decode("**Starred") == options(["*Starred"], defaultIndex: 0))
    }
}
