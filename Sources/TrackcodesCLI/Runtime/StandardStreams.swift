import Foundation

/// Where the program writes text: the real stdout/stderr, or a buffer in tests.
public protocol TextOutput: Sendable {
    func write(_ text: String)
    /// True when a person is probably reading (a terminal), which allows colour.
    var isTerminal: Bool { get }
}

/// Where the program reads standard input from (a JSON body given as `--body -`).
public protocol InputSource: Sendable {
    /// Everything up to end of file.
    func readAll() throws -> Data
}

/// A file descriptor of this process: 1 for stdout, 2 for stderr.
public struct FileDescriptorOutput: TextOutput {
    public let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public var isTerminal: Bool { isatty(descriptor) == 1 }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            // A closed pipe or full disk: nobody is left to tell, so stop quietly.
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// This process's standard input.
public struct StandardInput: InputSource {
    public init() {}

    public func readAll() throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                throw CocoaError(.fileReadUnknown, userInfo: [
                    NSLocalizedDescriptionKey: String(cString: strerror(errno)),
                ])
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }
}

/// Collects what is written, for tests and for running the CLI in-process.
public final class CapturedOutput: TextOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    public let isTerminal: Bool

    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        buffer += text
    }

    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}

/// Fixed bytes as standard input.
public struct DataInput: InputSource {
    public let data: Data

    public init(_ data: Data) {
        self.data = data
    }

    public func readAll() throws -> Data { data }
}

/// Replaces the access token wherever it would be printed.
///
/// A last line of defence: the token lives only in `AccessToken` and the Authorization header,
/// and the printers never see either; this catches a server that echoes it back in an error.
final class RedactingOutput: TextOutput, @unchecked Sendable {
    private let lock = NSLock()
    private let base: any TextOutput
    private var secrets: [String] = []

    init(_ base: any TextOutput) {
        self.base = base
    }

    var isTerminal: Bool { base.isTerminal }

    /// Start hiding `secret`. Very short strings are skipped: hiding them would garble output.
    func hide(_ secret: String) {
        guard secret.count >= 8 else { return }
        lock.lock()
        defer { lock.unlock() }
        secrets.append(secret)
    }

    func write(_ text: String) {
        lock.lock()
        let secrets = self.secrets
        lock.unlock()
        let safe = secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
        base.write(safe)
    }
}
