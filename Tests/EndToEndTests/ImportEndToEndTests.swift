import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// The import pane in the real binary, in tmux, against `trackcodes sandbox` over loopback: `I`
/// from the code list, a users' values file, the preview (nothing sent), `y`, the report, and
/// `z` on the code list undoing the whole import.
@Suite("Import pane end to end", .serialized)
struct ImportEndToEndTests {
    /// Four demo users: three get a new Department (a select: an option) and Cost Center (text);
    /// Mohammed's row holds the values he already has.
    static let usersCSV = """
        email,Department,Cost Center
        wang.fang@acme.example.com,Sales,CC-9001
        minjun.kim@acme.example.com,Sales,CC-9002
        seoyeon.park@acme.example.com,Finance,CC-9003
        mohammed.alali@acme.example.com,Human Resources,CC-7730

        """

    static let emails = [
        "wang.fang@acme.example.com", "minjun.kim@acme.example.com",
        "seoyeon.park@acme.example.com", "mohammed.alali@acme.example.com",
    ]

    @Test func usersImportPreviewConfirmReportAndUndo() async throws {
        let sandbox = try SandboxProcess()
        let file = sandbox.home.appendingPathComponent("users.csv")
        try Data(Self.usersCSV.utf8).write(to: file)
        let before = try await sandbox.state()
        // Department is code 1, Cost Center code 3 in the demo data.
        #expect(before.values(of: "wang.fang@acme.example.com")["1"] == "Legal")
        #expect(before.values(of: "wang.fang@acme.example.com")["3"] == "CC-7730")

        let ui = try sandbox.startUI()
        try ui.waitFor(text: "Department")
        try ui.send("I")
        try ui.waitFor(text: "Enter read the file")
        try ui.type(file.path)
        try ui.send("Enter")

        let preview = try ui.waitFor(text: "3 changes to send")
        #expect(preview.contains("4 rows: 3 would change, 1 unchanged, 0 with errors"))
        #expect(preview.contains(
            "Line 2: Department: Legal → Sales; Cost Center: CC-7730 → CC-9001"))
        #expect(preview.contains("mohammed.alali@acme.example.com unchanged"))
        let afterPreview = try await sandbox.state()
        for email in Self.emails {
            #expect(afterPreview.values(of: email) == before.values(of: email))
        }

        try ui.send("y")
        let report = try ui.waitFor(text: "import finished")
        #expect(report.contains("4 rows: 3 changed, 1 unchanged, 0 with errors"))
        #expect(report.contains("Report (status and detail per row)"))
        let imported = try await sandbox.waitForState("the imported values") {
            $0.values(of: "seoyeon.park@acme.example.com")["3"] == "CC-9003"
        }
        #expect(imported.values(of: "wang.fang@acme.example.com")["1"] == "Sales")
        #expect(imported.values(of: "wang.fang@acme.example.com")["3"] == "CC-9001")
        #expect(imported.values(of: "minjun.kim@acme.example.com")["3"] == "CC-9002")
        #expect(imported.values(of: "seoyeon.park@acme.example.com")["1"] == "Finance")
        // The values the file does not name are kept.
        #expect(imported.values(of: "wang.fang@acme.example.com")["7"] == "São Paulo")
        let reportText = try String(
            contentsOf: sandbox.home.appendingPathComponent("users.csv.report.csv"),
            encoding: .utf8)
        #expect(reportText.contains("wang.fang@acme.example.com,Sales,CC-9001,changed,"))
        #expect(reportText.contains(
            "mohammed.alali@acme.example.com,Human Resources,CC-7730,unchanged,"))

        try ui.send("Enter")
        try ui.waitFor(text: "Billing Code")
        try ui.send("z")
        // The undo restores the users concurrently: wait for all of them, not the first.
        let undone = try await sandbox.waitForState("the values from before the import") { state in
            Self.emails.allSatisfy { state.values(of: $0) == before.values(of: $0) }
        }
        for email in Self.emails {
            #expect(undone.values(of: email) == before.values(of: email))
        }
    }
}
