import Foundation
import TrackingCodesCore

/// Renders `--help` for any command of the tree, from the same specs the parser uses, so help
/// and behaviour cannot drift apart.
enum HelpText {
    /// Where the help column starts; longer option names push their help to the next line.
    static let labelWidth = 30
    /// Help lines stay within this many columns.
    static let lineWidth = 100

    static func render(path: [String], in tree: CommandTree) -> String {
        guard let command = tree.command(at: path) else { return "" }
        let name = tree.displayName(of: path)
        var sections: [String] = []

        sections.append("Usage: " + usageLines(of: command, named: name).joined(separator: "\n       "))
        sections.append(command.summary)
        if !command.discussion.isEmpty {
            sections.append(command.discussion)
        }
        if !command.positionals.isEmpty {
            sections.append(section("Arguments", command.positionals.map { ($0.usage, $0.help) }))
        }
        if !command.subcommands.isEmpty {
            sections.append(section("Commands", command.subcommands.map { ($0.name, $0.summary) }))
        }
        if !command.options.isEmpty {
            sections.append(section("Options", command.options.map(row)))
        }
        var globals = tree.globalOptions.map(row) + [("-h, --help", "Show this help")]
        if path.isEmpty {
            globals.append(("--version", "Show the version (\(TrackcodesVersion.current))"))
        }
        sections.append(section("Global options", globals))
        if !command.subcommands.isEmpty {
            sections.append("Run '\(name) COMMAND --help' for a command's options.")
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    private static func usageLines(of command: CommandSpec, named name: String) -> [String] {
        var lines: [String] = []
        if command.action != nil {
            let positionals = command.positionals.map(\.usage)
            lines.append(([name, "[OPTIONS]"] + positionals).joined(separator: " "))
        }
        if !command.subcommands.isEmpty {
            lines.append("\(name) COMMAND [OPTIONS] [ARGUMENTS...]")
        }
        return lines
    }

    private static func row(_ spec: OptionSpec) -> (String, String) {
        var label = spec.spelling
        if spec.arity != .flag {
            label += " \(spec.valueName)"
        }
        var help = spec.help
        if spec.arity == .repeated {
            help += " (repeatable)"
        }
        if !spec.choices.isEmpty {
            help += "; one of: " + spec.choices.joined(separator: ", ")
        }
        return (label, help)
    }

    private static func section(_ title: String, _ rows: [(String, String)]) -> String {
        var lines = ["\(title):"]
        let indent = String(repeating: " ", count: labelWidth)
        for (label, help) in rows {
            let wrapped = wrap(help, width: lineWidth - labelWidth)
            let indented = "  " + label
            if indented.count + 2 > labelWidth {
                lines.append(indented)
                lines += wrapped.map { indent + $0 }
            } else {
                let padded = indented.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                lines.append(padded + wrapped[0])
                lines += wrapped.dropFirst().map { indent + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines
    }
}
