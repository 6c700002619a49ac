import Foundation
import TrackingCodesCore
import WebexAPI

@testable import TerminalUI

/// The terminal UI's root screen on a text terminal, with a session whose client meets the
/// environment's fault: press keys, wait for the models to settle (no sleeping), read the screen.
@MainActor
final class RootScreenHarness {
    let session: Session
    let screen: TrackcodesScreen
    let shell: AppShell<TrackcodesScreen>
    let driver: TextDriver

    convenience init(
        _ environment: FaultEnvironment, size: TerminalSize = TerminalSize(columns: 120, rows: 40)
    ) {
        let log = APICallLog()
        let session = Session(
            client: environment.makeClient(observer: log.observer), callLog: log,
            paths: environment.paths,
            settings: Settings(siteManagement: [FaultEnvironment.site: .controlHub]),
            clock: { Date(timeIntervalSince1970: 1_750_000_000) })
        self.init(session: session, size: size)
    }

    /// - Parameter capabilities: what the terminal can show; the theme follows from them, as
    ///   it does on a real terminal.
    init(session: Session, size: TerminalSize, capabilities: TerminalCapabilities = .standard) {
        self.session = session
        screen = TrackcodesScreen(
            session: session, timeZone: TimeZone(identifier: "UTC") ?? .current)
        driver = TextDriver(size: size, capabilities: capabilities)
        shell = AppShell(driver: driver, root: screen)
    }

    /// Starts the screen and waits until the sites and codes are loaded (or failed to).
    func start() async {
        screen.start()
        await screen.settle()
        shell.render()
    }

    /// Presses each key in turn, letting the work it started finish after each.
    func press(_ keys: Key...) async {
        await press(keys)
    }

    func press(_ keys: [Key]) async {
        for key in keys {
            shell.send(.key(key))
            await screen.settle()
        }
        shell.render()
    }

    func type(_ text: String) async {
        await press(Key.typing(text))
    }

    var text: String { driver.snapshot() }

    /// The code editor, when one is open.
    var editor: CodeEditorView? { screen.pane as? CodeEditorView }

    /// Opens the editor on the code named `name`: filter the list down to it, then `e`.
    func edit(_ name: String) async {
        await press(.char("/"))
        await type(name)
        await press(.enter, .char("e"))
    }
}
