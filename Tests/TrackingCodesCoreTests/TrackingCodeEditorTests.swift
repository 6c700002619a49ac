import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

@MainActor
@Suite("TrackingCodeEditor: form, rules, save")
struct TrackingCodeEditorTests {
    func newForm(_ fixture: Fixture, site: String = siteA) -> TrackingCodeEditor {
        TrackingCodeEditor(session: fixture.session, creatingOn: site, siteCodes: fixture.sandbox.codes(siteUrl: site))
    }

    func texts(_ editor: TrackingCodeEditor, _ field: TrackingCodeField) -> [String] {
        editor.messages(for: field).map(\.text)
    }

    // MARK: - Rules, field by field

    @Test func anEmptyNewFormNamesWhatIsMissing() {
        let editor = newForm(Fixture())
        #expect(texts(editor, .name) == ["'name' cannot be empty"])
        #expect(texts(editor, .options) == ["'options' cannot be empty when 'inputMode' is 'select'"])
        #expect(!editor.canSave)
        #expect(editor.hasChanges)
    }

    @Test func nameAndOptionValuesAreLimitedTo120Characters() {
        let editor = newForm(Fixture())
        editor.name = String(repeating: "n", count: 121)
        editor.addOption(String(repeating: "v", count: 121))
        editor.addOption("   ")
        #expect(texts(editor, .name).first?.contains("longer than 120") == true)
        #expect(texts(editor, .option(index: 0)).first?.contains("longer than 120") == true)
        #expect(texts(editor, .option(index: 1)) == ["'options[1].value' cannot be empty"])

        editor.name = String(repeating: "n", count: 120)
        editor.setOptionValue("ok", at: 0)
        editor.setOptionValue("fine", at: 1)
        #expect(editor.violations.isEmpty)
        #expect(editor.canSave)
    }

    @Test func moreThan500OptionsIsRefused() {
        let editor = newForm(Fixture())
        editor.name = "Big"
        for index in 0...500 { editor.addOption("Option \(index)") }
        #expect(texts(editor, .options).first?.contains("more than 500") == true)
        editor.removeOption(at: 0)
        #expect(editor.violations.isEmpty)
    }

    @Test func textCodesNeedNoOptions() {
        let editor = newForm(Fixture())
        editor.name = "Free"
        editor.setInputMode(.text)
        #expect(editor.violations.isEmpty)
    }

    @Test func aLoadedCodeWithTwoDefaultsShowsTheRuleAndOneClickFixesIt() {
        var twoDefaults = code("1", "Department", options: ["A", "B"])
        twoDefaults.options = twoDefaults.options.map { TrackingCodeOption(value: $0.value, defaultValue: true) }
        let editor = TrackingCodeEditor(session: Fixture().session, editing: twoDefaults)
        #expect(texts(editor, .options) == ["Only one option can have 'defaultValue' true (2 do)"])
        editor.setDefaultOption(at: 1)
        #expect(editor.options.map(\.defaultValue) == [false, true])
        #expect(editor.violations.isEmpty)
        editor.clearDefaultOption()
        #expect(editor.options.allSatisfy { !$0.defaultValue })
    }

    @Test func aLoadedCodeWithDisagreeingScheduleShowsRuleFiveOnTheService() {
        var mixed = code("1", "Department")
        mixed.scheduleStartCodes = [.init(service: .all, type: .required), .init(service: .meetingCenter, type: .optional)]
        let editor = TrackingCodeEditor(session: Fixture().session, editing: mixed)
        // Webex fills the other services from All; Meeting Center disagrees.
        #expect(texts(editor, .scheduleStartCode(.meetingCenter)).first?.contains("but 'All' is 'required'") == true)
        #expect(editor.scheduleType(for: .eventCenter) == .required)
    }

    @Test func unknownEnumValuesFromANewerWebexAreShownAndFlagged() {
        var future = code("1", "Future")
        future.inputMode = InputMode(rawValue: "voiceSelect")
        let editor = TrackingCodeEditor(session: Fixture().session, editing: future)
        #expect(editor.inputMode.label == "voiceSelect")
        #expect(texts(editor, .inputMode).first?.contains("must be one of") == true)
    }

