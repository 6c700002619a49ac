import Foundation

/// Where trackcodes keeps its files, following the XDG base directory rules.
///
/// Settings live in the config directory; the journal, the learned read-only sites and the log
/// file live in the state directory. Tests pass temporary directories instead.
public struct Paths: Hashable, Sendable {
    /// `$XDG_CONFIG_HOME/trackcodes`, or `~/.config/trackcodes`.
    public var configDirectory: URL
    /// `$XDG_STATE_HOME/trackcodes`, or `~/.local/state/trackcodes`.
    public var stateDirectory: URL

    public init(configDirectory: URL, stateDirectory: URL) {
        self.configDirectory = configDirectory
        self.stateDirectory = stateDirectory
    }

    /// The settings file (`config.json`).
    public var settingsFile: URL { configDirectory.appendingPathComponent("config.json") }
    /// The append-only journal of every write (`journal.jsonl`).
    public var journalFile: URL { stateDirectory.appendingPathComponent("journal.jsonl") }
    /// Sites that refused a write because their codes are mapped (`read-only-sites.json`).
    public var learnedReadOnlyFile: URL { stateDirectory.appendingPathComponent("read-only-sites.json") }
    /// The program's log file (`trackcodes.log`).
    public var logFile: URL { stateDirectory.appendingPathComponent("trackcodes.log") }

    /// The standard locations for `environment`.
    ///
    /// The XDG specification says relative values must be ignored, so they fall back too.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Paths {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(fallback)
        }
        return Paths(
            configDirectory: base("XDG_CONFIG_HOME", fallback: ".config")
                .appendingPathComponent("trackcodes", isDirectory: true),
            stateDirectory: base("XDG_STATE_HOME", fallback: ".local/state")
                .appendingPathComponent("trackcodes", isDirectory: true)
        )
    }
}
