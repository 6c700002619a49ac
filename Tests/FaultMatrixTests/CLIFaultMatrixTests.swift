import Foundation
import Testing
import TrackcodesCLI
import TrackingCodesCore
import WebexAPI

/// The command line against each fault: the README's exit code, one line on standard error
/// with what happened and the trackingId, nothing half-printed on standard output, the token
/// nowhere, and every write that was tried in the journal.
@Suite("Fault matrix: command line", .serialized)
struct CLIFaultMatrixTests {
    static let newName = "Department (renamed)"

    private func run(_ arguments: [String], in environment: FaultEnvironment) async -> CapturedRun {
        let services = CLIServices(
            makeTransport: { environment.transport }, makeDemoTransport: { environment.transport },
            sleeper: environment.sleeper, retryPolicy: environment.retryPolicy)
        let variables = [
            "WEBEX_API_KEY": FaultEnvironment.token,
            "WEBEX_BASE_URL": environment.baseURL.absoluteString,
            "XDG_STATE_HOME": environment.home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": environment.home.appendingPathComponent("config").path,
        ]
        return await Trackcodes.runCapturingOutput(
            arguments, environment: variables, services: services)
    }

    @Test("CLI codes list", arguments: Fault.allCases)
    func codesList(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .read)
        let run = await run(["codes", "list", "--site", FaultEnvironment.site], in: environment)

        #expect(run.exitCode == fault.cliExitCode, "\(run.standardError)")
        if fault.succeeds {
            #expect(run.standardError.isEmpty)
            #expect(run.standardOutput.contains("Department"))
            if fault == .unknownEnumValues { #expect(run.standardOutput.contains("multiSelect")) }
        } else {
            expectOneLineReport(of: fault, in: run)
        }
        FaultExpectations.expectNoToken("standard output", in: run.standardOutput)
    }

    @Test("CLI codes update", arguments: Fault.allCases)
    func codesUpdate(fault: Fault) async throws {
        let environment = try FaultEnvironment(fault, target: .write)
        let run = await run(
            ["codes", "update", "1", "--name", Self.newName, "--site", FaultEnvironment.site],
            in: environment)

        #expect(run.exitCode == fault.cliExitCode, "\(run.standardError)")
        if fault.succeeds {
            #expect(run.standardError.isEmpty)
            #expect(run.standardOutput.contains("Updated tracking code 1 '\(Self.newName)'"))
            if fault == .unknownEnumValues {
                #expect(run.standardOutput.contains("inheritedFromSite"))
            }
        } else {
            expectOneLineReport(of: fault, in: run)
        }

        // The journal, owner-only, holds the intent with the whole change and its outcome.
        let journal = environment.home.appendingPathComponent("state/trackcodes/journal.jsonl")
        let contents = Journal.parse(try Data(contentsOf: journal))
        let intent = try #require(contents.records.first { $0.kind == .intent })
        #expect(intent.draft?.name == Self.newName)
        #expect(intent.before?.name == "Department")
        let outcome = contents.records.first {
            $0.kind == .outcome && $0.operationId == intent.operationId
        }
        #expect(outcome?.succeeded == fault.succeeds)
        FaultExpectations.expectNoToken(
            "the journal", in: try String(contentsOf: journal, encoding: .utf8))
        #expect(try Self.mode(of: journal) == 0o600)
        #expect(try Self.mode(of: journal.deletingLastPathComponent()) == 0o700)
    }

    private func expectOneLineReport(
        of fault: Fault, in run: CapturedRun, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast()
        #expect(lines.count == 1, "\(run.standardError)", sourceLocation: sourceLocation)
        #expect(run.standardError.hasPrefix("trackcodes: "), sourceLocation: sourceLocation)
        #expect(run.standardOutput.isEmpty, "\(run.standardOutput)", sourceLocation: sourceLocation)
        FaultExpectations.expectReported(
            fault, in: run.standardError, sourceLocation: sourceLocation)
    }

    static func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}
