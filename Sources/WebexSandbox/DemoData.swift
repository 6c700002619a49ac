import Foundation
import WebexAPI

/// The demo organisation shipped in `Resources/demo/dataset.json`.
///
/// Looked up, in order: `$TRACKCODES_RESOURCES/demo`, a `Resources/demo` beside or above the
/// executable (an installed copy), and the source tree this binary was built from (`swift run`).
public enum DemoData {
    public static let fileName = "dataset.json"

    public static func load() throws -> SandboxDataset {
        guard let url = locate() else { throw missing }
        return try SandboxStateFile.load(url)
    }

    /// The demo organisation without its users, and the users to decode when first needed.
    public static func loadDeferringUsers() throws -> (SandboxDataset, DeferredUsers) {
        guard let url = locate() else { throw missing }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SandboxDataError("Cannot read the demo data \(url.path): \(error.localizedDescription)")
        }
        do {
            let head = try JSONDecoder().decode(Head.self, from: data)
            let dataset = SandboxDataset(
                admin: head.admin, sites: head.sites, codes: head.codes, nextCodeId: head.nextCodeId)
            let users = DeferredUsers {
                do {
                    return try JSONDecoder().decode(Users.self, from: data).users
                } catch {
                    throw SandboxDataError("The demo users in \(url.path) do not read (\(error))")
                }
            }
            return (dataset, users)
        } catch {
            throw SandboxDataError("The demo data \(url.path) is not a sandbox dataset (\(error))")
        }
    }

    private static var missing: SandboxDataError {
        SandboxDataError(
            "Cannot find the demo data (Resources/demo/\(fileName)). Run from the source tree, or set TRACKCODES_RESOURCES to the Resources folder.")
    }

    /// The dataset's keys but `users`: the decoder skips what a type does not name.
    private struct Head: Decodable {
        var admin: Person
        var sites: [SandboxSite]
        var codes: [TrackingCode]
        var nextCodeId: Int
    }

    private struct Users: Decodable {
        var users: [SandboxUser]
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
