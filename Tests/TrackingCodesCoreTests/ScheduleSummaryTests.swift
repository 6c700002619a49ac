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

    @Test func unknownValuesAreShownAsTheyCame() {
        let codes: [ScheduleStartCode] = [
            .init(service: .all, type: .notApplicable), .init(service: .meetingCenter, type: .init(rawValue: "futureType")),
        ]
        #expect(ScheduleSummary.text(for: codes) == "MC futureType · EC – · TC – · SC –")
        #expect(InputMode(rawValue: "newMode").label == "newMode")
        #expect(InputMode.editableSelect.label == "Editable select")
    }
}
