/// How many values an option takes.
public enum OptionArity: Sendable, Hashable {
    /// `--json`: present or not.
    case flag
    /// `--site S`: at most once.
    case single
    /// `--option V`: as many times as wanted, in order.
    case repeated
}

/// One `--name` option a command accepts, with what the help shows for it.
public struct OptionSpec: Sendable, Hashable {
    /// The long name without the dashes: `site` for `--site`.
    public let name: String
    public let arity: OptionArity
    /// What the help shows for the value, e.g. `SITE`; empty for flags.
    public let valueName: String
    public let help: String
    /// The accepted values, matched ignoring case and stored in this spelling; empty means any text.
    public let choices: [String]

    init(name: String, arity: OptionArity, valueName: String, help: String, choices: [String]) {
        self.name = name
        self.arity = arity
        self.valueName = valueName
        self.help = help
        self.choices = choices
    }

    /// `--name` as typed on the command line.
    public var spelling: String { "--\(name)" }

    /// The value in its canonical spelling, or nil when `raw` is not one of `choices`.
    func canonicalValue(_ raw: String) -> String? {
        guard !choices.isEmpty else { return raw }
        return choices.first(where: { $0.caseInsensitiveCompare(raw) == .orderedSame })
    }
}

/// A typed handle on a flag option; read it with `ParsedCommand[flag]`.
public struct Flag: Sendable, Hashable {
    public let spec: OptionSpec

    public init(_ name: String, help: String) {
        spec = OptionSpec(name: name, arity: .flag, valueName: "", help: help, choices: [])
    }
}

/// A typed handle on an option given at most once; read it with `ParsedCommand[option]`.
public struct SingleOption: Sendable, Hashable {
    public let spec: OptionSpec

    public init(_ name: String, value: String, help: String, choices: [String] = []) {
        spec = OptionSpec(name: name, arity: .single, valueName: value, help: help, choices: choices)
    }
}

/// A typed handle on an option that may repeat; read it with `ParsedCommand[option]`.
public struct RepeatedOption: Sendable, Hashable {
    public let spec: OptionSpec

    public init(_ name: String, value: String, help: String, choices: [String] = []) {
        spec = OptionSpec(name: name, arity: .repeated, valueName: value, help: help, choices: choices)
    }
}
