/// Matches a command line against a `CommandTree`.
///
/// Grammar: command words first, then options and positionals in any order. Options are long
/// (`--site S` or `--site=S`); `-h` is the only short one. `--` ends the options, and a lone `-`
/// is a positional (it means standard input where a file is expected). Global options are taken
/// at any depth. Empty values and arguments are refused. Every mistake becomes a `UsageError`
/// that names the command and its help.
public struct CommandLineParser: Sendable {
    public let tree: CommandTree

    public init(tree: CommandTree) {
        self.tree = tree
    }

    public func parse(_ arguments: [String]) throws(UsageError) -> ParseOutcome {
        var command = tree.root
        var path: [String] = []
        var flags: Set<String> = []
        var values: [String: [String]] = [:]
        var positionals: [String] = []
        var optionsEnded = false
        var index = 0

        while index < arguments.count {
            let word = arguments[index]
            index += 1

            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                if !optionsEnded, positionals.isEmpty, !command.subcommands.isEmpty {
                    guard let next = command.subcommand(named: word) else {
                        throw unknownCommand(word, under: command, path: path)
                    }
                    command = next
                    path.append(word)
                } else {
                    positionals.append(word)
                }
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word == "--help" || word == "-h" {
                return .help(path: path)
            }
            // Only the program as a whole has a version; `codes --version` stays a mistake.
            if word == "--version", path.isEmpty {
                return .version
            }

            let (spec, inlineValue) = try option(for: word, in: command, path: path)
            switch spec.arity {
            case .flag:
                guard inlineValue == nil else {
                    throw UsageError("option '\(spec.spelling)' takes no value", helpPath: path)
                }
                flags.insert(spec.name)
            case .single, .repeated:
                let raw: String
                if let inlineValue {
                    raw = inlineValue
                } else {
                    // A following `--word` is far more likely a forgotten value than a value.
                    guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                        throw UsageError(
                            "option '\(spec.spelling)' needs a value (\(spec.valueName))",
                            helpPath: path)
                    }
                    raw = arguments[index]
                    index += 1
                }
                // No option means anything when empty; `--site=` is a slip, not a site.
                guard !raw.isEmpty else {
                    throw UsageError("option '\(spec.spelling)' needs a non-empty value", helpPath: path)
                }
                guard let value = spec.canonicalValue(raw) else {
                    throw UsageError(
                        "invalid value '\(raw)' for '\(spec.spelling)'; expected one of "
                            + spec.choices.joined(separator: ", "),
                        helpPath: path)
                }
                if spec.arity == .single, values[spec.name] != nil {
                    throw UsageError("option '\(spec.spelling)' is given more than once", helpPath: path)
                }
                values[spec.name, default: []].append(value)
            }
        }

        // An option the root takes (`--site` for the terminal UI) may come before a command
        // that has no such option; it must not be dropped silently.
        let known = Set((command.options + tree.globalOptions).map(\.name))
        if let stray = (flags.sorted() + values.keys.sorted()).first(where: { !known.contains($0) }) {
            throw UsageError(
                "unknown option '--\(stray)' for '\(tree.shortName(of: path))'", helpPath: path)
        }
        guard command.action != nil else {
            let names = command.subcommands.map(\.name).joined(separator: ", ")
            throw UsageError("'\(tree.shortName(of: path))' needs a command: \(names)", helpPath: path)
        }
        let assigned = try assign(positionals, to: command.positionals, path: path)
        return .run(ParsedCommand(
            path: path, command: command, flags: flags, values: values,
            positionalValues: assigned))
    }

    /// The option `word` names for `command`, and the value glued to it with `=`, if any.
    private func option(
        for word: String, in command: CommandSpec, path: [String]
    ) throws(UsageError) -> (OptionSpec, String?) {
        let subject = "'\(tree.shortName(of: path))'"
        guard word.hasPrefix("--") else {
            throw UsageError("unknown option '\(word)' for \(subject)", helpPath: path)
        }
        let body = word.dropFirst(2)
        let name: String
        let inlineValue: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            inlineValue = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
            inlineValue = nil
        }

        let candidates = command.options + tree.globalOptions
        if let spec = candidates.first(where: { $0.name == name }) {
            return (spec, inlineValue)
        }
        let shown = "--" + name
        let hint = Self.closest(to: name, among: candidates.map(\.name))
            .map { " (did you mean '--\($0)'?)" } ?? ""
        throw UsageError("unknown option '\(shown)' for \(subject)\(hint)", helpPath: path)
    }

    private func unknownCommand(
        _ word: String, under command: CommandSpec, path: [String]
    ) -> UsageError {
        let hint = Self.closest(to: word, among: command.subcommands.map(\.name))
            .map { " (did you mean '\($0)'?)" } ?? ""
        let parent = "'\(tree.shortName(of: path))'"
        return UsageError("unknown command '\(word)' for \(parent)\(hint)", helpPath: path)
    }

    /// Hands out the positional words in order: each argument takes its minimum, and the one
    /// variadic argument takes what is left.
    private func assign(
        _ words: [String], to specs: [PositionalSpec], path: [String]
    ) throws(UsageError) -> [String: [String]] {
        let name = "'\(tree.shortName(of: path))'"
        var assigned: [String: [String]] = [:]
        var remaining = words[...]

        for (position, spec) in specs.enumerated() {
            let laterMinimum = specs[(position + 1)...].reduce(0) { $0 + $1.count.minimum }
            let available = max(0, remaining.count - laterMinimum)
            guard available >= spec.count.minimum else {
                throw UsageError("missing \(spec.name) for \(name)", helpPath: path)
            }
            let take = min(available, spec.count.maximum ?? available)
            if remaining.prefix(take).contains("") {
                throw UsageError("\(spec.name) cannot be empty for \(name)", helpPath: path)
            }
            assigned[spec.name] = Array(remaining.prefix(take))
            remaining = remaining.dropFirst(take)
        }
        if let extra = remaining.first {
            throw UsageError("unexpected argument '\(extra)' for \(name)", helpPath: path)
        }
        return assigned
    }

    /// The candidate at most two edits away from `word`, so a typo gets a suggestion.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }
        return scored.min(by: { $0.1 < $1.1 })?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
