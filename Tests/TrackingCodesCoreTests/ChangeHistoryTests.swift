import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

@MainActor
@Suite("ChangeHistory: undo and redo through the API")
struct ChangeHistoryTests {
    func sandboxCode(_ fixture: Fixture, named name: String) -> TrackingCode? {
        fixture.sandbox.codes(siteUrl: siteA).first { $0.name == name }
    }

    @Test func undoOfACreateDeletesAndRedoCreatesAgainUnderANewId() async throws {
        let fixture = Fixture()
        let editor = TrackingCodeEditor(session: fixture.session, creatingOn: siteA)
        editor.name = "Badge"
        editor.addOption("Blue")
        #expect(await editor.save())
        let created = try #require(editor.lastSaved)
        let history = fixture.session.history

        #expect(await history.undo())
        #expect(sandboxCode(fixture, named: "Badge") == nil)
        #expect(history.canRedo && !history.canUndo)

        #expect(await history.redo())
        let again = try #require(sandboxCode(fixture, named: "Badge"))
        #expect(again.id != created.id)
        #expect(fixture.session.status?.text.hasPrefix("Re-created 'Badge' as id \(again.id) (was \(created.id))") == true)
        #expect(history.currentID(of: created.id, siteUrl: siteA) == again.id)

        // Undo again must delete the code under its new id.
        #expect(await history.undo())
        #expect(sandboxCode(fixture, named: "Badge") == nil)
    }

    @Test func undoOfAnEditPutsTheOldObjectBack() async throws {
        let fixture = Fixture()
        let original = try #require(sandboxCode(fixture, named: "Department"))
        let editor = TrackingCodeEditor(session: fixture.session, editing: original)
        editor.name = "Dept."
        editor.removeOption(at: 2)
        #expect(await editor.save())

        #expect(await fixture.session.history.undo())
        #expect(fixture.sandbox.codes(siteUrl: siteA).first { $0.id == "1" } == original)
        #expect(fixture.session.status?.text == "Reverted 'Department' (id 1).")

        #expect(await fixture.session.history.redo())
        let redone = try #require(fixture.sandbox.codes(siteUrl: siteA).first { $0.id == "1" })
        #expect(redone.name == "Dept.")
        #expect(redone.options.count == 2)
    }

    @Test func undoOfADeleteRestoresUnderANewIdAndLaterStepsFollowIt() async throws {
        let fixture = Fixture()
        let history = fixture.session.history
        let original = try #require(sandboxCode(fixture, named: "Department"))

        // Edit, then delete.
        let editor = TrackingCodeEditor(session: fixture.session, editing: original)
        editor.name = "Dept."
        #expect(await editor.save())
        let edited = try #require(editor.lastSaved)
        let list = await fixture.loadedList()
        try await fixture.session.writer.delete(edited)
        history.record(.deleted(edited), siteUrl: siteA)

        // Undo the delete: a new id, and the message says so.
        #expect(await history.undo())
        let restored = try #require(sandboxCode(fixture, named: "Dept."))
        #expect(restored.id != "1")
        #expect(fixture.session.status?.text.hasPrefix("Restored 'Dept.' as id \(restored.id) (was 1)") == true)
        #expect(list.code(id: restored.id)?.name == "Dept.")

        // Undo the edit: the PUT goes to the new id.
        #expect(await history.undo())
        let reverted = try #require(fixture.sandbox.codes(siteUrl: siteA).first { $0.id == restored.id })
        #expect(reverted.name == "Department")
        #expect(reverted.options == original.options)

        // Redo both: the edit, then the delete of the new id.
        #expect(await history.redo())
        #expect(await history.redo())
        #expect(fixture.sandbox.codes(siteUrl: siteA).allSatisfy { $0.name != "Dept." && $0.name != "Department" })
        #expect(fixture.session.status?.text == "Deleted again 'Dept.': deleted id \(restored.id).")
    }

    @Test func undoOfAUserChangeRestoresOldValuesAndSaysWhatCannotBeUnset() async throws {
        let alice = SandboxUser(personId: alice.personId, email: alice.email, displayName: "Alice", values: [siteA: ["1": "Sales"]])
        let fixture = Fixture(users: [alice])
        let pane = UserCodesPane(session: fixture.session)
        await pane.find(alice.email)
        pane.setValue("Design", forCodeID: "1")
        pane.setValue("CC-1", forCodeID: "3")
        #expect(await pane.save())

        #expect(await fixture.session.history.undo())
        #expect(fixture.sandbox.userValues(siteUrl: siteA, email: alice.email) == ["Department": "Sales", "Cost Center": "CC-1"])
        let message = try #require(fixture.session.status?.text)
        #expect(message.contains("Webex has no way to remove a user's value, so 'Cost Center' keeps 'CC-1'"))

        #expect(await fixture.session.history.redo())
        #expect(fixture.sandbox.userValues(siteUrl: siteA, email: alice.email) == ["Department": "Design", "Cost Center": "CC-1"])
    }

    @Test func aBulkDeleteIsOneStepAndComesBackWithNewIds() async throws {
        let fixture = Fixture()
        let history = fixture.session.history
        let victims = fixture.sandbox.codes(siteUrl: siteA)
        let job = BulkDeleteJob(session: fixture.session, codes: victims)
        await job.run()
        #expect(fixture.sandbox.codes(siteUrl: siteA).isEmpty)
        #expect(history.rows.map(\.summary) == ["Deleted 3 codes"])

        #expect(await history.undo())
        let restored = fixture.sandbox.codes(siteUrl: siteA)
        #expect(restored.map(\.name).sorted() == victims.map(\.name).sorted())
        #expect(Set(restored.map(\.id)).isDisjoint(with: victims.map(\.id)))
        #expect(fixture.session.status?.text.hasPrefix("Restored 3 of 3 codes with new ids: 'Cost Center' 3→") == true)
        for victim in victims {
            let now = history.currentID(of: victim.id, siteUrl: siteA)
            #expect(restored.first { $0.id == now }?.name == victim.name)
        }

        #expect(await history.redo())
        #expect(fixture.sandbox.codes(siteUrl: siteA).isEmpty)
    }

