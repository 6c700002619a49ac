import Foundation
import Testing
@testable import TrackingCodesCore

@Suite("UsersFile: cells naming users")
struct UsersFileTests {
    private func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func aCellWithoutSurroundingSpacesIsKeptAsItIsNotCopied() throws {
        // Longer than 15 bytes, so the string has storage of its own to share.
        let cell = "someone.with.a.long.name@example.com"
        let kept = UsersFile.trimmed(cell)
        #expect(kept == cell)
        #expect(try #require(storage(kept)) == #require(storage(cell)))
    }

    @Test func spacesAndTabsAroundACellAreTrimmedLikeBefore() {
        #expect(UsersFile.trimmed("  ana@example.com\t") == "ana@example.com")
        #expect(UsersFile.trimmed("\u{00A0}ana@example.com") == "ana@example.com")
        #expect(UsersFile.trimmed("   ") == "")
        #expect(UsersFile.trimmed("") == "")
        // A line break is not a space here: the cell stays as written, as it always did.
        #expect(UsersFile.trimmed("ana@example.com\n") == "ana@example.com\n")
    }

    @Test func theUserOfARecordUsesTheTrimmedCell() throws {
        let table = try DelimitedTable.parse("email,personId\n\" ana@example.com \",\n,P1\n")
        let layout = try UsersFile.layout(of: table, codes: [])
        #expect(UsersFile.user(in: table.records[0], layout: layout) == .email("ana@example.com"))
        #expect(UsersFile.user(in: table.records[1], layout: layout) == .personId("P1"))
    }
}
