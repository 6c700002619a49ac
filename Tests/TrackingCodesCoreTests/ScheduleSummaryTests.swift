import Testing
import WebexAPI
@testable import TrackingCodesCore

@Suite("Schedule summary and labels")
struct ScheduleSummaryTests {
    @Test func oneTypeForEveryServiceReadsAsAll() {
        #expect(ScheduleSummary.text(for: [.init(service: .all, type: .required)]) == "All: required")
        // Same types listed service by service read the same way.
        let listed = MeetingService.documentedCases.map { ScheduleStartCode(service: $0, type: .optional) }
        #expect(ScheduleSummary.text(for: listed) == "All: optional")
        #expect(ScheduleSummary.text(for: nil) == "All: not used")
    }

    @Test func mixedTypesListEachServiceCompactly() {
        let codes: [ScheduleStartCode] = [
            .init(service: .all, type: .notApplicable), .init(service: .meetingCenter, type: .required),
            .init(service: .eventCenter, type: .optional),
        ]
        // Services left out default to notUsed when All is notApplicable (rule 6).
        #expect(ScheduleSummary.text(for: codes) == "MC req · EC opt · TC – · SC –")
    }

    @Test func compactTextPutsOneTypePerServiceUnderTheHeading() throws {
        func code(_ schedule: [ScheduleStartCode]) -> TrackingCode {
            TrackingCode(
                id: "1", name: "N", siteUrl: "a.webex.com", inputMode: .text,
                hostProfileCode: .optional, scheduleStartCodes: schedule)
        }
        let mixed = code([
            .init(service: .all, type: .notApplicable), .init(service: .meetingCenter, type: .required),
            .init(service: .eventCenter, type: .adminSet), .init(service: .supportCenter, type: .optional),
        ])
        let text = ScheduleSummary.compactText(for: mixed)
        #expect(text == "req adm –   opt")
        // Each type starts under its service's two letters.
        let heading = ScheduleSummary.compactHeading
        for (service, type) in [("MC", "req"), ("EC", "adm"), ("TC", "–"), ("SC", "opt")] {
            let column = try #require(heading.range(of: service)).lowerBound.utf16Offset(in: heading)
            let slot = try #require(text.range(of: type)).lowerBound.utf16Offset(in: text)
            #expect(column == slot, "\(service)")
        }
        #expect(ScheduleSummary.compactText(for: code([.init(service: .all, type: .required)]))
            == "req req req req")
        #expect(ScheduleSummary.compactText(for: code([])) == "–   –   –   –")

        // Three columns cannot say what a new type is: it is shown whole, as it came.
        let unknown = code([
            .init(service: .all, type: .notApplicable),
            .init(service: .meetingCenter, type: .init(rawValue: "futureType")),
        ])
        #expect(ScheduleSummary.compactText(for: unknown) == "MC futureType · EC – · TC – · SC –")
    }

    @Test func shortLabelsFitNarrowColumns() {
        for mode in InputMode.documentedCases {
            #expect(mode.shortLabel.count <= 8, "\(mode)")
        }
        #expect(InputMode.hostProfileSelect.shortLabel == "Host sel")
        #expect(HostProfileCode.adminSet.shortLabel == "adm")
        #expect(HostProfileCode.notUsed.shortLabel == "–")
        let row = CodeRow(code: TrackingCode(
            id: "1", name: "Region", siteUrl: "a.webex.com", inputMode: .hostProfileSelect,
            hostProfileCode: .required, scheduleStartCodes: []))
        #expect(row.compactText(for: .inputMode) == "Host sel")
        #expect(row.compactText(for: .hostProfile) == "req")
        #expect(row.compactText(for: .name) == "Region")
        #expect(CodeColumn.schedule.compactTitle == "MC  EC  TC  SC")
    }

    @Test func unknownValuesAreShownAsTheyCame() {
        let codes: [ScheduleStartCode] = [
            .init(service: .all, type: .notApplicable), .init(service: .meetingCenter, type: .init(rawValue: "futureType")),
        ]
        #expect(ScheduleSummary.text(for: codes) == "MC futureType · EC – · TC – · SC –")
        #expect(InputMode(rawValue: "newMode").label == "newMode")
        #expect(InputMode.editableSelect.label == "Editable select")
    }
}
