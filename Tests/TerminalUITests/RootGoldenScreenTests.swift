import Foundation
import Testing
import TrackingCodesCore
import WebexAPI

@testable import TerminalUI

/// Golden screens of the root screen on the demo sandbox, with the clock and time zone pinned:
/// the code list at 80×24 (short labels, the schedule as one slot per service), alone with full
/// labels at 120×40 and beside its detail there after `i`, the history view, and the full
/// labels at 200×50.
@Suite("Root screen goldens") @MainActor
struct RootGoldenScreenTests {
    @Test func codeListAt80x24UsesShortLabelsSoNoCellIsCut() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        #expect(app.text == """
         Tracking codes · acme.webex.com                                         ? help
          Name ▲                 Mode       Opts Default        Profile MC  EC  TC  SC
          Billing Code           Select        3 B-100          adm     adm adm –   –
          Business Unit          Select        3                opt     opt opt opt opt
          Campaign               Editable      3                opt     opt opt opt opt
          Client Name            Text          0                –       opt –   –   req
          Cost Center            Text          0                opt     req req req req
          Department             Select        8 Engineering    opt     req opt –   –
          Division               Editable      4 Full-time      opt     opt req opt –
          Event Type             Select        4 Webinar        opt     –   req opt –
          Legacy Code            Text          0                –       –   –   –   –
          Office                 Select       10 Zürich         opt     opt –   –   –
          Project                Select      300 PRJ-1000 Lumen opt     opt opt opt opt
          Region                 Host sel      4 AMER           opt     –   –   –   –








         / filter · Space mark · d delete · n new · e edit · i detail · u user · s site
         acme.webex.com  read-write                                            12 codes
        """)
    }

    @Test func codeListAloneWithFullLabelsAt120x40() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        #expect(app.text == """
         Tracking codes · acme.webex.com                                                                                 ? help
          Name ▲                 Input mode            Options Default         Host profile   Schedule/start
          Billing Code           Select                      3 B-100           Admin set      MC adm · EC adm · TC – · SC –
          Business Unit          Select                      3                 Optional       All: optional
          Campaign               Editable select             3                 Optional       All: optional
          Client Name            Text                        0                 Not used       MC opt · EC – · TC – · SC req
          Cost Center            Text                        0                 Optional       All: required
          Department             Select                      8 Engineering     Optional       MC req · EC opt · TC – · SC –
          Division               Editable select             4 Full-time       Optional       MC opt · EC req · TC opt · SC –
          Event Type             Select                      4 Webinar         Optional       MC – · EC req · TC opt · SC –
          Legacy Code            Text                        0                 Not used       All: not used
          Office                 Select                     10 Zürich          Optional       MC opt · EC – · TC – · SC –
          Project                Select                    300 PRJ-1000 Lumen  Optional       All: optional
          Region                 Host profile select         4 AMER            Optional       All: not used
























         / filter · Space mark · d delete · n new · e edit · i detail · u user · s site · z undo · ? help · q quit · H history
         acme.webex.com  read-write                                                                                    12 codes
        """)
    }

    @Test func codeListBesideItsDetailAt120x40AfterI() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        await app.press(.char("i"))
        #expect(app.text == """
         Tracking codes · acme.webex.com                                                                                 ? help
          Name ▲                  Mode       Opts Default         Profile MC  EC  TC  SC  ┌─ Detail ───────────────────────────┐
          Billing Code            Select        3 B-100           adm     adm adm –   –   │ Billing Code                       │
          Business Unit           Select        3                 opt     opt opt opt opt │ id 6 on acme.webex.com             │
          Campaign                Editable      3                 opt     opt opt opt opt │                                    │
          Client Name             Text          0                 –       opt –   –   req │ Input mode    Select               │
          Cost Center             Text          0                 opt     req req req req │ Host profile  Admin set            │
          Department              Select        8 Engineering     opt     req opt –   –   │ Default       B-100                │
          Division                Editable      4 Full-time       opt     opt req opt –   │                                    │
          Event Type              Select        4 Webinar         opt     –   req opt –   │ Schedule/start                     │
          Legacy Code             Text          0                 –       –   –   –   –   │   Meeting Center: Admin set        │
          Office                  Select       10 Zürich          opt     opt –   –   –   │   Event Center: Admin set          │
          Project                 Select      300 PRJ-1000 Lumen  opt     opt opt opt opt │   Training Center: Not used        │
          Region                  Host sel      4 AMER            opt     –   –   –   –   │   Support Center: Not used         │
                                                                                          │                                    │
                                                                                          │ Options (3)                        │
                                                                                          │ * B-100                            │
                                                                                          │   B-200                            │
                                                                                          │   B-300                            │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          │                                    │
                                                                                          └────────────────────────────────────┘
         / filter · Space mark · d delete · n new · e edit · i detail · u user · s site · z undo · ? help · q quit · H history
         acme.webex.com  read-write                                                                                    12 codes
        """)
    }

    @Test func historyAt80x24ListsWhenWhichSiteAndWhat() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char(" "), .char("d"), .char("y"), .enter, .char("H"))
        #expect(app.text == """
         History of changes · acme.webex.com                                     ? help
        When     Site           Change                                            State
        15:06:40 acme.webex.com Deleted 'Billing Code' (bulk)                     done



















