import Foundation
import HTTPServer
import Testing
import TrackcodesCLI
import TrackingCodesCore
import WebexAPI
import WebexSandbox

@testable import Adapters
@testable import TerminalUI

/// Where the token and the user's data could leak: servers that listen beyond the machine,
/// files others can read, the in-app API log, the CLI's tables.
@Suite("Security", .serialized)
struct SecurityTests {
    // MARK: - Loopback by default

    @Test func everyServerListensOnLoopbackByDefault() async throws {
        let plain = HTTPServer { _ in .text(200, "ok") }
        let plainPort = try plain.start()
        defer { plain.stop(gracePeriod: 0) }
        #expect(try ListeningSockets.addresses(ofPort: plainPort) == ["127.0.0.1"])

        let sandbox = SandboxHTTPServer(sandbox: Sandbox(dataset: FaultEnvironment.dataset()))
        let sandboxURL = try sandbox.start()
        defer { sandbox.stop() }
        #expect(
            try ListeningSockets.addresses(ofPort: try #require(sandboxURL.port)) == ["127.0.0.1"])

        let environment = try FaultEnvironment(.extraFields, target: .read)
        let client = environment.makeClient()
        let operations = TrackingCodeOperations(
            service: DirectTrackingCodeService(client: client), client: client)
        let servers = try AdapterServers.start(
            options: ServeOptions(restPort: 0, mcpPort: 0), operations: operations)
        #expect(try ListeningSockets.addresses(ofPort: servers.restPort) == ["127.0.0.1"])
        #expect(try ListeningSockets.addresses(ofPort: servers.mcpPort) == ["127.0.0.1"])
        await servers.stop()
    }

    /// On a busy machine /proc/net/tcp runs past one page; the helper must still see every
    /// listening port, or the loopback test fails for reasons that are not the servers'.
    @Test func listeningSocketsAreFoundBeyondTheFirstPageOfTheKernelTable() throws {
        var sockets: [(fd: Int32, port: Int)] = []
        defer { sockets.forEach { close($0.fd) } }
        for _ in 0..<60 { sockets.append(try LoopbackSocket.listen()) }

        for socket in sockets {
            #expect(try ListeningSockets.addresses(ofPort: socket.port) == ["127.0.0.1"])
        }
    }

    // MARK: - Owner-only files

    /// Even with a umask that lets everyone read new files, the journal, the list of
    /// read-only sites and the settings are the owner's alone.
    @MainActor
    @Test func filesAreOwnerOnlyWhateverTheUmask() async throws {
        let directory = FaultDirectory()
        let previous = umask(0)
        defer { umask(previous) }
        let (session, sandbox) = HostileData.session(paths: directory.paths)
        session.select(Site(siteUrl: HostileData.site, isDefault: true))
        let code = try #require(sandbox.codes(siteUrl: HostileData.site).first)
        _ = try await session.writer.update(id: code.id, before: code, to: code.draft)
        session.learnReadOnly(siteUrl: "mapped.webex.com", reason: "mapped codes")
        try Settings().save(to: directory.paths.settingsFile)

        let paths = directory.paths
        for file in [paths.journalFile, paths.learnedReadOnlyFile, paths.settingsFile] {
            #expect(try Self.mode(of: file) == 0o600, "\(file.lastPathComponent)")
            #expect(
                try Self.mode(of: file.deletingLastPathComponent()) == 0o700,
                "\(file.deletingLastPathComponent().lastPathComponent)")
        }
    }

    // MARK: - The token

    @MainActor
    @Test func theAPILogViewShowsCallsButNotTheToken() async throws {
        let environment = try FaultEnvironment(.tokenEchoedInError, target: .read)
        let app = RootScreenHarness(environment)
        await app.start()
        await app.press(.char("L"))
        let screen = app.text
        #expect(screen.contains("/admin/meeting/config/trackingCodes"), "\(screen)")
        #expect(screen.contains("400"), "\(screen)")
        FaultExpectations.expectNoToken("the API log view", in: screen)
        FaultExpectations.expectNoToken("the status line", in: app.session.status?.text ?? "")
    }

    // MARK: - The command line's tables

    @Test(arguments: [
        ["codes", "list"], ["codes", "get", "2"], ["user", "get", "--email", "eve@example.com"],
    ])
    func commandLineOutputOfHostileDataIsInertAndAligned(arguments: [String]) async throws {
        let sandbox = Sandbox(dataset: HostileData.dataset())
        let services = CLIServices(
            makeTransport: { SandboxTransport(sandbox) },
            makeDemoTransport: { SandboxTransport(sandbox) },
            retryPolicy: .none)
        let run = await Trackcodes.runCapturingOutput(
            arguments + ["--site", HostileData.site],
            environment: [
                "WEBEX_API_KEY": Sandbox.demoToken, "WEBEX_BASE_URL": "http://127.0.0.1:9/v1",
            ],
            services: services)
        #expect(run.exitCode == .success, "\(run.standardError)")
        let active = run.standardOutput.unicodeScalars.filter {
            HostileData.isActive($0) && $0 != "\n"
        }
        #expect(active.isEmpty, "active characters: \(active.map { String($0.value, radix: 16) })")

        guard arguments == ["codes", "list"] else { return }
        // Every row's INPUT MODE column starts at the header's display column.
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let column = try #require(Self.displayColumn(of: "INPUT MODE", in: header))
        for line in lines.dropFirst() {
            #expect(Self.displayColumn(of: "select", in: line) == column, "misaligned: \(line)")
        }
        #expect(lines.count == HostileData.names.count + 1)
    }

    static func displayColumn(of word: String, in line: String) -> Int? {
        guard let range = line.range(of: word) else { return nil }
        return TerminalText(String(line[..<range.lowerBound])).width
    }

    static func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}
