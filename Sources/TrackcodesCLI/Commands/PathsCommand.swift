import Foundation
import TrackingCodesCore

/// `trackcodes paths`: where trackcodes keeps its settings, journal and log.
enum PathsCommand {
    static let spec = CommandSpec(
        name: "paths", summary: "Show where the settings, the journal and the log file are",
        discussion: """
            The settings file (config.json) is in $XDG_CONFIG_HOME/trackcodes, else
            ~/.config/trackcodes; it may list readOnlySites, which trackcodes never writes to.
            The journal of every change and the log file are in $XDG_STATE_HOME/trackcodes,
            else ~/.local/state/trackcodes.
            """,
        action: { invocation in
            let paths = Paths.standard(environment: invocation.context.environment)
            let entries = [
                ("config", paths.settingsFile.path), ("state", paths.stateDirectory.path),
                ("journal", paths.journalFile.path), ("log", paths.logFile.path),
            ]
            if invocation.wantsJSON {
                try invocation.printEncoded(Dictionary(uniqueKeysWithValues: entries))
            } else {
                let table = TextTable(
                    columns: [.init(header: "WHAT"), .init(header: "PATH")],
                    rows: entries.map { [$0.0, $0.1] })
                invocation.printOutput(table.render(style: invocation.style))
            }
            return .success
        })
}
