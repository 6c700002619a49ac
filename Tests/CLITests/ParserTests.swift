import Testing
@testable import TrackcodesCLI

/// The parser against the real command tree: what it accepts, and how it says no.
@Suite struct ParserTests {
    let parser = CommandLineParser(tree: Trackcodes.commandTree)

    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try parser.parse(arguments) else {
            throw UsageError("expected a command, got help")
        }
        return command
    }

    func usageMessage(_ arguments: [String]) -> String? {
        do {
            _ = try parser.parse(arguments)
            return nil
        } catch {
            return error.line(in: parser.tree)
        }
    }

    @Test func valuesMayBeGluedWithEqualsOrFollow() throws {
        let glued = try parsed(["codes", "list", "--site=a.webex.com"])
        let apart = try parsed(["codes", "list", "--site", "a.webex.com"])

        #expect(glued[CodeOptions.site] == "a.webex.com")
        #expect(apart[CodeOptions.site] == "a.webex.com")
        #expect(glued.path == ["codes", "list"])
    }

    @Test func globalOptionsWorkBeforeAndAfterTheCommand() throws {
        let before = try parsed(["--demo", "--json", "codes", "list"])
        let after = try parsed(["codes", "list", "--demo", "--json"])

        #expect(before[GlobalOptions.demo] && before[GlobalOptions.json])
        #expect(after[GlobalOptions.demo] && after[GlobalOptions.json])
    }

    @Test func siteOpensTheTerminalUIOnASiteAndIsRefusedWhereItMeansNothing() throws {
        let ui = try parsed(["--site", "a.webex.com", "--read-only"])
        #expect(ui.path.isEmpty)
        #expect(ui[TerminalUIEntry.site] == "a.webex.com")

        // Before a command that has --site of its own it means the same there.
        let list = try parsed(["--site", "a.webex.com", "codes", "list"])
        #expect(list[CodeOptions.site] == "a.webex.com")

        #expect(usageMessage(["--site", "a.webex.com", "sites"])
            == "unknown option '--site' for 'sites'; see 'trackcodes sites --help'")
    }

    @Test func doubleDashEndsOptions() throws {
        let command = try parsed(["codes", "delete", "--dry-run", "--", "--7", "-8"])

        #expect(command.values(of: CodesDeleteCommand.ids) == ["--7", "-8"])
        #expect(command[CodeOptions.dryRun])
    }

    @Test func repeatedOptionsKeepTheirOrder() throws {
        let command = try parsed(["codes", "create", "--option", "b", "--option=a", "--option", "-c"])

        #expect(command[CodeOptions.option] == ["b", "a", "-c"])
    }

    @Test func choicesMatchIgnoringCaseAndAreStoredCanonically() throws {
        let command = try parsed(["codes", "create", "--input-mode", "EDITABLESELECT"])

        #expect(command[CodeOptions.inputMode] == "editableSelect")
    }

    @Test func aLoneDashIsAPositional() throws {
        let command = try parsed(["codes", "create", "--body", "-"])

        #expect(command[CodeOptions.body] == "-")
    }

    @Test func helpIsRecognisedAtAnyDepth() throws {
        guard case .help(let path) = try parser.parse(["codes", "update", "--name", "x", "--help"]) else {
            Issue.record("expected help")
            return
        }
        #expect(path == ["codes", "update"])
    }

    @Test func versionIsRecognisedBeforeAnyCommand() throws {
        guard case .version = try parser.parse(["--base-url", "http://127.0.0.1:1/v1", "--version"])
        else {
            Issue.record("expected the version")
            return
        }
        #expect(throws: UsageError.self) { try parser.parse(["sites", "--version"]) }
    }

    @Test func mistakesGetOneClearMessage() {
        let cases: [([String], String)] = [
            (["codes", "list", "--foo"],
             "unknown option '--foo' for 'codes list'; see 'trackcodes codes list --help'"),
            (["codes", "list", "--sit", "x"],
             "unknown option '--sit' for 'codes list' (did you mean '--site'?); see 'trackcodes codes list --help'"),
            (["cods"], "unknown command 'cods' for 'trackcodes' (did you mean 'codes'?); see 'trackcodes --help'"),
            (["codes", "get"], "missing ID for 'codes get'; see 'trackcodes codes get --help'"),
            (["codes", "get", "1", "2"], "unexpected argument '2' for 'codes get'; see 'trackcodes codes get --help'"),
            (["codes", "list", "--json=1"], "option '--json' takes no value; see 'trackcodes codes list --help'"),
            (["codes", "list", "--site"], "option '--site' needs a value (SITE); see 'trackcodes codes list --help'"),
            (["codes", "list", "--site", "--json"],
             "option '--site' needs a value (SITE); see 'trackcodes codes list --help'"),
            (["codes", "list", "--site", "a", "--site=b"],
             "option '--site' is given more than once; see 'trackcodes codes list --help'"),
            (["codes", "create", "--host-profile", "maybe"],
             "invalid value 'maybe' for '--host-profile'; expected one of optional, required, adminSet, notUsed; "
                + "see 'trackcodes codes create --help'"),
            (["user"], "'user' needs a command: get, set; see 'trackcodes user --help'"),
            (["codes", "list", "-x"], "unknown option '-x' for 'codes list'; see 'trackcodes codes list --help'"),
            (["codes", "list", "--site="],
             "option '--site' needs a non-empty value; see 'trackcodes codes list --help'"),
            (["codes", "get", ""], "ID cannot be empty for 'codes get'; see 'trackcodes codes get --help'"),
        ]
        for (arguments, expected) in cases {
            #expect(usageMessage(arguments) == expected, "\(arguments)")
        }
    }

    @Test func editDistanceCountsSingleEdits() {
        #expect(CommandLineParser.editDistance("site", "site") == 0)
        #expect(CommandLineParser.editDistance("sit", "site") == 1)
        #expect(CommandLineParser.editDistance("stie", "site") == 2)
        #expect(CommandLineParser.closest(to: "zzzz", among: ["site", "json"]) == nil)
    }
}