    @Test func requiredHostProfileUseIsRefusedOnlyOnControlHubSites() {
        let settings = Settings(siteManagement: [siteB: .controlHub, siteA: .siteAdmin])
        let fixture = Fixture(settings: settings)
        let onControlHub = newForm(fixture, site: siteB)
        onControlHub.setHostProfileCode(.required)
        #expect(texts(onControlHub, .hostProfileCode).first?.contains("Control Hub") == true)

        let onSiteAdmin = newForm(fixture, site: siteA)
        onSiteAdmin.setHostProfileCode(.required)
        #expect(texts(onSiteAdmin, .hostProfileCode).isEmpty)
    }

    // MARK: - The schedule follows Webex's rules

    @Test func settingAllSetsEveryServiceAndChangingOneServiceMakesAllDiffer() {
        let editor = newForm(Fixture())
        editor.setScheduleType(.required, for: .all)
        #expect(MeetingService.centers.allSatisfy { editor.scheduleType(for: $0) == .required })

        editor.setScheduleType(.notUsed, for: .supportCenter)
        #expect(editor.scheduleType(for: .all) == .notApplicable)
        #expect(editor.scheduleType(for: .meetingCenter) == .required)
        #expect(editor.scheduleType(for: .supportCenter) == .notUsed)
        #expect(editor.messages(for: .scheduleStartCodes).isEmpty)
        #expect(editor.scheduleFields.first?.choices == [.optional, .required, .notUsed, .notApplicable])
    }

    @Test func adminSetHostProfileUseConvertsTheScheduleBothWays() {
        let editor = newForm(Fixture())
        editor.setScheduleType(.notApplicable, for: .all)
        editor.setScheduleType(.required, for: .meetingCenter)
        editor.setScheduleType(.notUsed, for: .eventCenter)

        #expect(editor.setHostProfileCode(.adminSet)
            == [.meetingCenter, .trainingCenter, .supportCenter])
        #expect(editor.scheduleType(for: .meetingCenter) == .adminSet)
        #expect(editor.scheduleType(for: .eventCenter) == .notUsed)
        #expect(editor.scheduleFields[1].choices == [.adminSet, .notUsed])
        #expect(editor.violations.allSatisfy { $0.field != .scheduleStartCode(.meetingCenter) })

