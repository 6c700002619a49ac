import Foundation
import TrackingCodesCore

/// Tab completion of a file path, as a shell does it: the last part of the path grows to the
/// longest prefix the folder's entries share; a single match is completed whole (folders with
/// a trailing `/`). Hidden entries are offered only when the typed part starts with a dot.
struct PathCompletion: Equatable, Sendable {
    /// The path after completing.
    var path: String
    /// The entries that still match, when more than one does (names only, folders with `/`).
    var candidates: [String]

    /// Lists a folder: entry names, and whether each is a folder. Tests pass a fixed listing.
    typealias Listing = (_ folder: String) -> [(name: String, isFolder: Bool)]

    /// - Parameter directory: where a relative path starts.
    static func complete(
        _ path: String, in directory: URL, listing: Listing = PathCompletion.listFolder
    ) -> PathCompletion {
        let slash = path.lastIndex(of: "/")
        let folderPart = slash.map { String(path[...$0]) } ?? ""
        let partial = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let folder = ImportFile.resolve(
            folderPart.isEmpty ? "." : folderPart, relativeTo: directory
        ).path

        let showsHidden = partial.hasPrefix(".")
        let matches = listing(folder)
            .filter { $0.name.hasPrefix(partial) && (showsHidden || !$0.name.hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        guard let first = matches.first else { return PathCompletion(path: path, candidates: []) }
        if matches.count == 1 {
            return PathCompletion(
                path: folderPart + first.name + (first.isFolder ? "/" : ""), candidates: [])
        }
        let shared = matches.dropFirst().reduce(first.name) { common, match in
            String(zip(common, match.name).prefix { $0 == $1 }.map(\.0))
        }
        return PathCompletion(
            path: folderPart + shared,
            candidates: matches.map { $0.name + ($0.isFolder ? "/" : "") })
    }

    /// The real folder's entries; an unreadable folder has none.
    static func listFolder(_ folder: String) -> [(name: String, isFolder: Bool)] {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        return names.map { name in
            var isFolder: ObjCBool = false
            _ = manager.fileExists(
                atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            return (name, isFolder.boolValue)
        }
    }
}
