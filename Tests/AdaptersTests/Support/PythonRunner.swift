import Foundation

/// Runs the Python checks in `Tests/AdaptersTests/python` with the machine's python3.
enum PythonRunner {
    static let scriptsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("python")

    /// Whether python3 can import the official MCP SDK. Checked once.
    static let hasMCP = canImport("mcp")

    /// Whether python3 can import the OpenAPI validators. Checked once.
    static let hasOpenAPIValidators = canImport("openapi_spec_validator, openapi_schema_validator")

    private static func canImport(_ modules: String) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import \(modules)"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
        } catch {
            return false
        }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs `script` with `arguments`; gives up (and fails) after `deadline` seconds so a
    /// stuck client cannot hang the test run.
    static func run(_ script: String, _ arguments: [String], deadline: Double = 180) async throws -> Outcome {
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("trackcodes-python-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log.path])
        }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptsFolder.appendingPathComponent(script).path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle

        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
                if process.isRunning { process.terminate() }
            }
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Outcome(status: status, output: output)
    }
}
