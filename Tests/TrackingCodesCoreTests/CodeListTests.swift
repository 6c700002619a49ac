import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

@MainActor
@Suite("CodeList: filter, sort, cursor, marks")
struct CodeListTests {
    /// Six codes whose columns all differ, on alpha.
    static let codes: [TrackingCode] = [
        code("1", "Department", options: ["Engineering", "Design", "Sales"], defaultIndex: 1),
        code("2", "division", mode: .editableSelect, options: ["Full-time"], schedule: .required),
        code("3", "Cost Center", mode: .text, options: [], host: .notUsed),
        code("10", "Project", options: ["Apollo", "Gemini", "Mercury", "Zeus"], defaultIndex: 3, host: .required),
        code("11", "Office", options: ["Berlin", "Paris"], schedule: .notUsed),
        code("12", "Campaign", mode: .hostProfileSelect, options: ["Spring"], schedule: .notUsed),
    ]

    func names(_ list: CodeList) -> [String] { list.shownRows.map(\.name) }

    @Test func loadsTheSiteSortedByNameWithColumnTexts() async {
        let fixture = Fixture(codes: Self.codes)
        let list = await fixture.loadedList()

        #expect(list.isLoaded)
        #expect(names(list) == ["Campaign", "Cost Center", "Department", "division", "Office", "Project"])
        let department = list.shownRows[2]
        #expect(department.text(for: .inputMode) == "Select")
        #expect(department.text(for: .optionCount) == "3")
        #expect(department.text(for: .defaultOption) == "Design")
        #expect(department.text(for: .hostProfile) == "Optional")
        #expect(department.text(for: .schedule) == "All: optional")
        #expect(list.countsText == "6 codes")
    }

    @Test func countsSayCodeForOne() async {
        let list = await Fixture(codes: [Self.codes[0]]).loadedList()
        #expect(list.countsText == "1 code")
        list.setFilter("nothing like it")
        #expect(list.countsText == "0 of 1 code")
        #expect(CountedNoun.text(0, "code") == "0 codes")
        #expect(CountedNoun.text(2, "code") == "2 codes")
    }

    @Test func filterMatchesNamesAndOptionValuesIgnoringCase() async {
        let list = await Fixture(codes: Self.codes).loadedList()

        list.setFilter("DIV")
        #expect(names(list) == ["division"])
        list.setFilter("paris")
        #expect(names(list) == ["Office"])
        list.setFilter("e")
        #expect(!names(list).contains("Campaign"))  // neither its name nor "Spring" has an e
        #expect(list.shownCount == 5)
        list.setFilter("zzz")
        #expect(list.shownCount == 0)
        #expect(list.selectedRow == nil)
        list.setFilter("")
        #expect(list.shownCount == 6)
    }

    @Test func aFilterDoesNotMatchAcrossTwoOptions() async {
        let list = await Fixture(codes: Self.codes).loadedList()
        // "Berlin" then "Paris": the joined text "berlinparis" must not match "linpar".
        list.setFilter("linpar")
        #expect(list.shownCount == 0)
        list.setFilter("officeberlin")
        #expect(list.shownCount == 0)
    }

    @Test func filterStaysAcrossRefreshAndSiteSwitches() async {
        let fixture = Fixture(codes: Self.codes + [code("20", "Office West", site: siteB)])
        let list = await fixture.loadedList()
        list.setFilter("office")
        #expect(names(list) == ["Office"])

        await list.refresh()
        #expect(list.filterText == "office")
        #expect(names(list) == ["Office"])

        fixture.session.select(Site(siteUrl: siteB, isDefault: false))
        #expect(list.totalCount == 0)
        await list.refresh()
        #expect(names(list) == ["Office West"])
    }

