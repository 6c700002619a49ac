import Foundation
import WebexAPI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The MCP server on standard input and output: newline-delimited JSON-RPC.
///
/// Only protocol messages are written to the output; logs belong on stderr. Requests run
/// concurrently; `notifications/cancelled` stops one and drops its answer, as the spec asks.
/// At the end of input, requests in progress finish and are answered before `run` returns.
public struct MCPStdioServer: Sendable {
    /// Messages longer than this are refused without being read into memory whole.
    public static let maxMessageBytes = 16 * 1024 * 1024

    let server: MCPServer

    public init(server: MCPServer) {
        self.server = server
    }

    /// Serves until `input` ends.
    ///
    /// Ignores SIGPIPE for the whole process: a client that goes away must end the loop, not
    /// kill the program (or the test runner hosting it).
    public func run(input: Int32, output: Int32) async {
        signal(SIGPIPE, SIG_IGN)
        let writer = LineWriter(descriptor: output)
        let inFlight = InFlightRequests()

        for await event in FileDescriptorLines.stream(input, maxLineBytes: Self.maxMessageBytes) {
            switch event {
            case .tooLong(let bytes):
                let error = JSONRPCError.parseError(
                    "a message of \(bytes) bytes is over the limit of \(Self.maxMessageBytes)")
                writer.send(JSONRPCMessage.error(id: .null, error))
            case .line(let data):
                await receive(data, writer: writer, inFlight: inFlight)
            }
        }
        await inFlight.waitForAll()
    }

    private func receive(_ data: Data, writer: LineWriter, inFlight: InFlightRequests) async {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        guard let value = JSONValue.parse(Data(text.utf8)) else {
            writer.send(JSONRPCMessage.error(id: .null, .parseError("the line is not valid JSON")))
            return
        }
        if value["method"]?.stringValue == "notifications/cancelled",
           let requestID = value["params"]?["requestId"] {
            await inFlight.cancel(requestID)
            return
        }
        guard let id = value["id"], value["method"] != nil else {
            // Notifications and stray answers get no reply; malformed messages do.
            if let reply = await server.handle(value) { writer.send(reply) }
            return
        }
        await inFlight.launch(id) { [server] in
            let reply = await server.handle(value)
            if let reply, !Task.isCancelled { writer.send(reply) }
        }
    }
}

/// Requests being served, by id, so a cancellation can find its task.
private actor InFlightRequests {
    private var tasks: [JSONValue: Task<Void, Never>] = [:]
    private var all: [Task<Void, Never>] = []

    func launch(_ id: JSONValue, _ work: @escaping @Sendable () async -> Void) {
        let task = Task {
            await work()
            self.finished(id)
        }
        tasks[id] = task
        all.append(task)
    }

    func cancel(_ id: JSONValue) {
        tasks[id]?.cancel()
    }

    private func finished(_ id: JSONValue) {
        tasks[id] = nil
    }

    func waitForAll() async {
        while !all.isEmpty {
            let pending = all
            all.removeAll()
            for task in pending { await task.value }
        }
    }
}

/// Writes one JSON message per line, whole, from any thread.
final class LineWriter: @unchecked Sendable {
    // Guarded by `lock`: the descriptor is written by one message at a time.
    private let lock = NSLock()
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func send(_ message: JSONValue) {
        var bytes = JSONCoding.data(message)
        bytes.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                // The reader is gone; there is no one left to tell.
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
