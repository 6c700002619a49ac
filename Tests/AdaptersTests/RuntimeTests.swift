@testable import Adapters
import Foundation
import Testing
import TrackingCodesCore
import WebexAPI
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// The entry points the CLI calls: option checks, `runServe` until shutdown, `runMCPStdio`.
@Suite("Entry points: runServe and runMCPStdio")
struct RuntimeTests {
    @Test("Listening beyond loopback needs an access token, and warns when it has one")
    func checksExposure() throws {
        #expect(throws: AdapterStartupError.accessTokenRequired(host: "0.0.0.0")) {
            try ServeOptions(listenHost: "0.0.0.0").validated()
        }
        let warning = try ServeOptions(listenHost: "0.0.0.0", accessToken: "s3cret-token").validated()
        #expect(warning?.contains("not loopback") == true)
        #expect(try ServeOptions().validated() == nil)
        #expect(try ServeOptions(listenHost: "::1").validated() == nil)
        #expect(throws: AdapterStartupError.samePort(8080)) {
            try ServeOptions(restPort: 8080, mcpPort: 8080).validated()
        }
        #expect(throws: AdapterStartupError.emptyAccessToken) {
            try ServeOptions(accessToken: "  ").validated()
        }
    }

    @Test("runServe refuses a non-loopback address without a token before binding anything")
    func runServeRefusesExposure() async throws {
        let fixture = try await AdapterFixture.make()
        let session = try #require(fixture.session)
        let options = ServeOptions(restPort: 0, mcpPort: 0, listenHost: "0.0.0.0")
        await #expect(throws: AdapterStartupError.accessTokenRequired(host: "0.0.0.0")) {
            try await runServe(options: options, session: session, log: .silent, shutdown: ShutdownSignal.manual().signal)
        }
    }

    @Test("runServe serves REST and MCP until shutdown, then closes its ports")
    func runServeUntilShutdown() async throws {
        let fixture = try await AdapterFixture.make()
        let session = try #require(fixture.session)
        let log = LogCapture(waitingFor: "press Ctrl-C")
        let (signal, trigger) = ShutdownSignal.manual()
        let serving = Task { @MainActor in
            try await runServe(
                options: ServeOptions(restPort: 0, mcpPort: 0), session: session, log: log.adapterLog,
                shutdown: signal)
        }
        await log.ready()

        let restURL = try #require(log.url(after: "REST adapter on "))
        let mcpURL = try #require(log.url(after: "MCP server on "))
        let list = try await HTTP.call("GET", restURL)
        #expect(list.status == 200)
        let initialize = try await HTTP.call("POST", mcpURL, body: MCPMessages.text(MCPMessages.initialize(1)))
        #expect(initialize.json?["result"]?["serverInfo"]?["name"] == .string("trackcodes"))

        trigger()
        try await serving.value
        #expect(log.lines.contains("shutting down"))
        let port = try #require(restURL.port)
        #expect(throws: RawConnection.Failure.self) { try RawConnection(port: port) }
    }

    @Test("runMCPStdio answers on the output and journals writes, until the input ends")
    func runMCPStdioUntilEndOfInput() async throws {
        let fixture = try await AdapterFixture.make()
        let session = try #require(fixture.session)
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        #expect(pipe(&input) == 0 && pipe(&output) == 0)

        let lines = [
            MCPMessages.text(MCPMessages.modernRequest(1, "server/discover")),
            MCPMessages.text(MCPMessages.call(2, "create-tracking-code", [
                "siteUrl": .string(demoSite), "name": .string("Stdio Probe"), "inputMode": .string("text"),
                "hostProfileCode": .string("optional"),
                "scheduleStartCodes": .array([.object(["service": .string("All"), "type": .string("optional")])]),
            ], modern: true)),
        ].map { $0 + "\n" }.joined()
        _ = lines.withCString { write(input[1], $0, strlen($0)) }
        close(input[1])

        let (readEnd, writeEnd) = (input[0], output[1])
        await runMCPStdio(session: session, input: readEnd, output: writeEnd, log: .silent,
                          shutdown: ShutdownSignal.manual().signal)
        close(writeEnd)
        close(readEnd)

        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(output[0], &buffer, buffer.count), count > 0 {
            data.append(contentsOf: buffer[0..<count])
        }
        close(output[0])
        let answers = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            JSONValue.parse(Data($0.utf8))
        }
        #expect(answers.count == 2)
        #expect(answers.contains { $0["result"]?["supportedVersions"] != nil })
        #expect(fixture.sandbox.codes(siteUrl: demoSite).contains { $0.name == "Stdio Probe" })
        #expect(try await fixture.journal().first?.draft?.name == "Stdio Probe")
    }
}

/// Collects log lines, and lets a test wait for one that says the servers are up.
final class LogCapture: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var collected: [String] = []
    private let marker: String
    private let gate = ShutdownGate()

    init(waitingFor marker: String) {
        self.marker = marker
    }

    var adapterLog: AdapterLog {
        AdapterLog { [self] line in
            lock.lock()
            collected.append(line)
            lock.unlock()
            if line.contains(marker) { gate.open() }
        }
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    func ready() async {
        await gate.wait()
    }

    /// The URL logged after `prefix`, up to the next space.
    func url(after prefix: String) -> URL? {
        guard let line = lines.first(where: { $0.hasPrefix(prefix) }) else { return nil }
        let rest = line.dropFirst(prefix.count)
        return URL(string: String(rest.prefix { $0 != " " }))
    }
}
