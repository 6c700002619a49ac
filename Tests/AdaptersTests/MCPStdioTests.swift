@testable import Adapters
import Foundation
import Testing
import WebexAPI
import WebexSandbox
#if canImport(Glibc)
import Glibc
#endif

/// The stdio transport through pipes, in process: lines in, lines out.
@Suite("MCP over stdio (pipes, in process)")
struct MCPStdioTests {
    typealias M = MCPMessages

    /// Runs the stdio server on two pipes, writes `lines`, closes the input, and returns every
    /// line the server wrote before it finished.
    private func exchange(_ lines: [String], fixture: AdapterFixture) async throws -> [String] {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw POSIXError(.EMFILE) }
        let server = MCPStdioServer(server: MCPServer(operations: fixture.operations))
        let (readEnd, writeEnd) = (input[0], output[1])
        let serving = Task {
            await server.run(input: readEnd, output: writeEnd)
            close(writeEnd)
        }

        let collected = PipeCollector(descriptor: output[0])
        let text = lines.map { $0 + "\n" }.joined()
        _ = text.withCString { write(input[1], $0, strlen($0)) }
        close(input[1])

        await serving.value
        close(input[0])
        let written = await collected.lines()
        close(output[0])
        return written
    }

    @Test("Answers each request on one line, by id; notifications get nothing; garbage gets -32700")
    func answersLineByLine() async throws {
        let fixture = try await AdapterFixture.make()
        let lines = try await exchange([
            M.text(M.initialize(1)),
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            M.text(M.request(2, "tools/list")),
            "this is not json",
            "",
            M.text(M.call(3, "get-tracking-code", ["id": .string("1")], modern: true)),
        ], fixture: fixture)

        let messages = lines.compactMap { JSONValue.parse(Data($0.utf8)) }
        #expect(messages.count == lines.count, "every line written is one JSON message")
        #expect(messages.count == 4)
        func answer(_ id: Int) -> JSONValue? { messages.first { $0["id"] == .number(Double(id)) } }
        #expect(answer(1)?["result"]?["protocolVersion"] == .string(M.handshake))
        #expect(answer(2)?["result"]?["tools"]?.arrayValue?.count == 7)
        #expect(answer(3)?["result"]?["structuredContent"]?["name"] == .string("Department"))
        #expect(messages.contains { $0["id"] == .null && $0.errorCode == -32700 })
    }

    @Test("A cancelled request is not answered; the others are")
    func dropsCancelledRequests() async throws {
        let fixture = try await AdapterFixture.make()
        fixture.sandbox.faults = SandboxFaults(latencyMs: 30_000)
        let lines = try await exchange([
            M.text(M.call(7, "list-tracking-codes", [:])),
            #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"user"}}"#,
            M.text(M.request(8, "ping")),
        ], fixture: fixture)

        let ids = lines.compactMap { JSONValue.parse(Data($0.utf8))?["id"] }
        #expect(ids == [.number(8)])
    }

    @Test("A line over the limit is skipped to its newline and reported; the next line is read")
    func skipsOversizedLines() async throws {
        var channel: [Int32] = [0, 0]
        #expect(pipe(&channel) == 0)
        let text = "short\n" + String(repeating: "x", count: 100) + "\nafter\nlast"
        _ = text.withCString { write(channel[1], $0, strlen($0)) }
        close(channel[1])

        var events: [String] = []
        for await event in FileDescriptorLines.stream(channel[0], maxLineBytes: 10) {
            switch event {
            case .line(let data): events.append(String(decoding: data, as: UTF8.self))
            case .tooLong(let bytes): events.append("<\(bytes) bytes>")
            }
        }
        close(channel[0])
        #expect(events == ["short", "<100 bytes>", "after", "last"])

        // Also when the input ends inside an oversized line.
        #expect(pipe(&channel) == 0)
        _ = String(repeating: "y", count: 30).withCString { write(channel[1], $0, strlen($0)) }
        close(channel[1])
        var endings: [String] = []
        for await event in FileDescriptorLines.stream(channel[0], maxLineBytes: 10) {
            if case .tooLong(let bytes) = event { endings.append("<\(bytes) bytes>") }
        }
        close(channel[0])
        #expect(endings == ["<30 bytes>"])
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeCollector: @unchecked Sendable {
    // Written by the reading thread before `done` opens, read after.
    private var text = ""
    private let done = ShutdownGate()

    init(descriptor: Int32) {
        Thread.detachNewThread { [self] in
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                data.append(contentsOf: buffer[0..<count])
            }
            text = String(decoding: data, as: UTF8.self)
            done.open()
        }
    }

    func lines() async -> [String] {
        await done.wait()
        return text.split(separator: "\n").map(String.init)
    }
}
