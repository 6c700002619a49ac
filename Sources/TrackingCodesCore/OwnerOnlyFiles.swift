import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file of ours could not be read or written, in words a person can act on.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    /// The problem `errno` describes right now, after what was being done when there is more
    /// to say than `errno` ("cannot create it (Permission denied)").
    static func fromErrno(_ path: String, doing action: String? = nil) -> FileProblem {
        let cause = String(cString: strerror(errno))
        return FileProblem(path: path, reason: action.map { "\($0) (\(cause))" } ?? cause)
    }
}

/// Files and directories only the current user may read: the journal holds full tracking codes
/// and user emails, so it gets mode 0600 in a 0700 directory, whatever the umask says.
enum OwnerOnlyFiles {
    static let directoryMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600

    /// Creates `directory` (and missing parents) and makes sure the last component is 0700.
    static func ensureDirectory(_ directory: URL) throws(FileProblem) {
        let path = directory.path
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: Int(directoryMode)])
        } catch {
            throw FileProblem(
                path: path, reason: "cannot create the directory (\(error.localizedDescription))")
        }
        // An existing directory keeps its old mode; tighten it rather than trust it.
        guard chmod(path, directoryMode) == 0 else { throw .fromErrno(path) }
    }

    /// Replaces `url` with `data` through a temporary file and a rename, so a crash leaves the
    /// old or the new content, never half of it.
    static func writeAtomically(_ data: Data, to url: URL) throws(FileProblem) {
        try ensureDirectory(url.deletingLastPathComponent())
        try replaceStreaming(url) { (emit: (Data) throws(FileProblem) -> Void) throws(FileProblem) in
            try emit(data)
        }
    }

    /// Replaces `url` with what `produce` emits, chunk by chunk, through a 0600 temporary file in
    /// the same directory and a rename: the content never has to be whole in memory, is never
    /// readable by others (not even for a moment), and a crash leaves the old or the new file.
    /// The directory is left as it is. A problem names `url`, not the temporary file: that is the
    /// file the user asked for and can look at.
    static func replaceStreaming(
        _ url: URL,
        _ produce: (_ emit: (Data) throws(FileProblem) -> Void) throws(FileProblem) -> Void
    ) throws(FileProblem) {
        let temporary = temporaryPath(for: url)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw .fromErrno(url.path, doing: "cannot create it") }
        do throws(FileProblem) {
            defer { close(descriptor) }
            guard fchmod(descriptor, fileMode) == 0 else {
                throw FileProblem.fromErrno(url.path, doing: "cannot make it private")
            }
            try produce { (chunk: Data) throws(FileProblem) in
                try writeAll(chunk, to: descriptor, path: url.path)
            }
            guard fsync(descriptor) == 0 else {
                throw FileProblem.fromErrno(url.path, doing: "cannot write it")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let problem = FileProblem.fromErrno(url.path)
            unlink(temporary)
            throw problem
        }
    }

    /// Throws what would stop `replaceStreaming` from writing `url`, without touching `url`:
    /// a directory in its place, a folder that is missing or cannot be written to, a name too
    /// long. It creates and removes the temporary file the write would use, so it finds what the
    /// write would (a read-only file system too), and only that.
    static func checkReplaceable(_ url: URL) throws(FileProblem) {
        var status = stat()
        if stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw FileProblem(path: url.path, reason: "there is a directory of that name")
        }
        let folder = url.deletingLastPathComponent().path
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw FileProblem(path: url.path, reason: "its folder \(folder) does not exist")
        }
        let temporary = temporaryPath(for: url)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw .fromErrno(url.path, doing: "cannot create it") }
        close(descriptor)
        unlink(temporary)
    }

    /// Where `replaceStreaming` writes before the rename: beside `url`, named after this process.
    private static func temporaryPath(for url: URL) -> String {
        url.path + ".tmp-\(getpid())"
    }

    /// Writes every byte of `data`, looping over short writes and interrupted calls.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(FileProblem) {
        let failure: FileProblem? = data.withUnsafeBytes { buffer -> FileProblem? in
            guard let base = buffer.baseAddress else { return nil }
            var written = 0
            while written < buffer.count {
                let result = write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return .fromErrno(path)
                }
                written += result
            }
            return nil
        }
        if let failure { throw failure }
    }
}
