import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

/// Whole stories on the demo organisation, the way an admin would go through them.
@MainActor
@Suite("Stories on the demo sandbox")
struct DemoStoryTests {
    func demoSession(_ directory: TemporaryDirectory) throws -> (Session, Sandbox) {
        let sandbox = try Sandbox.demo()
        let session = Session(token: AccessToken(Sandbox.demoToken), transport: SandboxTransport(sandbox),
                              baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: directory.paths)
        return (session, sandbox)
    }

    @Test func pickTheDefaultSiteFindAProjectRenameItAndUndo() async throws {
        let directory = TemporaryDirectory()
        let (session, sandbox) = try demoSession(directory)
        let picker = SitePicker(session: session)
        #expect(await picker.load())
        let site = try #require(session.siteUrl)
        #expect(picker.rows.first?.isDefault == true)

        let list = CodeList(session: session)
        #expect(await list.refresh())
        #expect(list.totalCount == sandbox.codes(siteUrl: site).count)
        let project = try #require(sandbox.codes(siteUrl: site).max { $0.options.count < $1.options.count })
        list.setFilter(String(project.name.prefix(4)).uppercased())
        #expect(list.shownRows.contains { $0.id == project.id })
        list.select(id: project.id)
        #expect(list.selectedRow?.optionCount == project.options.count)

        let editor = TrackingCodeEditor(session: session, editing: try #require(list.selectedCode), siteCodes: list.allCodes)
        #expect(editor.violations.isEmpty)
        editor.name = project.name + " (2026)"
        #expect(await editor.save())
        #expect(list.code(id: project.id)?.name == project.name + " (2026)")

        #expect(await session.history.undo())
        #expect(sandbox.codes(siteUrl: site).first { $0.id == project.id } == project)
        #expect(list.code(id: project.id)?.name == project.name)
    }

    @Test func theMappedSiteTurnsReadOnlyOnTheFirstRefusedWrite() async throws {
        let directory = TemporaryDirectory()
        let (session, sandbox) = try demoSession(directory)
        let mapped = try #require(sandbox.dataset.sites.first { $0.hasMappedCodes }).siteUrl
        let picker = SitePicker(session: session)
        await picker.load()
        #expect(picker.choose(siteUrl: mapped))

        let list = CodeList(session: session)
        await list.refresh()
        list.markAllShown()
        let job = BulkDeleteJob(session: session, codes: list.markedCodes, concurrency: 1)
        await job.run()

        #expect(job.deletedCount == 0)
        #expect(session.isReadOnly)
        #expect(picker.rows.first { $0.siteUrl == mapped }?.readOnlyReason?.contains("Control Hub") == true)
        // Only one delete reached Webex; the rest were refused here. Which one is not fixed: the
        // job keeps two deletes in progress, and either may get the request slot first.
        let refusedHere = job.items.filter { if case .readOnly = $0.error { true } else { false } }
        #expect(refusedHere.count == job.items.count - 1)
        #expect(sandbox.codes(siteUrl: mapped).count == list.totalCount)
    }
}