    @Test func aHalfFailedBulkUndoKeepsTheRestToRetry() async throws {
        let fixture = Fixture()
        let history = fixture.session.history
        await BulkDeleteJob(session: fixture.session, codes: fixture.sandbox.codes(siteUrl: siteA)).run()
        // Someone creates a new "Division": restoring ours would clash (409).
        _ = try await fixture.session.client.createTrackingCode(
            TrackingCodeDraft(name: "Division", siteUrl: siteA, options: [.init(value: "x")], inputMode: .select))

        #expect(await history.undo() == false)
        #expect(fixture.session.status?.severity == .error)
        #expect(fixture.session.status?.text.contains("Failed: 'Division'") == true)
        #expect(fixture.sandbox.codes(siteUrl: siteA).count == 3)  // two restored + the newcomer
        guard case .bulkDeleted(let stuck) = history.undoStack.last?.change,
              case .bulkDeleted(let moved) = history.redoStack.last?.change else {
            Issue.record("expected the entry to be split")
            return
        }
        #expect(stuck.map(\.name) == ["Division"])
        #expect(moved.map(\.name).sorted() == ["Cost Center", "Department"])
    }

    @Test func aNewChangeClearsRedoAndTheListShowsNewestFirst() async throws {
        let fixture = Fixture()
        let history = fixture.session.history
        for name in ["One", "Two"] {
            let editor = TrackingCodeEditor(session: fixture.session, creatingOn: siteA)
            editor.name = name
            editor.setInputMode(.text)
            #expect(await editor.save())
        }
        #expect(await history.undo())
        #expect(history.rows.map { "\($0.summary)\($0.isUndone ? " (undone)" : "")" }
                == ["Created 'Two' (undone)", "Created 'One'"])
        #expect(history.rows.allSatisfy { $0.siteUrl == siteA && $0.at == Date(timeIntervalSince1970: 1_750_000_000) })

        let editor = TrackingCodeEditor(session: fixture.session, creatingOn: siteA)
        editor.name = "Three"
        editor.setInputMode(.text)
        #expect(await editor.save())
        #expect(!history.canRedo)
        #expect(history.rows.map(\.summary) == ["Created 'Three'", "Created 'One'"])
    }

    @Test func withNothingToUndoItSaysSo() async {
        let fixture = Fixture()
        #expect(await fixture.session.history.undo() == false)
        #expect(fixture.session.status?.text == "Nothing to undo.")
        #expect(await fixture.session.history.redo() == false)
        #expect(fixture.session.status?.text == "Nothing to redo.")
    }

    @Test func undoOnAReadOnlySiteChangesNothing() async throws {
        let fixture = Fixture()
        let created = try await fixture.session.writer.create(TrackingCodeDraft(name: "Keep", siteUrl: siteA))
        fixture.session.history.record(.created(created), siteUrl: siteA)
        fixture.session.learnReadOnly(siteUrl: siteA, reason: "test")

        #expect(await fixture.session.history.undo() == false)
        #expect(sandboxCode(fixture, named: "Keep") != nil)
        #expect(fixture.session.history.canUndo)
        #expect(fixture.session.status?.text.contains("read-only") == true)
    }

    @Test func undoOfAChangeOnAReadOnlySiteNamesThatSiteNotTheCurrentOne() async throws {
        let fixture = Fixture(selecting: siteB)
        let created = try await fixture.session.writer.create(
            TrackingCodeDraft(name: "Keep", siteUrl: siteA))
        fixture.session.history.record(.created(created), siteUrl: siteA)
        fixture.session.learnReadOnly(siteUrl: siteA, reason: "its codes are mapped")
        let requests = fixture.sandbox.handledRequestCount

        #expect(await fixture.session.history.undo() == false)
        let text = try #require(fixture.session.status?.text)
        #expect(text.contains(siteA), "\(text)")
        #expect(!text.contains(siteB), "\(text)")
        #expect(text.contains("its codes are mapped"), "\(text)")
        #expect(fixture.sandbox.handledRequestCount == requests)
        #expect(fixture.session.history.canUndo)
    }

    @Test func aReadOnlyCurrentSiteDoesNotStopUndoingAChangeOnAnother() async throws {
        let fixture = Fixture(selecting: siteA)
        let created = try await fixture.session.writer.create(
            TrackingCodeDraft(name: "Gone", siteUrl: siteA))
        fixture.session.history.record(.created(created), siteUrl: siteA)
        fixture.session.select(Site(siteUrl: siteB, isDefault: false))
        fixture.session.learnReadOnly(siteUrl: siteB, reason: "its codes are mapped")

        #expect(await fixture.session.history.undo())
        #expect(sandboxCode(fixture, named: "Gone") == nil)
        #expect(await fixture.session.history.redo())
        #expect(sandboxCode(fixture, named: "Gone") != nil)
    }

    @Test func restoresAreJournaledWithTheIdTheyReplace() async throws {
        let fixture = Fixture()
        let department = try #require(sandboxCode(fixture, named: "Department"))
        try await fixture.session.writer.delete(department)
        fixture.session.history.record(.deleted(department), siteUrl: siteA)
        #expect(await fixture.session.history.undo())

        let restore = try #require(try fixture.journalRecords().last { $0.kind == .intent })
        #expect(restore.action == .create)
        #expect(restore.restoresCodeId == "1")
    }
}