        #expect(editor.setHostProfileCode(.optional)
            == [.meetingCenter, .trainingCenter, .supportCenter])
        #expect(editor.scheduleType(for: .meetingCenter) == .optional)
    }

    @Test func hostProfileSelectLocksTheScheduleToNotUsedAndGivesItBack() {
        let editor = newForm(Fixture())
        editor.name = "Region"
        editor.addOption("EMEA")
        editor.setScheduleType(.required, for: .all)

        editor.setInputMode(.hostProfileSelect)
        #expect(!editor.isScheduleEditable)
        #expect(editor.scheduleFields.allSatisfy { $0.type == .notUsed && !$0.isEditable })
        editor.setScheduleType(.optional, for: .meetingCenter)  // ignored while locked
        #expect(editor.scheduleType(for: .meetingCenter) == .notUsed)
        #expect(editor.violations.isEmpty)
        #expect(editor.draft.scheduleStartCodes?.allSatisfy { $0.type == .notUsed } == true)

        editor.setInputMode(.select)
        #expect(editor.scheduleType(for: .all) == .required)
        #expect(editor.scheduleType(for: .meetingCenter) == .required)
    }

    // MARK: - Options

    @Test func optionsCanBeAddedMovedEditedAndRemoved() {
        let editor = newForm(Fixture())
        editor.addOption("One")
        editor.addOption("Two")
        let three = editor.addOption("Three")
        #expect(editor.moveOptionUp(at: three) == 1)
        #expect(editor.options.map(\.value) == ["One", "Three", "Two"])
        #expect(editor.moveOptionUp(at: 0) == 0)
        #expect(editor.moveOptionDown(at: 0) == 1)
        #expect(editor.moveOptionDown(at: 2) == 2)
        #expect(editor.options.map(\.value) == ["Three", "One", "Two"])
        editor.setOptionValue("Uno", at: 1)
        editor.setDefaultOption(at: 1)
        editor.removeOption(at: 0)
        #expect(editor.options == [TrackingCodeOption(value: "Uno", defaultValue: true), TrackingCodeOption(value: "Two")])
    }

    @Test func advisoriesWarnOfDuplicatesWithoutBlocking() {
        let fixture = Fixture()
        let editor = newForm(fixture)
        editor.name = "department "
        editor.addOption("Sales")
        editor.addOption("sales")
        #expect(texts(editor, .name).first?.contains("already named 'Department' (id 1)") == true)
        #expect(texts(editor, .option(index: 1)) == ["Option 2 'sales' repeats option 1; users could not tell them apart"])
        #expect(editor.messages(for: .name).allSatisfy { !$0.blocksSaving })
        #expect(editor.canSave)

        // Editing the code itself is no clash with its own name.
        let own = TrackingCodeEditor(session: fixture.session, editing: fixture.sandbox.codes(siteUrl: siteA)[0],
                                     siteCodes: fixture.sandbox.codes(siteUrl: siteA))
        #expect(own.advisories.isEmpty)
    }

    // MARK: - Saving

    @Test func creatingSendsTrimmedFieldsAndRecordsHistory() async throws {
        let fixture = Fixture()
        let editor = newForm(fixture)
        editor.name = "  Badge  "
        editor.addOption(" Blue ")
        editor.addOption("Gold")
        editor.setDefaultOption(at: 1)

        #expect(await editor.save())
        let created = try #require(editor.lastSaved)
        #expect(created.name == "Badge")
        #expect(fixture.sandbox.codes(siteUrl: siteA).contains { $0.id == created.id && $0.options.map(\.value) == ["Blue", "Gold"] })
        #expect(editor.original == created)
        #expect(!editor.hasChanges)
        #expect(fixture.session.history.undoStack.last?.change == .created(created))
        #expect(fixture.session.status?.text == "Created 'Badge' (id \(created.id)).")
    }

    @Test func brokenRulesStopTheSaveBeforeAnythingIsSent() async throws {
        let requests = RequestLog()
        let fixture = Fixture(wrap: { InspectingTransport(base: $0, inspect: requests.append) })
        let editor = newForm(fixture)
        editor.name = "No options"

        #expect(await editor.save() == false)
        #expect(requests.all.isEmpty)
        guard case .invalid(let violations) = editor.saveError else {
            Issue.record("expected .invalid, got \(String(describing: editor.saveError))")
            return
        }
        #expect(violations.map(\.field) == [.options])
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func aRefusedSaveKeepsEveryFieldAndShowsStatusMessageAndTrackingId() async throws {
        let fixture = Fixture()
        let editor = newForm(fixture)
        editor.name = "Division"  // taken: Webex answers 409
        editor.setInputMode(.editableSelect)
        editor.addOption("Contractor")
        editor.setScheduleType(.required, for: .eventCenter)
        let typed = editor.draft

        #expect(await editor.save() == false)
        let error = try #require(editor.saveError)
        #expect(error.status == 409)
        #expect(error.descriptions == ["Tracking code name 'Division' already exists."])
        #expect(error.webexMessage?.isEmpty == false)
        let trackingId = try #require(error.trackingId)
        #expect(trackingId.wholeMatch(of: /[0-9A-F]{32}_[0-9]+/) != nil)
        #expect(error.localizedDescription.contains(trackingId))
        #expect(editor.draft == typed)
        #expect(editor.isCreating)
        #expect(fixture.session.history.undoStack.isEmpty)
        #expect(fixture.session.status?.severity == .error)
    }

    @Test func editingPutsTheFullCodeWithItsSite() async throws {
        let requests = RequestLog()
        let fixture = Fixture(wrap: { InspectingTransport(base: $0, inspect: requests.append) })
        let original = try #require(fixture.sandbox.codes(siteUrl: siteA).first { $0.id == "1" })
        let editor = TrackingCodeEditor(session: fixture.session, editing: original)
        #expect(!editor.hasChanges)
        editor.name = "Dept."
        editor.addOption("Legal")
        #expect(editor.hasChanges)

        #expect(await editor.save())
        let put = try #require(requests.writes.first)
        #expect(put.method == "PUT")
        #expect(put.url.path.hasSuffix("/trackingCodes/1"))
        let sent = try body(TrackingCodeDraft.self, of: put)
        #expect(sent.siteUrl == siteA)
        #expect(sent.options.map(\.value) == ["Engineering", "Design", "Sales", "Legal"])
        #expect(sent.scheduleStartCodes?.count == 5)
        #expect(fixture.sandbox.codes(siteUrl: siteA).first { $0.id == "1" }?.name == "Dept.")
        #expect(fixture.session.history.undoStack.last?.change == .updated(before: original, after: try #require(editor.lastSaved)))
    }

    @Test func aMappedSiteRefusalMakesTheSiteReadOnlyNowAndInLaterSessions() async throws {
        let directory = TemporaryDirectory()
        let fixture = Fixture(directory: directory, selecting: mappedSite)
        let locked = try #require(fixture.sandbox.codes(siteUrl: mappedSite).first)
        let editor = TrackingCodeEditor(session: fixture.session, editing: locked)
        #expect(editor.readOnlyReason == nil)
        editor.name = "Renamed"

        #expect(await editor.save() == false)
        #expect(editor.saveError?.status == 403)
        #expect(fixture.session.isReadOnly)
        #expect(editor.readOnlyReason?.contains("mapped tracking codes") == true)
        #expect(!editor.canSave)

        let later = Fixture(directory: directory, selecting: mappedSite)
        #expect(later.session.readOnlyReason(for: mappedSite)?.contains("Control Hub") == true)
        #expect(later.session.readOnlyReason(for: siteA) == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: directory.paths.learnedReadOnlyFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

@Suite("Saving never overwrites a change made elsewhere")
@MainActor
struct LostUpdateTests {
    @Test func aCodeChangedOnWebexAfterOpeningIsNotOverwritten() async throws {
        let sandbox = try Sandbox.demo()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lost-update-\(UUID().uuidString)")
        let session = Session(token: AccessToken(Sandbox.demoToken), transport: SandboxTransport(sandbox),
                              baseURL: Sandbox.inProcessBaseURL,
                              paths: Paths(configDirectory: root, stateDirectory: root))
        session.select(Site(siteUrl: "acme.webex.com", isDefault: true))
        let original = try #require(sandbox.codes(siteUrl: "acme.webex.com").first { $0.name == "Campaign" })
        let editor = TrackingCodeEditor(session: session, editing: original, siteCodes: sandbox.codes(siteUrl: "acme.webex.com"))
        editor.name = "Campaign C"

        // Someone else replaces the options meanwhile.
        var theirs = original.draft
        theirs.options = [TrackingCodeOption(value: "Y1"), TrackingCodeOption(value: "Y2")]
        let other = WebexClient(baseURL: Sandbox.inProcessBaseURL, token: AccessToken(Sandbox.demoToken), transport: SandboxTransport(sandbox))
        _ = try await other.updateTrackingCode(id: original.id, theirs)

        #expect(await editor.save() == false)
        #expect(editor.saveError == .changedElsewhere(name: "Campaign", id: original.id))
        #expect(editor.name == "Campaign C")
        let now = try #require(sandbox.codes(siteUrl: "acme.webex.com").first { $0.id == original.id })
        #expect(now.options.map(\.value) == ["Y1", "Y2"])
        #expect(now.name == "Campaign")

        // Undoing an earlier edit is refused the same way once someone else changed the code.
        let second = TrackingCodeEditor(session: session, editing: now, siteCodes: sandbox.codes(siteUrl: "acme.webex.com"))
        second.name = "Campaign D"
        #expect(await second.save())
        var later = try #require(sandbox.codes(siteUrl: "acme.webex.com").first { $0.id == original.id }).draft
        later.name = "Campaign E"
        _ = try await other.updateTrackingCode(id: original.id, later)
        #expect(await session.history.undo() == false)
        #expect(sandbox.codes(siteUrl: "acme.webex.com").first { $0.id == original.id }?.name == "Campaign E")
    }
}
