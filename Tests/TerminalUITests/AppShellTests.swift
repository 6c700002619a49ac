import Testing

@testable import TerminalUI

/// A small screen for driving the shell: a table of fixture rows, a status line, a confirm
/// on quit when asked, and an effect that "loads" more rows.
@MainActor
struct ListScreen: Screen {
    enum Message: Sendable, Equatable {
        case loaded(Int)
    }

    var table = TableView(columns: Fixtures.columns, rowCount: 30)
    var status = "Ready"
    var confirmsQuit = false
    var busy = false
    var ticks = 0
    var messages: [Message] = []

    var keyMaps: [KeyMap] { [.listNavigation] }
    var wantsTicks: Bool { busy }

    mutating func render(into canvas: inout Canvas, theme: Theme) {
        let (main, statusRow) = canvas.bounds.splitBottom(1)
        table.draw(into: &canvas, in: main, theme: theme, cell: Fixtures.cell)
        StatusBar(
            left: [.init(status)], right: [.init(table.scroll.positionLabel)],
            spinnerTick: busy ? ticks : nil
        ).draw(into: &canvas, in: statusRow, theme: theme)
    }

    mutating func handle(key: Key) -> ScreenOutcome<Message> {
        if key == .char("r") {
            busy = true
            status = "Loading"
            return .perform(.run { .loaded(10) })
        }
        return table.handle(key) ? .handled : .ignored
    }

    mutating func handle(message: Message) -> ScreenOutcome<Message> {
        messages.append(message)
        if case .loaded(let count) = message {
            table.setRowCount(table.scroll.count + count)
            busy = false
            status = "Loaded \(count) more"
        }
        return .handled
    }

    mutating func tick() -> ScreenOutcome<Message> {
        ticks += 1
        return .handled
    }

    mutating func handleQuitRequest(by key: Key) -> ScreenOutcome<Message> {
        guard confirmsQuit else { return .quit }
        status = "Press Ctrl-C again to quit"
        return .handled
    }
}

@MainActor
@Suite struct AppShellTests {
    private func makeShell(
        size: TerminalSize = TerminalSize(columns: 80, rows: 24), screen: ListScreen = ListScreen()
    ) -> (AppShell<ListScreen>, TextDriver) {
        let driver = TextDriver(size: size)
        return (AppShell(driver: driver, root: screen), driver)
    }

    @Test func rendersTheRootScreenAndFollowsKeys() {
        let (shell, driver) = makeShell()
        shell.render()
        #expect(driver.snapshot().hasPrefix("Name"))
        #expect(driver.screen.row(23).hasSuffix("1/30 "))

        for key in Key.typing("jjj") { shell.send(.key(key)) }
        #expect(shell.root.table.selectedRow == 3)
        #expect(driver.screen.row(23).hasSuffix("4/30 "))
        #expect(driver.screen[0, 4].style == Theme.standard.selection)
    }

    @Test func resizeRedrawsAtTheNewSizeAndTooSmallShowsTheNotice() {
        let (shell, driver) = makeShell()
        shell.render()
        driver.resize(to: TerminalSize(columns: 120, rows: 40))
        shell.send(.resize(driver.size))
        #expect(driver.screen.size == TerminalSize(columns: 120, rows: 40))
        #expect(driver.screen.row(39).hasSuffix("1/30 "))

        for size in [
            TerminalSize(columns: 40, rows: 10), TerminalSize(columns: 20, rows: 5),
            TerminalSize(columns: 1, rows: 1),
        ] {
            driver.resize(to: size)
            shell.send(.resize(size))
            #expect(driver.screen.size == size)
            #expect(!driver.snapshot().contains("Name"))
        }
        #expect(driver.snapshot() == "!")

        // Keys other than quit do nothing while the screen cannot be seen.
        shell.send(.key(.char("j")))
        #expect(shell.root.table.selectedRow == 0)
        driver.resize(to: TerminalSize(columns: 60, rows: 16))
        shell.send(.resize(driver.size))
        #expect(driver.snapshot().hasPrefix("Name"))
    }

    @Test func questionMarkOpensHelpFromTheScreensKeyMapsAndEscClosesIt() {
        let (shell, driver) = makeShell()
        shell.send(.key(.char("?")))
        #expect(shell.isHelpVisible)
        #expect(driver.snapshot().contains("Moving around"))
        #expect(driver.snapshot().contains("Everywhere"))

        // Keys go to the overlay, not the screen, while it is open.
        shell.send(.key(.char("j")))
        #expect(shell.root.table.selectedRow == 0)
        shell.send(.key(.escape))
        #expect(!shell.isHelpVisible)
        #expect(!driver.snapshot().contains("Moving around"))
    }

    @Test func qAndCtrlCQuit() {
        let (shell, _) = makeShell()
        shell.send(.key(.char("q")))
        #expect(shell.hasQuit)

        let (other, _) = makeShell()
        other.send(.key(.ctrl("c")))
        #expect(other.hasQuit)
    }

