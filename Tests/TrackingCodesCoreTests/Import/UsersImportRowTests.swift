import Testing
import WebexAPI
@testable import TrackingCodesCore

@Suite("UsersImportRow: which values changed")
struct UsersImportRowTests {
    private func row() -> UsersImportRow {
        UsersImportRow(
            id: 0, line: 2, cells: ["ana@example.com", "Sales", "CC-1"],
            user: .email("ana@example.com"),
            values: [
                UserTrackingCodeAssignment(name: "Department", value: "Sales"),
                UserTrackingCodeAssignment(name: "Cost Center", value: "CC-1"),
            ])
    }

    @Test func nothingHasChangedUntilTold() {
        #expect(row().changedNames.isEmpty)
    }

    @Test func everyValueChangedReadsBackAsEveryName() {
        var row = row()
        row.changedNames = ["Department", "Cost Center"]
        #expect(row.changedNames == ["Department", "Cost Center"])
    }

    @Test func someValuesChangedReadBackAsThoseNames() {
        var row = row()
        row.changedNames = ["Cost Center"]
        #expect(row.changedNames == ["Cost Center"])
        row.changedNames = []
        #expect(row.changedNames.isEmpty)
    }
}
