import Adapters
import Foundation
import Testing
import WebexSandbox

/// The adapters driven by the official Python MCP SDK client (and Python's OpenAPI
/// validators), each run against a fresh in-process sandbox.
@Suite("Official Python clients against the adapters")
struct PythonClientTests {
    static let noMCP = "needs python3 with the mcp package (pip install mcp)"
    private func expectSuccess(_ outcome: PythonRunner.Outcome) {
        #expect(outcome.status == 0, "the Python checks failed:\n\(outcome.output)")
        #expect(outcome.output.contains("all checks passed"), "\(outcome.output)")
    }

    @Test("Streamable HTTP, both revisions: 2025-11-25 (initialize) and 2026-07-28 (discover)",
          .enabled(if: PythonRunner.hasMCP, Comment(rawValue: noMCP)), arguments: ["legacy", "auto"])
    func streamableHTTP(mode: String) async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let outcome = try await PythonRunner.run(
                "mcp_client_check.py", ["--mode", mode, "--label", "http \(mode)", "--url", servers.mcpURL.absoluteString])
            expectSuccess(outcome)
        }
    }

    @Test("stdio, both revisions, through a pipe bridge to this process's stdio loop",
          .enabled(if: PythonRunner.hasMCP, Comment(rawValue: noMCP)), arguments: ["legacy", "auto"])
    func stdio(mode: String) async throws {
        let fixture = try await AdapterFixture.make()
        let host = try FIFOStdioHost(operations: fixture.operations)
        let outcome = try await PythonRunner.run(
            "mcp_client_check.py", ["--mode", mode, "--label", "stdio \(mode)", "--command"] + host.bridgeCommand)
        await host.finish()
        expectSuccess(outcome)
    }

    @Test("The REST adapter's answers validate against its own /openapi.json",
          .enabled(if: PythonRunner.hasOpenAPIValidators,
                   "needs python3 with openapi-spec-validator (pip install openapi-spec-validator)"))
    func restMatchesItsOpenAPIDocument() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let outcome = try await PythonRunner.run("rest_openapi_check.py", [servers.restURL.absoluteString])
            expectSuccess(outcome)
        }
    }

    @Test("stdio, both revisions, with the real `trackcodes mcp --demo` binary",
          .enabled(if: PythonRunner.hasMCP, Comment(rawValue: noMCP)),
          .enabled(if: TrackcodesBinary.speaksMCP, "the CLI does not wire `trackcodes mcp` to the adapters yet"),
          arguments: ["legacy", "auto"])
    func realBinary(mode: String) async throws {
        let binary = try #require(TrackcodesBinary.url)
        let home = TrackcodesBinary.temporaryHome()
        let outcome = try await PythonRunner.run("mcp_client_check.py", [
            "--mode", mode, "--label", "binary \(mode)", "--state-dir", home.path,
            "--command", binary.path, "mcp", "--demo",
        ])
        // Journal lines are not looked for: with --demo the CLI journals into a temporary
        // folder, so sandbox changes are never offered for restoring against a real site.
        expectSuccess(outcome)
        try? FileManager.default.removeItem(at: home)
    }
}
