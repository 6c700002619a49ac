import Foundation
import Testing
import TrackingCodesCore
import WebexAPI

@testable import TerminalUI

/// The terminal UI against each fault: a save that fails keeps the form as typed and shows
/// the status, Webex's words and the trackingId; a list that cannot be read says so and how to
/// retry. The journal holds every write that was tried; the token shows nowhere.
@MainActor
@Suite("Fault matrix: terminal UI", .serialized)
struct TUIFaultMatrixTests {
    static let newName = "Department (renamed)"

    @Test("TUI form save", arguments: Fault.allCases)
    func formSave(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .write)
        let app = RootScreenHarness(environment)
        await app.start()
        await app.edit("Department")
        let editor = try #require(app.editor, "the editor did not open:\n\(app.text)")

        await app.press(.ctrl("u"))
        await app.type(Self.newName)
        await app.press(.ctrl("s"))
        let screen = app.text

        // The form stays open with what was typed, saved or not.
        #expect(app.editor === editor)
        #expect(editor.editor.name == Self.newName)
        #expect(screen.contains(Self.newName))
        let lines = screen.components(separatedBy: "\n")
        if fault.succeeds {
            #expect(app.session.status?.text == "Saved '\(Self.newName)'.")
            #expect(lines[0].contains("Edit '\(Self.newName)'"))
            #expect(editor.editor.saveError == nil)
            if fault == .unknownEnumValues {
                // Values this version does not know are shown as Webex sent them.
                #expect(screen.contains("Input mode          multiSelect"), "\(screen)")
                #expect(screen.contains("Host profile        inheritedFromSite"), "\(screen)")
            }
        } else {
            // The refusal is pinned above the fields; the fields are as typed.
            #expect(lines[1].hasPrefix(" ✗ "), "\(screen)")
            #expect(editor.hasUnsavedChanges)
            FaultExpectations.expectReported(fault, in: Self.flattened(screen))
        }
        FaultExpectations.expectNoToken("the screen", in: screen)

        // The journal holds the intent with the whole change, and how it ended.
        let records = try app.session.journal.read().records
        let intent = try #require(records.first { $0.kind == .intent })
        #expect(intent.codeId == "1")
        #expect(intent.draft?.name == Self.newName)
        let outcome = try #require(
            records.first { $0.kind == .outcome && $0.operationId == intent.operationId })
        #expect(outcome.succeeded == fault.succeeds)
        FaultExpectations.expectNoToken(
            "the journal", in: try String(contentsOf: app.session.journal.fileURL, encoding: .utf8))
        for record in app.session.callLog.records {
            FaultExpectations.expectNoToken("the API log", in: "\(record)")
        }
    }

    @Test("TUI code list", arguments: Fault.allCases)
    func codeList(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .read)
        let app = RootScreenHarness(environment)
        await app.start()
        let screen = app.text

        if fault.succeeds {
            #expect(screen.contains("Department"))
            #expect(screen.contains("3 codes"), "\(screen)")
            if fault == .unknownEnumValues { #expect(screen.contains("multiSelect"), "\(screen)") }
        } else {
            #expect(screen.contains("Could not load the codes"), "\(screen)")
            #expect(Self.flattened(screen).contains("Press r to retry"), "\(screen)")
            FaultExpectations.expectReported(fault, in: Self.flattened(screen))
        }
        FaultExpectations.expectNoToken("the screen", in: screen)
    }

    /// The screen's text with its frame and line breaks taken out, so a message wrapped over
    /// several lines reads as one.
    static func flattened(_ screen: String) -> String {
        screen.split(separator: "\n")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
            .joined(separator: " ")
    }
}
