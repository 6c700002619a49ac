import Foundation

/// The sandbox's optional state file: the whole dataset as JSON, replaced atomically on each
/// change so a crash leaves either the old or the new state, never half of one.
public enum SandboxStateFile {
    public static func load(_ url: URL) throws -> SandboxDataset {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SandboxDataError("Cannot read the sandbox state file \(url.path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(SandboxDataset.self, from: data)
        } catch {
            throw SandboxDataError("The sandbox state file \(url.path) is not a sandbox dataset (\(error)); move it away to start fresh")
        }
    }

    public static func save(_ dataset: SandboxDataset, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(dataset).write(to: url, options: [.atomic])
    }
}

/// A problem with the sandbox's data files, said so a person can fix it.
public struct SandboxDataError: Error, LocalizedError, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var errorDescription: String? { message }
}
