import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

@MainActor
@Suite("Session: read-only state, status, busy and cancel, API log")
struct SessionTests {
    @Test func readOnlyComesFromTheSwitchTheSettingsOrWhatWasLearned() {
        let global = Fixture(readOnly: true)
        #expect(global.session.isReadOnly)
        #expect(global.session.readOnlyReason(for: siteB) == "trackcodes was started with --read-only")

        let configured = Fixture(settings: Settings(readOnlySites: ["ALPHA.webex.com"]))
        #expect(configured.session.isReadOnly)
        #expect(configured.session.readOnlyReason(for: siteA)?.contains("readOnlySites") == true)
        #expect(configured.session.readOnlyReason(for: siteB) == nil)

        let learning = Fixture()
        #expect(!learning.session.isReadOnly)
        learning.session.learnReadOnly(siteUrl: siteA, reason: "mapped")
        #expect(learning.session.isReadOnly)
        #expect(learning.session.readOnlyReason(for: siteA)?.hasPrefix("mapped; remembered in ") == true)
        #expect(learning.session.readOnlyReason(for: siteA)?.hasSuffix("delete that file to try again") == true)
    }

    @Test func aSiteLearnedReadOnlyOnOneServerIsWritableOnAnother() throws {
        let first = Fixture()
        first.session.learnReadOnly(siteUrl: siteA, reason: "mapped")
        let sameFiles = Session(
            client: WebexClient(baseURL: URL(string: "http://127.0.0.1:18090/v1")!, token: AccessToken("t"),
                                transport: SandboxTransport(try Sandbox.demo())),
            callLog: APICallLog(), paths: first.session.paths)
        #expect(sameFiles.readOnlyReason(for: siteA) == nil)
        let sameServer = Session(client: first.session.client, callLog: APICallLog(), paths: first.session.paths)
        #expect(sameServer.readOnlyReason(for: siteA) != nil)
    }

    @Test func writesToAReadOnlySiteAreRefusedWithoutARequestOrJournalLine() async throws {
        let requests = RequestLog()
        let fixture = Fixture(readOnly: true, wrap: { InspectingTransport(base: $0, inspect: requests.append) })
        await #expect(throws: OperationError.readOnly(siteUrl: siteA, reason: "trackcodes was started with --read-only")) {
            try await fixture.session.writer.create(TrackingCodeDraft(name: "X", siteUrl: siteA))
        }
        #expect(requests.all.isEmpty)
        #expect(try fixture.journalRecords().isEmpty)
    }

    @Test func everyChangeBumpsTheRevisionAndCallsOnChange() async {
        let fixture = Fixture()
        var calls = 0
        fixture.session.onChange = { calls += 1 }
        let before = fixture.session.revision
        let list = CodeList(session: fixture.session)
        await list.refresh()
        #expect(fixture.session.revision > before)
        #expect(calls == fixture.session.revision - before)
        let listRevision = list.revision
        list.setFilter("dep")
        #expect(list.revision == listRevision + 1)
    }

    @Test func busyWhileARequestIsInFlightAndEscCancelsIt() async {
        let gate = RequestGate()
        let fixture = Fixture(wrap: { GatedTransport(base: $0, gate: gate) })
        let list = CodeList(session: fixture.session)
        #expect(!fixture.session.isBusy)

        let loading = Task { await list.refresh() }
        await gate.waitForArrivals(1)
        #expect(fixture.session.isBusy)
        #expect(list.isBusy)

        fixture.session.cancelRunningWork()
        #expect(await loading.value == false)
        #expect(list.loadError?.isCancelled == true)
        #expect(!fixture.session.isBusy)
        #expect(fixture.session.status?.text.hasSuffix("cancelled.") == true)
        #expect(fixture.session.status?.severity == .warning)
    }

    @Test func aCancelledReloadSaysTheListKeepsWhatWasLoadedBefore() async {
        let gate = RequestGate()
        let fixture = Fixture(wrap: { GatedTransport(base: $0, gate: gate) })
        let list = CodeList(session: fixture.session)
        let first = Task { await list.refresh() }
        await gate.waitForArrivals(1)
        await gate.releaseOne()
        #expect(await first.value)
        let shown = list.totalCount

        let reloading = Task { await list.refresh() }
        await gate.waitForArrivals(2)
        fixture.session.cancelRunningWork()
        #expect(await reloading.value == false)
        #expect(list.totalCount == shown)
        #expect(fixture.session.status?.text
            == "Reload of \(siteA) cancelled; the list shows the codes loaded before.")
        #expect(fixture.session.status?.severity == .warning)
    }

    @Test func cancellingTheCallersTaskCancelsTheWorkToo() async {
        let gate = RequestGate()
        let fixture = Fixture(wrap: { GatedTransport(base: $0, gate: gate) })
        let editor = TrackingCodeEditor(session: fixture.session, creatingOn: siteA)
        editor.name = "Slow"
        editor.setInputMode(.text)

        let saving = Task { await editor.save() }
        await gate.waitForArrivals(1)
        saving.cancel()
        #expect(await saving.value == false)
        #expect(editor.saveError?.isCancelled == true)
        #expect(editor.name == "Slow")
        #expect(fixture.sandbox.codes(siteUrl: siteA).allSatisfy { $0.name != "Slow" })
    }

    @Test func theAPICallLogKeepsTheLastCallsWithoutTheToken() async throws {
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes()))
        let session = Session(token: AccessToken(Sandbox.demoToken), transport: SandboxTransport(sandbox),
                              baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: directory.paths,
                              callLogCapacity: 3)
        for site in [siteA, siteB, siteA, siteB, "unknown.webex.com"] {
            _ = try? await session.client.listTrackingCodes(siteUrl: site)
        }

        let records = session.callLog.records
        #expect(session.callLog.totalRecorded == 5)
        #expect(records.map(\.path) == [
            "/admin/meeting/config/trackingCodes?siteUrl=\(siteA)",
            "/admin/meeting/config/trackingCodes?siteUrl=\(siteB)",
            "/admin/meeting/config/trackingCodes?siteUrl=unknown.webex.com",
        ])
        #expect(records.map(\.status) == [200, 200, 404])
        #expect(records.allSatisfy { !$0.trackingId.isEmpty })
        #expect(!"\(records)".contains(Sandbox.demoToken))
    }

    @Test func statusMessagesCarrySeverityAndTime() {
        let fixture = Fixture()
        fixture.session.report("Saved.", severity: .success)
        #expect(fixture.session.status == StatusMessage("Saved.", severity: .success, at: Date(timeIntervalSince1970: 1_750_000_000)))
        fixture.session.report(.noSiteSelected, doing: "Could not load")
        #expect(fixture.session.status?.text == "Could not load: Choose a site first.")
        #expect(fixture.session.status?.severity == .error)
        fixture.session.clearStatus()
        #expect(fixture.session.status == nil)
    }

    @Test func newsFadesAfterItsLifetimeAndProblemsStayUntilTheNextAction() {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
        let directory = TemporaryDirectory()
        let session = Session(
            token: AccessToken(Sandbox.demoToken),
            transport: SandboxTransport(Sandbox(dataset: smallDataset(codes: standardCodes()))),
            baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: directory.paths,
            clock: { clock.now })
        session.statusLifetime = 5

        session.report("Saved 'Travel'.", severity: .success)
        #expect(session.statusExpiry == clock.now.addingTimeInterval(5))
        session.acknowledgeStatus()
        #expect(session.status?.text == "Saved 'Travel'.")
        clock.advance(by: 4)
        #expect(!session.expireStatus())
        #expect(session.status != nil)
        clock.advance(by: 1)
        #expect(session.expireStatus())
        #expect(session.status == nil)
        #expect(session.statusExpiry == nil)

        for severity in [StatusMessage.Severity.warning, .error] {
            session.report("Could not save.", severity: severity)
            #expect(session.statusExpiry == nil)
            clock.advance(by: 3600)
            #expect(!session.expireStatus())
            #expect(session.status?.text == "Could not save.")
            session.acknowledgeStatus()
            #expect(session.status == nil)
        }
    }

    @Test func anUnreadableLearnedListIsAWarningNotAFailure() throws {
        let directory = TemporaryDirectory()
        let file = directory.paths.learnedReadOnlyFile
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[oops".utf8).write(to: file)
        let fixture = Fixture(directory: directory)
        #expect(fixture.session.status?.severity == .warning)
        #expect(!fixture.session.isReadOnly)
    }
}

