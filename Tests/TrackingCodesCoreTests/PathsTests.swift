import Foundation
import Testing
@testable import TrackingCodesCore

@Suite("Paths: XDG locations")
struct PathsTests {
    @Test func usesTheXDGVariablesWhenSet() {
        let paths = Paths.standard(environment: [
            "HOME": "/home/ana", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/st",
        ])
        #expect(paths.configDirectory.path == "/cfg/trackcodes")
        #expect(paths.stateDirectory.path == "/st/trackcodes")
        #expect(paths.journalFile.path == "/st/trackcodes/journal.jsonl")
        #expect(paths.settingsFile.path == "/cfg/trackcodes/config.json")
        #expect(paths.logFile.path == "/st/trackcodes/trackcodes.log")
    }

    @Test func fallsBackToHomeWhenUnsetOrRelative() {
        let paths = Paths.standard(environment: ["HOME": "/home/ana", "XDG_STATE_HOME": "relative/state"])
        #expect(paths.configDirectory.path == "/home/ana/.config/trackcodes")
        #expect(paths.stateDirectory.path == "/home/ana/.local/state/trackcodes")
    }
}
