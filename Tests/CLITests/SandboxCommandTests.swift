import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// `trackcodes sandbox` as a user runs it: the real binary serving real HTTP on loopback.
@Suite struct SandboxCommandTests {
    @Test func servesTheApiOnLoopbackAndStopsOnSigint() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).out")
        #expect(FileManager.default.createFile(atPath: output.path, contents: nil))
        let process = Process()
        process.executableURL = try BinaryTests.executable()
        process.arguments = ["sandbox", "--port", "0", "--latency-ms", "1"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Wait for the line that names the base URL.
        var baseURL: URL?
        for _ in 0..<500 where baseURL == nil {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Webex sandbox listening on ") }) {
                baseURL = URL(string: String(line.dropFirst("Webex sandbox listening on ".count)))
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let url = try #require(baseURL, "no base URL printed: \((try? String(contentsOf: output, encoding: .utf8)) ?? "")")
        #expect(url.host == "127.0.0.1")

        let client = WebexClient(baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport())
        let sites = try await client.listSites()
        #expect(sites.contains { $0.isDefault })
        let codes = try await client.listTrackingCodes()
        #expect(!codes.isEmpty)
        let created = try await client.createTrackingCode(TrackingCodeDraft(name: "From the binary test", siteUrl: "acme.webex.com"))
        #expect(try await client.trackingCode(id: created.id).name == "From the binary test")

        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("sandbox stopped"))
    }

    @Test func badOptionValuesAreUsageErrors() throws {
        for arguments in [["sandbox", "--port", "70000"], ["sandbox", "--rate-limit-share", "2"], ["sandbox", "--latency-ms", "soon"]] {
            let result = try BinaryTests.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1)
        }
    }
}
