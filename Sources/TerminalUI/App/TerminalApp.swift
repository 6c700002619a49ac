/// The entry point for running a screen full-screen on the process's own terminal.
public enum TerminalApp {
    /// Starts curses, runs `root` until it quits, and restores the terminal.
    ///
    /// - Returns: the signal that ended the app (its `exitStatus` is what the process should
    ///   exit with), or nil when the user quit.
    /// - Throws: `CursesDriverError` when the terminal cannot host a full-screen interface
    ///   (unknown or dumb terminal); its description says what to do instead.
    @MainActor
    @discardableResult
    public static func run<Root: Screen>(
        _ root: Root,
        options: CursesDriver.Options = CursesDriver.Options(),
        theme: Theme? = nil
    ) async throws -> TerminationReason? {
        let driver = try CursesDriver(options: options)
        let shell = AppShell(driver: driver, root: root, theme: theme)
        await shell.run()
        return shell.terminationReason
    }
}
