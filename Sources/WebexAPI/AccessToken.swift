import Foundation

/// A bearer token that cannot leak by being printed, logged or dumped.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Read only when building the Authorization header.
    public let secret: String

    public init(_ secret: String) { self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines) }

    public var description: String { "<redacted token>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// Why no usable token could be had, with what to do about it.
public enum CredentialError: Error, Hashable, Sendable, LocalizedError {
    case missing
    case unreadableFile(path: String, reason: String)
    case fileTooOpen(path: String, mode: String)
    case fileNotOwned(path: String)
    case emptyFile(path: String)
    /// Whitespace or control characters inside the token: HTTP would drop such a header.
    case malformed(source: String)

    public var errorDescription: String? {
        switch self {
        case .missing:
            "No Webex access token. Set WEBEX_API_KEY (or use --token-file PATH), or try the built-in sandbox with --demo."
        case .unreadableFile(let path, let reason):
            "Cannot read the token file \(path): \(reason)"
        case .fileTooOpen(let path, let mode):
            "The token file \(path) can be read by others (mode \(mode)); run: chmod 600 \(path)"
        case .fileNotOwned(let path):
            "The token file \(path) is not owned by you; a token must be in a file only you control"
        case .emptyFile(let path):
            "The token file \(path) is empty"
        case .malformed(let source):
            "The token in \(source) has spaces, line breaks or control characters inside it; "
                + "it must be the bare token on one line (without 'Bearer ')"
        }
    }
}

extension AccessToken {
    /// The token from `WEBEX_API_KEY`, or nil when it is unset or blank.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CredentialError) -> AccessToken? {
        guard let raw = environment["WEBEX_API_KEY"], !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return nil
        }
        return try AccessToken(raw).checked(source: "WEBEX_API_KEY")
    }

    /// The token itself, refusing one that could not travel in a header as it is.
    func checked(source: String) throws(CredentialError) -> AccessToken {
        let unsafe = secret.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.value > 0x7E
        }
        if unsafe { throw .malformed(source: source) }
        return self
    }

    /// The token in `path`, which must belong to the caller and be readable by nobody else.
    public static func fromFile(_ path: String) throws(CredentialError) -> AccessToken {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .unreadableFile(path: path, reason: "it is not a regular file")
        }
        guard info.st_uid == getuid() else { throw .fileNotOwned(path: path) }
        guard info.st_mode & 0o077 == 0 else {
            throw .fileTooOpen(path: path, mode: String(info.st_mode & 0o777, radix: 8))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "permission denied")
        }
        let token = AccessToken(String(decoding: data, as: UTF8.self))
        guard !token.secret.isEmpty else { throw .emptyFile(path: path) }
        return try token.checked(source: "the token file \(path)")
    }
}
