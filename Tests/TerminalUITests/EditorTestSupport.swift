import Foundation
import TrackingCodesCore
import WebexAPI
import WebexSandbox

@testable import TerminalUI

// Shared by the code editor and user pane tests: a small sandbox organisation, a session on it
// with a pinned clock and temporary files, and a host screen showing one pane full-window.

let formSite = "acme.webex.com"

func formCode(
    _ id: String, _ name: String, mode: InputMode = .select, options: [String] = [],
    defaultIndex: Int? = nil, host: HostProfileCode = .optional,
    schedule: ScheduleStartType = .optional
) -> TrackingCode {
    TrackingCode(
        id: id, name: name, siteUrl: formSite,
        options: options.enumerated().map {
            TrackingCodeOption(value: $1, defaultValue: $0 == defaultIndex)
        },
        inputMode: mode, hostProfileCode: host,
        scheduleStartCodes: TrackingCodeRules.normalizedScheduleStartCodes(
            [.init(service: .all, type: schedule)]))
}

/// Four codes, one of each input mode, and two users with some values.
func formCodes() -> [TrackingCode] {
    [
        formCode("1", "Department", options: ["Engineering", "Design", "Sales"], defaultIndex: 1),
        formCode("2", "Division", mode: .editableSelect, options: ["Full-time", "Part-time"]),
        formCode("3", "Cost Center", mode: .text),
        formCode("4", "Region", mode: .hostProfileSelect, options: ["EMEA", "APAC"],
                 schedule: .notUsed),
    ]
}

let formAlice = SandboxUser(
    personId: "UEVPUExFL2FsaWNl", email: "alice@example.com", displayName: "Alice",
    values: [formSite: ["1": "Design", "3": "CC-100"]])
let formBob = SandboxUser(personId: "UEVPUExFL2JvYg", email: "bob@example.com", displayName: "Bob")

/// Answers writes with a fixed refusal (pinned trackingId) and passes everything else on.
struct RefusingTransport: HTTPTransport {
    let base: any HTTPTransport
    let status: Int
    let message: String
    let description: String
    static let trackingId = "5E5A1D0C0FFEE0000000000000000042_1750000000000"

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method != "GET" else { return try await base.send(request) }
        let body = WebexErrorBody(
            message: message, errors: [.init(description: description)],
            trackingId: Self.trackingId)
        return HTTPResponse(
            status: status, headers: ["Content-Type": "application/json"],
            body: try JSONEncoder().encode(body))
    }
}

/// A temporary folder for the session's journal and settings, removed when dropped.
final class FormTemporaryDirectory: Sendable {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("trackcodes-form-tests-\(UUID().uuidString)", isDirectory: true)

    var paths: Paths {
        Paths(configDirectory: url.appendingPathComponent("config"),
              stateDirectory: url.appendingPathComponent("state"))
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A sandbox with `formCodes()` on a Control Hub managed site and a session on it; with
/// `readOnly`, the settings list the site under `readOnlySites`.
@MainActor
struct FormFixture {
    let sandbox: Sandbox
    let session: Session
    let directory = FormTemporaryDirectory()

    init(
        codes: [TrackingCode] = formCodes(), management: SiteManagement = .controlHub,
        readOnly: Bool = false,
        refusingWritesWith refusal: (status: Int, message: String, description: String)? = nil
    ) {
        sandbox = Sandbox(dataset: SandboxDataset(
            admin: Person(id: "admin", emails: ["admin@example.com"], displayName: "Admin"),
            sites: [SandboxSite(siteUrl: formSite, isDefault: true, management: management)],
            codes: codes, users: [formAlice, formBob]))
        var transport: any HTTPTransport = SandboxTransport(sandbox)
        if let refusal {
            transport = RefusingTransport(
                base: transport, status: refusal.status, message: refusal.message,
                description: refusal.description)
        }
        session = Session(
            token: AccessToken(Sandbox.demoToken), transport: transport,
            baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: directory.paths,
            settings: Settings(
                readOnlySites: readOnly ? [formSite] : [], siteManagement: [formSite: management]),
            clock: { Date(timeIntervalSince1970: 1_750_000_000) })
        session.select(Site(siteUrl: formSite, isDefault: true))
    }

    var codes: [TrackingCode] { sandbox.codes(siteUrl: formSite) }

    func code(named name: String) -> TrackingCode? {
        codes.first { $0.name == name }
    }

    /// Why the session refuses writes to the site, as the forms show it after "cannot save: ".
    var readOnlyReason: String? { session.readOnlyReason(for: formSite) }
}

/// The text of `rows` with the spaces taken out: wrapping moves spaces to line ends and splits
/// words longer than a row, so this is what must survive it.
func lettersOf<Rows: Sequence<String>>(_ rows: Rows) -> String {
    rows.joined().filter { $0 != " " }
}

/// A stand-in for the root screen: one pane full-window in a frame titled by the pane, and a
/// status bar with the session's last message and the pane's status text.
@MainActor
struct PaneHost: Screen {
    let pane: any PaneView
    let session: Session
    private(set) var closeCount = 0

    var keyMaps: [KeyMap] { pane.keyMaps }

    mutating func render(into canvas: inout Canvas, theme: Theme) {
        let (main, statusRow) = canvas.bounds.splitBottom(1)
        canvas.drawBox(
            main, style: theme.borderFocused, glyphs: theme.glyphs,
            title: TerminalText(pane.title), titleStyle: theme.title)
        pane.render(into: &canvas, in: main.inset(dx: 1, dy: 1), theme: theme)
        StatusBar(
            left: [StatusBar.Segment(session.status?.text ?? "")],
            right: pane.statusText.map { [StatusBar.Segment($0, kind: .accent)] } ?? []
        ).draw(into: &canvas, in: statusRow, theme: theme)
    }

    mutating func handle(key: Key) -> ScreenOutcome<Never> {
        switch pane.handle(key: key) {
        case .ignored: return .ignored
        case .handled: return .handled
        case .close:
            closeCount += 1
            return .handled
        }
    }
}

/// An app shell on a text terminal showing `pane`, with helpers to type and read the screen.
@MainActor
final class PaneHarness {
    let driver: TextDriver
    let shell: AppShell<PaneHost>

    init(pane: any PaneView, session: Session, columns: Int = 80, rows: Int = 24) {
        driver = TextDriver(size: TerminalSize(columns: columns, rows: rows))
        shell = AppShell(
            driver: driver, root: PaneHost(pane: pane, session: session), theme: .standard)
        shell.render()
    }

    func press(_ keys: Key...) {
        press(keys)
    }

    func press(_ keys: [Key]) {
        for key in keys {
            shell.send(.key(key))
        }
    }

    func type(_ text: String) {
        press(Key.typing(text))
    }

    /// Draws again, as the root does when the session reports a change.
    var screen: String {
        shell.render()
        return driver.snapshot()
    }

    var closeCount: Int { shell.root.closeCount }

    /// The rows of the pane inside the host's frame, without the frame and trailing spaces.
    var paneRows: [String] {
        screen.components(separatedBy: "\n").dropFirst().dropLast(2).map { row in
            var inner = String(row.dropFirst(2).dropLast())
            while inner.last == " " { inner.removeLast() }
            return inner
        }
    }
}