    @Test(arguments: [
        (CodeColumn.name,
         ["Campaign", "Cost Center", "Department", "division", "Office", "Project"],
         ["Project", "Office", "division", "Department", "Cost Center", "Campaign"]),
        (.inputMode,
         ["division", "Campaign", "Department", "Office", "Project", "Cost Center"],
         ["Cost Center", "Department", "Office", "Project", "Campaign", "division"]),
        (.optionCount,
         ["Cost Center", "Campaign", "division", "Office", "Department", "Project"],
         ["Project", "Department", "Office", "Campaign", "division", "Cost Center"]),
        (.defaultOption,
         ["Campaign", "Cost Center", "division", "Office", "Department", "Project"],
         ["Project", "Department", "Campaign", "Cost Center", "division", "Office"]),
        (.hostProfile,
         ["Cost Center", "Campaign", "Department", "division", "Office", "Project"],
         ["Project", "Campaign", "Department", "division", "Office", "Cost Center"]),
    ])
    func sortsByEveryColumnBothWaysWithTiesByName(column: CodeColumn, ascending: [String], descending: [String]) async {
        let list = await Fixture(codes: Self.codes).loadedList()
        list.setSort(CodeSort(column: column))
        #expect(names(list) == ascending)
        list.sort(by: column)  // the same column again flips the direction
        #expect(list.sort == CodeSort(column: column, ascending: false))
        #expect(names(list) == descending)
        list.sort(by: column == .name ? .inputMode : .name)
        #expect(list.sort.ascending)
    }

