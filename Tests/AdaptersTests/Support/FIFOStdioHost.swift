@testable import Adapters
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The MCP stdio loop of this process, reachable through two named pipes, so that a client
/// which can only start a command (the Python SDK's stdio client) can talk to it through
/// `python/fifo_bridge.py`.
final class FIFOStdioHost: Sendable {
    let directory: URL
    let toServer: String
    let fromServer: String
    private let serving: Task<Void, Never>

    init(operations: TrackingCodeOperations) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let toServer = directory.appendingPathComponent("to-server").path
        let fromServer = directory.appendingPathComponent("from-server").path
        guard mkfifo(toServer, 0o600) == 0, mkfifo(fromServer, 0o600) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        self.toServer = toServer
        self.fromServer = fromServer

        let server = MCPStdioServer(server: MCPServer(operations: operations))
        serving = Task {
            // Opening a FIFO blocks until the other side opens it, so it happens on a thread
            // of its own; the bridge opens them in the same order.
            let (input, output) = await withCheckedContinuation { (continuation: CheckedContinuation<(Int32, Int32), Never>) in
                Thread.detachNewThread {
                    let input = open(toServer, O_RDONLY)
                    let output = open(fromServer, O_WRONLY)
                    continuation.resume(returning: (input, output))
                }
            }
            if input >= 0, output >= 0 { await server.run(input: input, output: output) }
            if input >= 0 { close(input) }
            if output >= 0 { close(output) }
        }
    }

    /// The bridge command for `mcp_client_check.py --command`.
    var bridgeCommand: [String] {
        ["python3", PythonRunner.scriptsFolder.appendingPathComponent("fifo_bridge.py").path, toServer, fromServer]
    }

    /// Waits for the loop to end once the client is gone. Should the bridge never have
    /// connected, opening both pipes here gives the waiting opens their other side.
    func finish() async {
        for path in [toServer, fromServer] {
            let descriptor = open(path, O_RDWR | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
        }
        await serving.value
        try? FileManager.default.removeItem(at: directory)
    }
}
