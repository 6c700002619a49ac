import Foundation

/// Where the adapters' own messages go: standard error in the program, so standard output
/// stays free for MCP's stdio protocol.
public struct AdapterLog: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    public func callAsFunction(_ line: String) {
        sink(line)
    }

    public static let standardError = AdapterLog { line in
        FileHandle.standardError.write(Data("trackcodes: \(line)\n".utf8))
    }

    public static let silent = AdapterLog { _ in }
}
