import Foundation
import Testing
import WebexAPI
@testable import TrackcodesCLI

/// Field flags, JSON bodies and user assignments turn into the right request content.
@Suite struct EditingTests {
    static let fiveServices = [
        ScheduleStartCode(service: .all, type: .optional),
        ScheduleStartCode(service: .meetingCenter, type: .optional),
        ScheduleStartCode(service: .eventCenter, type: .optional),
        ScheduleStartCode(service: .trainingCenter, type: .optional),
        ScheduleStartCode(service: .supportCenter, type: .optional),
    ]

    @Test func settingOneServiceAwayFromAllMakesAllNotApplicable() throws {
        let result = ScheduleAssignment.apply(
            [try ScheduleAssignment(parsing: "meetingcenter=Required")], to: Self.fiveServices)

        #expect(result?.map(\.type) == [.notApplicable, .required, .optional, .optional, .optional])
        let draft = TrackingCodeDraft(name: "x", siteUrl: "s", scheduleStartCodes: result)
        #expect(TrackingCodeRules.violations(of: draft).isEmpty)
    }

    @Test func settingAllSetsEveryListedService() throws {
        let mixed = ScheduleAssignment.apply(
            [ScheduleAssignment(service: .eventCenter, type: .notUsed)], to: Self.fiveServices)
        let result = ScheduleAssignment.apply([try ScheduleAssignment(parsing: "All=required")], to: mixed)

        #expect(result?.map(\.type) == [.required, .required, .required, .required, .required])
    }

    @Test func aShortListGetsTheOtherServicesWrittenOut() {
        let result = ScheduleAssignment.apply(
            [ScheduleAssignment(service: .supportCenter, type: .required)],
            to: [ScheduleStartCode(service: .all, type: .optional)])

        #expect(result?.map(\.service) == MeetingService.documentedCases)
        #expect(result?.map(\.type) == [.notApplicable, .optional, .optional, .optional, .required])
    }

    @Test func scheduleTextMustNameAKnownServiceAndType() {
        #expect(throws: UsageError.self) { try ScheduleAssignment(parsing: "MeetingCenter") }
        #expect(throws: UsageError.self) { try ScheduleAssignment(parsing: "Lunch=required") }
        #expect(throws: UsageError.self) { try ScheduleAssignment(parsing: "All=sometimes") }
    }

    @Test func newOptionsKeepTheOldDefaultWhenItIsStillThere() throws {
        let draft = TrackingCodeDraft(
            name: "x", siteUrl: "s",
            options: [TrackingCodeOption(value: "a"), TrackingCodeOption(value: "b", defaultValue: true)],
            inputMode: .select)
        let edited = try TrackingCodeEdits(options: ["b", "c"]).applied(to: draft)

        #expect(edited.options == [
            TrackingCodeOption(value: "b", defaultValue: true), TrackingCodeOption(value: "c"),
        ])
    }

    @Test func theDefaultOptionMustBeAnOption() throws {
        let draft = TrackingCodeDraft(name: "x", siteUrl: "s", options: [TrackingCodeOption(value: "a")])

        #expect(throws: UsageError.self) { try TrackingCodeEdits(defaultOption: "z").applied(to: draft) }
        let edited = try TrackingCodeEdits(defaultOption: "a").applied(to: draft)
        #expect(edited.options == [TrackingCodeOption(value: "a", defaultValue: true)])
    }

    @Test func aBodyMayLeaveFieldsOutAndCarryAnId() throws {
        let body = try TrackingCodeBody.decode(
            Data(#"{"id": "7", "name": "N", "scheduleStartCodes": null}"#.utf8), source: "test")
        let base = TrackingCodeDraft(name: "old", siteUrl: "s", inputMode: .hostProfileSelect)
        let applied = body.applied(to: base)

        #expect(applied.name == "N")
        #expect(applied.siteUrl == "s")
        #expect(applied.inputMode == .hostProfileSelect)
        #expect(applied.scheduleStartCodes == nil)
    }

    @Test func aBodyNamesTheFieldThatIsWrong() {
        func message(_ json: String) -> String? {
            do {
                _ = try TrackingCodeBody.decode(Data(json.utf8), source: "the body")
                return nil
            } catch {
                return (error as? CLIFailure)?.message
            }
        }
        #expect(message(#"{"options": [{"value": "a", "defaultValue": "yes"}]}"#)
            == "the body has the wrong type at 'options[0].defaultValue': expected true or false")
        #expect(message(#"{"nmae": "x"}"#)?.hasPrefix("the body has an unknown field 'nmae'") == true)
        #expect(message("[1]") == "the body must be a JSON object")
        #expect(message("{\"name\": ")?.hasPrefix("the body is not valid JSON") == true)
    }

    @Test func userAssignmentsSplitAtTheFirstEquals() throws {
        let assignment = try UserValueAssignment(parsing: "Project=A=B")

        #expect(assignment.name == "Project" && assignment.value == "A=B")
        #expect(throws: UsageError.self) { try UserValueAssignment(parsing: "=x") }
        #expect(throws: UsageError.self) { try UserValueAssignment(parsing: "novalue") }
    }

    @Test func userValuesMergeInPlaceAndAppendNewOnes() throws {
        let current = [
            UserTrackingCodeValue(id: "1", name: "Department", value: "Sales"),
            UserTrackingCodeValue(id: "2", name: "Division", value: "Full-time"),
        ]
        let merged = UserValueAssignment.merged(
            [try UserValueAssignment(parsing: "Project=P1"), try UserValueAssignment(parsing: "Department=Legal")],
            into: current)

        #expect(merged == [
            UserTrackingCodeAssignment(name: "Department", value: "Legal"),
            UserTrackingCodeAssignment(name: "Division", value: "Full-time"),
            UserTrackingCodeAssignment(name: "Project", value: "P1"),
        ])
    }
}
