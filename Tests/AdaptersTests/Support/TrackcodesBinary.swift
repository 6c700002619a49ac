import Foundation

/// The `trackcodes` executable `swift test` builds beside the tests, and whether its CLI has
/// the `mcp` and `serve` commands wired to the adapters yet.
enum TrackcodesBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let url: URL? = {
        let candidate = packageRoot.appendingPathComponent(".build/debug/trackcodes")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    /// A fresh directory for a spawned program's XDG state and config, so its journal never
    /// lands in the real home directory.
    static func temporaryHome() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-binary-\(UUID().uuidString)")
    }

    static func environment(home: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        return environment
    }

    /// True when `trackcodes mcp --demo` answers a `server/discover` line on its stdout.
    static let speaksMCP: Bool = {
        guard let url else { return false }
        let process = Process()
        process.executableURL = url
        process.arguments = ["mcp", "--demo"]
        process.environment = environment(home: temporaryHome())
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        let discover = #"{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"#
            + #""io.modelcontextprotocol/protocolVersion":"2026-07-28","#
            + #""io.modelcontextprotocol/clientCapabilities":{}}}}"# + "\n"
        input.fileHandleForWriting.write(Data(discover.utf8))
        try? input.fileHandleForWriting.close()
        // A CLI that waits for something else must not hang the test run.
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) {
            if process.isRunning { process.terminate() }
        }
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: answer, as: UTF8.self)
        return text.contains("\"supportedVersions\"")
    }()
}
