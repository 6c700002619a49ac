import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

@MainActor
@Suite("UserCodesPane: a user's values")
struct UserCodesPaneTests {
    /// Alice has a Department value on alpha, nothing else.
    static let aliceWithDepartment = SandboxUser(
        personId: alice.personId, email: alice.email, displayName: alice.displayName, values: [siteA: ["1": "Sales"]])

    func fixture(wrap: @escaping (any HTTPTransport) -> any HTTPTransport = { $0 }) -> Fixture {
        Fixture(users: [Self.aliceWithDepartment, bob], wrap: wrap)
    }

    @Test func anAtSignMeansEmailOtherwisePersonId() {
        #expect(UserCodesPane.userReference(from: " alice@example.com ") == .email("alice@example.com"))
        #expect(UserCodesPane.userReference(from: "UEVPUExFL2FsaWNl") == .personId("UEVPUExFL2FsaWNl"))
        #expect(UserCodesPane.userReference(from: "   ") == nil)
    }

    @Test func listsEverySiteCodeWithTheUsersValueBesideIt() async {
        let pane = UserCodesPane(session: fixture().session)
        #expect(await pane.find("ALICE@example.com"))
        #expect(pane.rows.map(\.name) == ["Department", "Division", "Cost Center"])
        #expect(pane.rows.map(\.value) == ["Sales", nil, nil])
        #expect(pane.userTitle == "alice@example.com")
        #expect(pane.rows.map(\.input) == [.pick(["Engineering", "Design", "Sales"]), .pickOrType(["Full-time", "Part-time"]), .freeText])
    }

    @Test func findsByPersonIdToo() async {
        let pane = UserCodesPane(session: fixture().session)
        #expect(await pane.find(alice.personId))
        #expect(pane.user == .personId(alice.personId))
        #expect(pane.rows.first?.savedValue == "Sales")
    }

    @Test func anUnknownUserIsAClearError() async {
        let fixture = fixture()
        let pane = UserCodesPane(session: fixture.session)
        #expect(await pane.find("nobody@example.com") == false)
        #expect(pane.lookupError?.status == 404)
        #expect(pane.rows.isEmpty)
        #expect(fixture.session.status?.text == "No user 'nobody@example.com' on \(siteA). Check the address or personId.")
    }

    @Test func selectValuesMustBeOptionsAndValuesCannotBeEmptied() async {
        let requests = RequestLog()
        let pane = UserCodesPane(session: fixture(wrap: { InspectingTransport(base: $0, inspect: requests.append) }).session)
        await pane.find("alice@example.com")

        pane.setValue("Astrology", forCodeID: "1")
        #expect(pane.rows[0].problem == "'Astrology' is not one of the options of 'Department' (select codes take only their options)")
        pane.setValue("", forCodeID: "3")
        #expect(pane.rows[2].problem == "The value for 'Cost Center' cannot be empty")
        pane.setValue("Anything goes", forCodeID: "2")  // editableSelect takes free text
        #expect(pane.rows[1].problem == nil)

        #expect(await pane.save() == false)
        #expect(requests.writes.isEmpty)
        #expect(pane.saveError == .invalidUserValues(pane.problems))
        #expect(pane.problems.count == 2)
        #expect(pane.rows[0].editedValue == "Astrology")  // kept for the user to fix
    }

    @Test func savingSendsTheFullListAndRecordsTheChange() async throws {
        let requests = RequestLog()
        let fixture = fixture(wrap: { InspectingTransport(base: $0, inspect: requests.append) })
        let pane = UserCodesPane(session: fixture.session)
        await pane.find("alice@example.com")

        pane.setValue("CC-42", forCodeID: "3")
        pane.setValue("Full-time", forCodeID: "2")
        #expect(pane.hasEdits)
        #expect(await pane.save())

        let put = try #require(requests.writes.first)
        let sent = try body(UserTrackingCodesUpdate.self, of: put)
        #expect(sent.email == "alice@example.com")
        #expect(sent.siteUrl == siteA)
        // The kept Department value goes too, so a replacing server would not drop it.
        #expect(sent.trackingCodes == [
            .init(name: "Department", value: "Sales"), .init(name: "Division", value: "Full-time"),
            .init(name: "Cost Center", value: "CC-42"),
        ])
        #expect(fixture.sandbox.userValues(siteUrl: siteA, email: "alice@example.com")
                == ["Department": "Sales", "Division": "Full-time", "Cost Center": "CC-42"])
        #expect(!pane.hasEdits)
        #expect(pane.rows.map(\.savedValue) == ["Sales", "Full-time", "CC-42"])
        #expect(fixture.session.history.undoStack.last?.change == .userValuesChanged(
            user: .email("alice@example.com"),
            before: [.init(name: "Department", value: "Sales")],
            after: sent.trackingCodes))
    }

    @Test func aValueThatIsNoLongerAnOptionBlocksTheSaveUntilFixed() async throws {
        let fixture = fixture()
        let pane = UserCodesPane(session: fixture.session)
        // Someone removes "Sales" from Department after Alice picked it.
        var department = try #require(fixture.sandbox.codes(siteUrl: siteA).first)
        department.options.removeAll { $0.value == "Sales" }
        _ = try await fixture.session.client.updateTrackingCode(id: "1", department.draft)
        await pane.find("alice@example.com")

        #expect(pane.rows[0].problem?.hasPrefix("Current value: 'Sales' is not one of the options") == true)
        pane.setValue("x", forCodeID: "3")
        #expect(await pane.save() == false)
        pane.setValue("Design", forCodeID: "1")
        #expect(await pane.save())
    }

    @Test func revertDropsTheEdit() async {
        let pane = UserCodesPane(session: fixture().session)
        await pane.find("alice@example.com")
        pane.setValue("Design", forCodeID: "1")
        pane.setValue("x", forCodeID: "3")
        pane.revert(codeID: "1")
        #expect(pane.rows[0].value == "Sales")
        #expect(pane.hasEdits)
        pane.revertAll()
        #expect(!pane.hasEdits)
        // Setting the saved value back is no edit either.
        pane.setValue("Sales", forCodeID: "1")
        #expect(!pane.hasEdits)
    }

    @Test func switchingSitesForgetsTheUser() async {
        let fixture = fixture()
        let pane = UserCodesPane(session: fixture.session)
        await pane.find("alice@example.com")
        fixture.session.select(Site(siteUrl: siteB, isDefault: false))
        #expect(pane.user == nil)
        #expect(pane.rows.isEmpty)
    }
}
