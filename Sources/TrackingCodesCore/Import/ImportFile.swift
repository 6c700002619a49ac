import Foundation

/// Which import reads a file: tracking codes (`CodesImport`) or users' values (`UsersImport`).
public enum ImportKind: String, Hashable, Sendable, CaseIterable {
    case codes
    case users
}

/// A file chosen for an import, read and told apart: a list of tracking codes or a table of
/// users' values.
///
/// A JSON file is always codes. A CSV or TSV file is codes when its header has a name column
/// (`CodesFile`), users when it has an email or personId column (`UsersFile`); a header with both
/// fits both imports, and the user is asked which one is meant.
public struct ImportFile: Sendable {
    public let url: URL
    /// The file as read (for codes, `CodesFile.rows(from:)` reads JSON and CSV from it).
    public let data: Data
    /// The decoded table of a CSV or TSV file; nil for JSON.
    public let table: DelimitedTable?
    /// The imports that can read the file, codes first; never empty.
    public let kinds: [ImportKind]

    /// Reads and classifies the file at `path`: `~` stands for the home folder, and a relative
    /// path starts in `directory` (the working folder when nil).
    ///
    /// Throws `ImportFileProblem` when the file cannot be read or neither import can use it.
    public static func read(
        path: String, relativeTo directory: URL? = nil
    ) throws(ImportFileProblem) -> ImportFile {
        let url = resolve(path, relativeTo: directory)
        let data: Data
        do throws(InputFileError) {
            data = try InputFile.read(path: url.path)
        } catch {
            throw ImportFileProblem(path: url.path, reason: error.reason)
        }
        do throws(ImportFileError) {
            let text = try TextFileDecoding.decode(data).text
            let start = text.unicodeScalars.first {
                !CharacterSet.whitespacesAndNewlines.contains($0)
            }
            if start == "{" || start == "[" {
                return ImportFile(url: url, data: data, table: nil, kinds: [.codes])
            }
            let table = try DelimitedTable.parse(text)
            let kinds = try Self.kinds(of: table)
            return ImportFile(url: url, data: data, table: table, kinds: kinds)
        } catch {
            throw ImportFileProblem(path: url.path, reason: error.errorDescription ?? "\(error)")
        }
    }

    /// The absolute file URL of `path` typed relative to `directory`.
    public static func resolve(_ path: String, relativeTo directory: URL?) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/"), let directory else {
            return URL(fileURLWithPath: expanded).standardizedFileURL
        }
        return directory.appendingPathComponent(expanded).standardizedFileURL
    }

    /// The imports whose required column the header has.
    static func kinds(of table: DelimitedTable) throws(ImportFileError) -> [ImportKind] {
        var kinds: [ImportKind] = []
        if table.column(named: CodesFile.Column.name.aliases) != nil { kinds.append(.codes) }
        if table.column(named: UsersFile.emailHeaders + UsersFile.personIdHeaders) != nil {
            kinds.append(.users)
        }
        guard !kinds.isEmpty else {
            throw .missingColumn(
                "name (for codes) or user (for users' values)",
                expected: ["name", "email", "personId"])
        }
        return kinds
    }

    /// The rows of a codes import.
    public func codesRows() throws(ImportFileProblem) -> [CodesFileRow] {
        do throws(ImportFileError) {
            if let table { return try CodesFile.rows(from: table) }
            return try CodesFile.rows(from: data)
        } catch {
            throw ImportFileProblem(path: url.path, reason: error.errorDescription ?? "\(error)")
        }
    }

    /// Where a users import writes its report: `FILE.report.csv` beside the file, as the CLI.
    public var reportURL: URL { UsersImport.reportURL(for: url, dryRun: false) }
}

/// Why a file chosen for an import cannot be used, with the path, for a person to act on.
public struct ImportFileProblem: Error, Hashable, Sendable, LocalizedError {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var errorDescription: String? { "\(path): \(reason)" }
}