         Deleted 1 of 1 code.
         acme.webex.com  read-write                                    11 codes undo: 1
        """)
    }

    @Test func wideWindowsShowEveryLabelInFull() async throws {
        let app = try await RootHarness(columns: 200, rows: 50).started()
        defer { app.cleanUp() }
        let lines = app.text.components(separatedBy: "\n")
        #expect(lines[1].hasPrefix(
            "  Name ▲                        Input mode            Options Default"))
        #expect(lines[1].contains("Host profile   Schedule/start"))
        let region = try #require(lines.first { $0.hasPrefix("  Region") })
        #expect(region.contains("Host profile select         4 AMER"))
        let billing = try #require(lines.first { $0.hasPrefix("  Billing Code") })
        #expect(billing.contains("Admin set      MC adm · EC adm · TC – · SC –"))
        #expect(!app.text.contains("…"))
    }

    /// Rows where a frame (│ ┌ └ ┐ ┘) has a non-blank cell right beside it, outside: the end
    /// or start of a word the overlay cut.
    private func rowsWithCutWords(_ screen: String) -> [String] {
        let frames: Set<Character> = ["│", "┌", "└", "┐", "┘"]
        return screen.components(separatedBy: "\n").filter { line in
            let characters = Array(line)
            guard let first = characters.firstIndex(where: frames.contains),
                let last = characters.lastIndex(where: frames.contains)
            else { return false }
            let before = first > 0 ? characters[first - 1] : " "
            let after = last + 1 < characters.count ? characters[last + 1] : " "
            return before != " " || after != " "
        }
    }

    @Test func sitePickerAt80x24LeavesNoCutWordBesideItsFrame() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("s"))
        #expect(rowsWithCutWords(app.text) == [])
        #expect(app.text == """
         Tracking codes · acme.webex.com                                         ? help
          Name ▲                 Mode       Opts Default        Profile MC  EC  TC  SC
          Billing Code           Select        3 B-100          adm     adm adm –   –
          Business Unit          Select        3                opt     opt opt opt opt
          Campaign               Editable      3                opt     opt opt opt opt
          Client Name            Text          0                –       opt –   –   req
          Cost Center            Text          0                opt     req req req req
          Department             Select        8 Engineering    opt     req opt –   –
          Division               Editable      4 Full-time      opt     opt req opt –
          ┌─ Sites ──────────────────────────────────────────────────────────────────┐
          │ acme.webex.com  (preferred)  (current)                                   │
          │ acme-eu.webex.com                                                        │
          │ acme-apac.webex.com                                                      │
          │ acme-lab.webex.com                                                       │
          └──────────────────────────────────────────────────────────────────── 1/4 ─┘







         / filter · Space mark · d delete · n new · e edit · i detail · u user · s site
         acme.webex.com  read-write                                            12 codes
        """)
    }

    @Test func helpAndDialogsAt80x24LeaveNoCutWordBesideTheirFrames() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        await app.press(.char("?"))
        #expect(app.shell.isHelpVisible)
        #expect(rowsWithCutWords(app.text) == [], "\(app.text)")
        await app.press(.escape, .char("n"))
        await app.type("xyz")
        await app.press(.escape)
        #expect(app.text.contains("Discard this new code?"))
        #expect(rowsWithCutWords(app.text) == [], "\(app.text)")
    }

    @Test func helpAt80x24LeavesTheStatusBarAndTheCursorsHighlightUnbroken() async throws {
        let app = try await RootHarness().started()
        defer { app.cleanUp() }
        let under = app.driver.screen
        await app.press(.char("?"))
        let screen = app.driver.screen
        let status = Array(screen.row(23))
        let left = try #require(status.firstIndex(of: "└"))
        let right = try #require(status.firstIndex(of: "┘"))

        // The words beside the box go ("acme.webex.com" and "codes" of "12 codes")...
        #expect(String(status[..<left]).allSatisfy { $0 == " " })
        #expect(String(status[(right + 1)...]).allSatisfy { $0 == " " })
        #expect(rowsWithCutWords(app.text) == [], "\(app.text)")
        // ...but not their colours: the status bar and the highlight of the code under the
        // cursor stay bands up to the box, with no hole of the plain background in them.
        #expect(under[0, 2].style.background == Theme.standard.selection.background)
        for y in 0..<24 {
            for x in Array(0..<left) + Array((right + 1)..<80) {
                #expect(
                    screen[x, y].style.background == under[x, y].style.background,
                    "column \(x), row \(y)")
            }
        }
    }

    @Test func helpOverTheDetailAt120x40LeavesTheDetailsFrameWhole() async throws {
        let app = try await RootHarness(columns: 120, rows: 40).started()
        defer { app.cleanUp() }
        await app.press(.char("i"))
        let under = app.text.components(separatedBy: "\n")
        let edges = under.indices.filter { under[$0].hasSuffix("┐") || under[$0].hasSuffix("┘") }
        #expect(edges.count == 2, "the detail's top and bottom edges")

        await app.press(.char("?"))
        #expect(app.shell.isHelpVisible)
        let screen = app.text.components(separatedBy: "\n")
        for y in edges {
            // The edge runs on from the help's frame to its corner, as it did under the help.
            #expect(screen[y].hasSuffix(under[y].suffix(20)), "\(app.text)")
        }
    }
}
