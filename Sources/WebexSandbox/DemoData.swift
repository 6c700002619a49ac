import Foundation

/// The demo organisation shipped in `Resources/demo/dataset.json`.
///
/// Looked up, in order: `$TRACKCODES_RESOURCES/demo`, a `Resources/demo` beside or above the
/// executable (an installed copy), and the source tree this binary was built from (`swift run`).
public enum DemoData {
    public static let fileName = "dataset.json"

    public static func load() throws -> SandboxDataset {
        guard let url = locate() else {
            throw SandboxDataError(
                "Cannot find the demo data (Resources/demo/\(fileName)). Run from the source tree, or set TRACKCODES_RESOURCES to the Resources folder.")
        }
        return try SandboxStateFile.load(url)
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let root = environment["TRACKCODES_RESOURCES"], !root.isEmpty {
            candidates.append(URL(fileURLWithPath: root).appendingPathComponent("demo"))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("Resources/demo"))
            candidates.append(folder.appendingPathComponent("share/trackcodes/demo"))
            folder.deleteLastPathComponent()
        }
        // This file lives at Sources/WebexSandbox/DemoData.swift in the source tree.
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent("Resources/demo"))

        return candidates
            .map { $0.appendingPathComponent(fileName) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
