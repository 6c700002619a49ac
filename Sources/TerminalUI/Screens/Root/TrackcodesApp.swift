import Foundation
import TrackingCodesCore

/// Runs the trackcodes terminal UI on the process's terminal until the user quits.
public enum TrackcodesApp {
    /// Starts curses, shows the root screen on `session`, and restores the terminal at the end.
    ///
    /// - Parameters:
    ///   - usesColor: false for `--no-color`: the monochrome theme.
    ///   - siteUrl: the site to open on (`--site`); nil for the preferred one.
    /// - Returns: the signal that ended the UI, or nil when the user quit.
    /// - Throws: `CursesDriverError` when the terminal cannot host a full-screen interface.
    @MainActor
    @discardableResult
    public static func run(
        session: Session, usesColor: Bool, siteUrl: String? = nil
    ) async throws -> TerminationReason? {
        let driver = try CursesDriver()
        var theme = Theme.automatic(for: driver.capabilities)
        if !usesColor {
            let glyphs = theme.glyphs
            theme = .monochrome
            theme.glyphs = glyphs
        }
        let screen = TrackcodesScreen(session: session)
        let shell = AppShell(driver: driver, root: screen, theme: theme)
        session.onChange = { [weak shell] in shell?.requestRedraw() }
        screen.start(siteUrl: siteUrl)
        await shell.run()
        session.onChange = nil
        session.cancelRunningWork()
        return shell.terminationReason
    }
}
