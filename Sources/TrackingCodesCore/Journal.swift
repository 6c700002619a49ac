import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only record of every write, one JSON object per line (`journal.jsonl`).
///
/// `append` returns only after the line is on disk (fsync), which is what lets a write be
/// "intent first": if the program is killed mid-request, the intent with the full object is
/// already there for `JournalRecovery`. The directory is 0700 and the file 0600 because the
/// lines hold codes and user emails. The file is opened lazily, so a session that only reads
/// never creates it.
public final class Journal: Sendable {
    public let fileURL: URL
    private let file: JournalFile
    private let committer: GroupCommitter

    public init(fileURL: URL) {
        self.fileURL = fileURL
        let file = JournalFile(fileURL: fileURL)
        self.file = file
        committer = GroupCommitter { lines throws(FileProblem) in try file.writeDurably(lines) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestampStyle.format(date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = try? timestampStyle.parse(text) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "not a timestamp: \(text)"))
            }
            return date
        }
        return decoder
    }()

    /// ISO 8601 with milliseconds, so the lines of one bulk job keep their order when read.
    static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Writes `record` as one line and waits, blocking, until it is on disk.
    public func append(_ record: JournalRecord) throws(FileProblem) {
        try file.writeDurably([try line(for: record)])
    }

    /// Writes `record` as one line and returns once it is on disk, without blocking the caller's
    /// thread. Lines that arrive while a flush is under way go to disk together with one fsync
    /// (group commit), so a bulk job of eight requests in flight pays about one fsync per step
    /// instead of eight, and the main actor never waits on the disk.
    public func appendDurably(_ record: JournalRecord) async throws(FileProblem) {
        try await committer.commit(try line(for: record))
    }

    private func line(for record: JournalRecord) throws(FileProblem) -> Data {
        var line: Data
        do {
            line = try Self.encoder.encode(record)
        } catch {
            throw FileProblem(path: fileURL.path, reason: "cannot encode a journal line: \(error)")
        }
        line.append(0x0A)
        return line
    }

    /// Everything readable in the journal, in file order.
    public func read() throws(FileProblem) -> JournalContents {
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return JournalContents(records: [], unreadableLines: [])
        } catch {
            throw FileProblem(path: fileURL.path, reason: error.localizedDescription)
        }
        return Self.parse(data)
    }

    /// Parses journal bytes. A line cut short by a crash, or damaged, is skipped and counted.
    public static func parse(_ data: Data) -> JournalContents {
        var records: [JournalRecord] = []
        var unreadable: [Int] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
            if let record = try? decoder.decode(JournalRecord.self, from: Data(line)) {
                records.append(record)
            } else {
                unreadable.append(index + 1)
            }
        }
        return JournalContents(records: records, unreadableLines: unreadable)
    }
}

/// What `Journal.read()` found.
public struct JournalContents: Hashable, Sendable {
    public var records: [JournalRecord]
    /// 1-based numbers of lines that could not be read.
    public var unreadableLines: [Int]
}

/// The journal's open file: opened on the first write, owner-only, appended to with fsync.
private final class JournalFile: @unchecked Sendable {
    let fileURL: URL
    // Guarded by `lock`.
    private let lock = NSLock()
    private var descriptor: Int32 = -1

    init(fileURL: URL) {
        self.fileURL = fileURL
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends whole lines in one write call and fsyncs. With O_APPEND, lines from concurrent
    /// writers never interleave.
    func writeDurably(_ lines: [Data]) throws(FileProblem) {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = try openIfNeeded()
        try OwnerOnlyFiles.writeAll(lines.count == 1 ? lines[0] : Data(lines.joined()), to: descriptor, path: fileURL.path)
        guard fsync(descriptor) == 0 else { throw .fromErrno(fileURL.path) }
    }

    private func openIfNeeded() throws(FileProblem) -> Int32 {
        if descriptor >= 0 { return descriptor }
        let directory = fileURL.deletingLastPathComponent()
        try OwnerOnlyFiles.ensureDirectory(directory)
        let opened = open(fileURL.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, OwnerOnlyFiles.fileMode)
        guard opened >= 0 else { throw .fromErrno(fileURL.path) }
        // An older file may have been created with a looser mode; the umask can only narrow.
        guard fchmod(opened, OwnerOnlyFiles.fileMode) == 0 else {
            let problem = FileProblem.fromErrno(fileURL.path)
            close(opened)
            throw problem
        }
        // Make the new directory entry durable too, or a crash could lose the whole file.
        let directoryDescriptor = open(directory.path, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        descriptor = opened
        return opened
    }
}