    @Test func sortsByScheduleSummary() async {
        let list = await Fixture(codes: Self.codes).loadedList()
        list.setSort(CodeSort(column: .schedule))
        #expect(list.shownRows.map(\.schedule) == [
            "All: not used", "All: not used", "All: optional", "All: optional", "All: optional", "All: required",
        ])
    }

    @Test func numericIdsBreakTiesInNumericOrder() {
        #expect(CodeList.idPrecedes("9", "10"))
        #expect(!CodeList.idPrecedes("10", "9"))
        let twins = [code("10", "Same"), code("9", "Same")]
        #expect(CodeList.sorted(twins.map(CodeRow.init), by: CodeSort(column: .name)).map(\.id) == ["9", "10"])
    }

    @Test func permutingInPlaceMatchesGatheringByTheOrder() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 10, 257] {
            let elements = (0..<count).map { "e\($0)" }
            for _ in 0..<20 {
                let order = Array(elements.indices).shuffled(using: &generator)
                var permuted = elements
                CodeList.permute(&permuted, by: order)
                #expect(permuted == order.map { elements[$0] }, "order \(order)")
            }
        }
    }

    @Test func theCursorFollowsItsCodeAcrossFilterSortAndRefresh() async throws {
        let fixture = Fixture(codes: Self.codes)
        let list = await fixture.loadedList()
        #expect(list.select(id: "11"))
        #expect(list.selectedCode?.name == "Office")

        list.sort(by: .optionCount)
        #expect(list.selectedCode?.name == "Office")
        list.setFilter("o")
        #expect(list.selectedCode?.name == "Office")

        // Someone else adds codes that sort before it; a refresh keeps the cursor on Office.
        let client = fixture.session.client
        _ = try await client.createTrackingCode(TrackingCodeDraft(name: "Aardvark Ops", siteUrl: siteA, options: [.init(value: "o")],
                                                                  inputMode: .select))
        await list.refresh()
        #expect(list.selectedCode?.name == "Office")
        #expect(list.shownRows[list.cursor].name == "Office")
    }

    @Test func whenTheSelectedCodeGoesTheCursorStaysInPlace() async throws {
        let fixture = Fixture(codes: Self.codes)
        let list = await fixture.loadedList()
        list.select(id: "1")  // Department, third row
        try await fixture.session.client.deleteTrackingCode(id: "1", siteUrl: siteA)
        await list.refresh()
        #expect(list.cursor == 2)
        #expect(list.selectedCode?.name == "division")
    }

    @Test func marksToggleRangeAllShownAndClear() async {
        let list = await Fixture(codes: Self.codes).loadedList()
        list.moveCursor(to: 1)
        list.toggleMark()  // Cost Center; becomes the anchor
        list.moveCursor(by: 3)  // Office
        list.markRangeToCursor()
        #expect(list.markedCodes.map(\.name) == ["Cost Center", "Department", "division", "Office"])

        list.moveCursor(to: 2)
        list.toggleMark()  // unmark Department
        #expect(list.markedCount == 3)
        #expect(!list.isMarked("1"))

        list.setFilter("p")  // Campaign, Department, Project
        list.markAllShown()
        #expect(Set(list.markedCodes.map(\.name)) == ["Campaign", "Cost Center", "Department", "division", "Office", "Project"])
        list.setFilter("campaign")
        #expect(list.hiddenMarkedCount == 5)
        #expect(list.countsText == "1 of 6 codes · 6 marked (5 hidden by the filter)")

        list.clearMarks()
        #expect(list.markedCount == 0)
    }

    @Test func aRangeCanRunUpwardsFromAnExplicitAnchor() async {
        let list = await Fixture(codes: Self.codes).loadedList()
        list.moveCursor(to: 4)
        list.setMarkAnchor()
        list.moveCursor(to: 2)
        list.markRangeToCursor()
        #expect(list.markedCodes.map(\.name) == ["Department", "division", "Office"])
    }

    @Test func marksSurviveRefreshButNotTheCodesThatWent() async throws {
        let fixture = Fixture(codes: Self.codes)
        let list = await fixture.loadedList()
        list.markAllShown()
        try await fixture.session.client.deleteTrackingCode(id: "3", siteUrl: siteA)
        await list.refresh()
        #expect(list.markedCount == 5)
        #expect(!list.isMarked("3"))
    }

    @Test func changesMadeThroughTheWriterShowWithoutReloading() async throws {
        let fixture = Fixture(codes: Self.codes)
        let list = await fixture.loadedList()
        let created = try await fixture.session.writer.create(TrackingCodeDraft(name: "Badge", siteUrl: siteA))
        #expect(list.code(id: created.id)?.name == "Badge")
        try await fixture.session.writer.delete(Self.codes[0])
        #expect(list.code(id: "1") == nil)
        #expect(list.totalCount == 6)
    }

    @Test func aFailedLoadSaysWhy() async {
        let fixture = Fixture(selecting: "nowhere.webex.com")
        let list = await fixture.loadedList()
        #expect(!list.isLoaded)
        #expect(list.loadError?.status == 404)
        #expect(fixture.session.status?.severity == .error)
        #expect(fixture.session.status?.text.contains("nowhere.webex.com") == true)
    }

    @Test func filteringTenThousandCodesTakesWellUnderTwoMillisecondsPerKeystroke() {
        let fixture = Fixture(codes: [])
        let list = CodeList(session: fixture.session)
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
        let many = (0..<10_000).map { index in
            code(String(index + 1), "\(words[index % 10].capitalized) Code \(index)",
                 options: (0..<(index % 7)).map { "Option \($0) \(words[($0 + index) % 10])" })
        }
        list.load(many, siteUrl: siteA)
        #expect(list.totalCount == 10_000)

        // Each keystroke's best of five runs: the cost of the work, not of a busy machine.
        let typed = ["c", "co", "cod", "code", "code ", "code 1", "code 12", "code 123", "code 12", "e", "echo", "xyz"]
        let clock = ContinuousClock()
        var slowest = Duration.zero
        for (index, text) in typed.enumerated() {
            var best = Duration.seconds(1)
            for _ in 0..<5 {
                list.setFilter(index > 0 ? typed[index - 1] : "")
                best = min(best, clock.measure { list.setFilter(text) })
            }
            slowest = max(slowest, best)
        }
        list.setFilter("code 123")
        #expect(list.shownCount == 11)  // 123, 1230...1239
        list.setFilter("option 3 echo")
        #expect(list.shownCount > 0)
        #expect(list.shownRows.allSatisfy { $0.code.options.contains { $0.value == "Option 3 echo" } })
        #expect(slowest < .milliseconds(2), "slowest keystroke took \(slowest)")
    }
}