@MainActor
@Suite("SitePicker")
struct SitePickerTests {
    @Test func thePreferredSiteComesFirstAndIsChosenWhenNoneIs() async {
        let fixture = Fixture(settings: Settings(readOnlySites: [siteB]), selecting: nil)
        let picker = SitePicker(session: fixture.session)
        #expect(await picker.load())

        #expect(picker.rows.map(\.siteUrl) == [siteA, siteB, mappedSite])
        #expect(picker.rows.map(\.isDefault) == [true, false, false])
        #expect(picker.cursor == 0)
        #expect(fixture.session.siteUrl == siteA)
        #expect(picker.rows[0].isCurrent)
        #expect(picker.rows[1].readOnlyReason?.contains("readOnlySites") == true)
        #expect(picker.rows[2].readOnlyReason == nil)
    }

    @Test func choosingASiteMakesItCurrentAndALearnedRefusalShowsAtOnce() async {
        let fixture = Fixture(selecting: nil)
        let picker = SitePicker(session: fixture.session)
        await picker.load()
        picker.moveCursor(by: 5)
        #expect(picker.cursor == 2)
        #expect(picker.chooseHighlighted()?.siteUrl == mappedSite)
        #expect(fixture.session.siteUrl == mappedSite)

        fixture.session.learnReadOnly(siteUrl: mappedSite, reason: "mapped codes")
        #expect(picker.rows[2].readOnlyReason?.hasPrefix("mapped codes; remembered in ") == true)

        #expect(picker.choose(siteUrl: "BETA.webex.com"))
        #expect(fixture.session.siteUrl == siteB)
        #expect(picker.choose(siteUrl: "nope.webex.com") == false)
        #expect(fixture.session.status?.text.contains("No site 'nope.webex.com'") == true)
    }

    @Test func keepsTheCurrentSiteWhenReloading() async {
        let fixture = Fixture(selecting: siteB)
        let picker = SitePicker(session: fixture.session)
        await picker.load()
        #expect(fixture.session.siteUrl == siteB)
        #expect(picker.highlightedRow?.siteUrl == siteB)
    }
}