    @Test func aScreenCanAskForConfirmationButASecondCtrlCAlwaysQuits() {
        var screen = ListScreen()
        screen.confirmsQuit = true
        let (shell, driver) = makeShell(screen: screen)
        shell.send(.key(.ctrl("c")))
        #expect(!shell.hasQuit)
        #expect(driver.snapshot().contains("Press Ctrl-C again to quit"))
        shell.send(.key(.ctrl("c")))
        #expect(shell.hasQuit)
    }

    @Test func anotherKeyBetweenQuitRequestsStartsOver() {
        var screen = ListScreen()
        screen.confirmsQuit = true
        let (shell, _) = makeShell(screen: screen)
        shell.send(.key(.ctrl("c")))
        shell.send(.key(.char("j")))
        shell.send(.key(.ctrl("c")))
        #expect(!shell.hasQuit)
    }

    @Test func terminationSignalsQuitWithoutAsking() {
        var screen = ListScreen()
        screen.confirmsQuit = true
        let (shell, _) = makeShell(screen: screen)
        shell.send(.terminate(.terminate))
        #expect(shell.hasQuit)
        #expect(shell.terminationReason == .terminate)
        #expect(shell.terminationReason?.exitStatus == 143)
    }

    @Test func theSignalThatEndedTheAppGivesTheExitStatus() async {
        let (shell, driver) = makeShell()
        driver.terminate(.hangUp)
        await shell.run()
        #expect(shell.terminationReason?.exitStatus == 129)

        let (interrupted, _) = makeShell()
        interrupted.send(.terminate(.interrupt))
        #expect(interrupted.hasQuit)
        #expect(interrupted.terminationReason?.exitStatus == 130)
    }

    @Test func quittingByKeyIsNoSignal() {
        let (shell, _) = makeShell()
        shell.send(.key(.char("q")))
        #expect(shell.hasQuit)
        #expect(shell.terminationReason == nil)
    }

    @Test func anInterruptTheScreenDeclinesLeavesNoReasonUntilTheSecondOne() {
        var screen = ListScreen()
        screen.confirmsQuit = true
        let (shell, _) = makeShell(screen: screen)
        shell.send(.terminate(.interrupt))
        #expect(!shell.hasQuit)
        #expect(shell.terminationReason == nil)
        shell.send(.terminate(.interrupt))
        #expect(shell.hasQuit)
        #expect(shell.terminationReason == .interrupt)
    }

    @Test func ticksReachTheScreenAndAnimateTheSpinner() {
        let (shell, driver) = makeShell()
        shell.send(.key(.char("r")))
        let first = driver.screen.row(23)
        shell.send(.tick)
        #expect(shell.root.ticks == 1)
        #expect(driver.screen.row(23) != first)
    }

    /// The whole loop: keys fed to the driver, an effect's result delivered back as an
    /// event, then the loop ends when the input ends and nothing is in flight.
    @Test func runLoopDeliversKeysAndEffectResultsThenShutsTheDriverDown() async {
        let (shell, driver) = makeShell()
        driver.feed(Key.typing("jjr"))
        driver.finish()
        await shell.run()

        #expect(shell.root.messages == [.loaded(10)])
        #expect(shell.root.table.selectedRow == 2)
        #expect(shell.isIdle)
        #expect(driver.isShutDown)
        #expect(driver.screen.row(23).contains("Loaded 10 more"))
        #expect(driver.screen.row(23).hasSuffix("3/40 "))
    }

    @Test func runLoopStopsOnQuitKey() async {
        let (shell, driver) = makeShell()
        driver.feed(.char("j"), .char("q"), .char("j"))
        await shell.run()
        #expect(shell.hasQuit)
        #expect(shell.root.table.selectedRow == 1)
        #expect(driver.isShutDown)
    }

    @Test func aHangUpFromTheTerminalEndsTheLoop() async {
        let (shell, driver) = makeShell()
        driver.terminate(.hangUp)
        driver.feed(.char("j"))
        await shell.run()
        #expect(shell.hasQuit)
        #expect(shell.root.table.selectedRow == 0)
    }

    @Test func monochromeThemeWhenTheTerminalHasNoColours() {
        var capabilities = TerminalCapabilities.standard
        capabilities.colorCount = 0
        capabilities.isUnicode = false
        let driver = TextDriver(
            size: TerminalSize(columns: 80, rows: 24), capabilities: capabilities)
        let shell = AppShell(driver: driver, root: ListScreen())
        #expect(shell.theme.name == "monochrome")
        #expect(shell.theme.glyphs == .ascii)
        shell.render()
        #expect(driver.screen[0, 1].style == Style(attributes: .reverse))
    }

    @Test func noColorIsHonoured() {
        let wanted = TerminalCapabilities.colorsWanted
        #expect(!wanted(256, ["NO_COLOR": "1"]))
        #expect(wanted(256, ["NO_COLOR": ""]))
        #expect(wanted(8, [:]))
        #expect(!wanted(2, [:]))
    }
}
