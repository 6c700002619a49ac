import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// The user pane in the real binary, in tmux, against `trackcodes sandbox` over loopback: `u`
/// from the code list, look a user up by email and by personId, change a value, save.
@Suite("User pane end to end", .serialized)
struct UserCodesEndToEndTests {
    static let liWeiPersonId =
        "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wMDc2MmUxMy1mMjEyLTQwYTctOTEzNS1lODdjNGUzNzNkMDg"

    @Test func lookUpByEmailAndByPersonIdAndChangeValues() async throws {
        let sandbox = try SandboxProcess(keepsState: true)
        let ui = try sandbox.startUI()
        try ui.waitFor(text: "Department")

        try ui.send("u")
        try ui.waitFor(text: "Find user")
        try ui.type("wang.fang@acme.example.com")
        try ui.send("Enter")
        try ui.waitFor(text: "wang.fang@acme.example.com: 4 of")

        // Department is the first row; its picker starts on the current value, Legal.
        try ui.send("Enter")
        try ui.send("g")
        try ui.send("Enter")
        try ui.waitFor(text: "* Engineering")
        try ui.send("F2")
        let afterEmail = try await sandbox.waitForState("Wang Fang's new Department") {
            $0.values(of: "wang.fang@acme.example.com")["1"] == "Engineering"
        }
        // The full list was sent: the values not edited are still there.
        #expect(afterEmail.values(of: "wang.fang@acme.example.com") == [
            "1": "Engineering", "11": "Contoso GmbH", "3": "CC-7730", "7": "São Paulo",
        ])
        try ui.waitForAbsence(of: "* Engineering")

        try ui.send("/")
        try ui.type(Self.liWeiPersonId)
        try ui.send("Enter")
        try ui.waitFor(text: "北京分公司")
        // Cost Center, a text code, is the third row.
        try ui.send("Down")
        try ui.send("Down")
        try ui.send("Enter")
        try ui.waitFor(text: "Value for 'Cost Center'")
        try ui.send("C-u")
        try ui.type("CC-42")
        try ui.send("Enter")
        try ui.waitFor(text: "* CC-42")
        try ui.send("C-s")
        let afterId = try await sandbox.waitForState("Li Wei's new Cost Center") {
            $0.values(of: "li.wei@acme.example.com")["3"] == "CC-42"
        }
        #expect(afterId.values(of: "li.wei@acme.example.com")["2"] == "Full-time")
    }
}
