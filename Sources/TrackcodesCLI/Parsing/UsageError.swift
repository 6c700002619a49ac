/// The command line asks for something this program does not take. Exit code 2.
public struct UsageError: Error, Hashable, Sendable {
    public let message: String
    /// The command whose `--help` the message points to; nil when no pointer helps.
    public let helpPath: [String]?

    public init(_ message: String, helpPath: [String]? = nil) {
        self.message = message
        self.helpPath = helpPath
    }

    /// The one line shown to the user, pointing at the right help.
    func line(in tree: CommandTree) -> String {
        guard let helpPath else { return message }
        return "\(message); see '\(tree.displayName(of: helpPath)) --help'"
    }
}
