import Foundation

/// Reads a file the user named (an import file, a `--body` file, a list of users), so that
/// every command and the import pane say in the same words why it cannot be read.
public enum InputFile {
    /// The bytes of the file at `path`, used as given (relative paths start in the working
    /// folder). Pipes such as `<(command)` are read too.
    public static func read(path: String) throws(InputFileError) -> Data {
        // Read first and explain after: checking before reading could say a file is there
        // that is gone by the time it is opened.
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            do {
                return try handle.readToEnd() ?? Data()
            } catch {
                throw InputFileError(path: path, problem: problem(at: path, error: error))
            }
        }
        throw InputFileError(path: path, problem: problem(at: path, error: nil))
    }

    /// Why `path` could not be read, from what is there now; `error` is what reading said.
    private static func problem(at path: String, error: (any Error)?) -> InputFileError.Problem {
        if access(path, F_OK) != 0 { return problem(errno: errno) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return .isFolder
        }
        if access(path, R_OK) != 0 { return problem(errno: errno) }
        return .unreadable(error?.localizedDescription ?? "it cannot be opened")
    }

    /// The problem a failed `access` call's `errno` stands for; the system's own words only
    /// for the rare ones.
    static func problem(errno code: Int32) -> InputFileError.Problem {
        switch code {
        case ENOENT, ENOTDIR: .doesNotExist
        case EACCES, EPERM: .noPermission
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}

/// Why a file the user named cannot be read, with the path as the user gave it.
public struct InputFileError: Error, Hashable, Sendable, LocalizedError {
    public enum Problem: Hashable, Sendable {
        /// Nothing is at the path (or a folder on the way to it is missing).
        case doesNotExist
        /// The path is a folder, where a file was expected.
        case isFolder
        /// The file (or a folder on the way to it) may not be read by this user.
        case noPermission
        /// Something is there but cannot be read for another reason; the system's words.
        case unreadable(String)
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// The reason alone, for messages that name the path already.
    public var reason: String {
        switch problem {
        case .doesNotExist: "the file does not exist"
        case .isFolder: "this is a folder; name a file in it"
        case .noPermission: "you do not have permission to read it"
        case .unreadable(let detail): detail
        }
    }

    /// The whole message: "cannot read prices.csv: the file does not exist".
    public var message: String { "cannot read \(path): \(reason)" }

    public var errorDescription: String? { message }
}
