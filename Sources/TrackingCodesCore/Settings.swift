import Foundation
import WebexAPI

/// The user's settings file (`config.json` in the config directory).
///
/// Every key is optional, and a missing file means the defaults:
/// ```json
/// { "readOnlySites": ["prod.webex.com"], "defaultConcurrency": 8,
///   "siteManagement": { "lab.webex.com": "siteAdmin" } }
/// ```
public struct Settings: Codable, Hashable, Sendable {
    public static let concurrencyRange = 1...32

    /// Sites trackcodes must never write to, whatever the token allows.
    public var readOnlySites: [String]
    /// How many deletes a bulk job keeps in flight.
    public var defaultConcurrency: Int
    /// How each site is administered, when the user knows it. The API does not say, and one rule
    /// (`hostProfileCode: required` only on Site Admin managed sites) depends on it.
    public var siteManagement: [String: SiteManagement]

    public init(
        readOnlySites: [String] = [], defaultConcurrency: Int = 8,
        siteManagement: [String: SiteManagement] = [:]
    ) {
        self.readOnlySites = readOnlySites
        self.defaultConcurrency = defaultConcurrency
        self.siteManagement = siteManagement
    }

    enum CodingKeys: String, CodingKey {
        case readOnlySites, defaultConcurrency, siteManagement
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Settings()
        readOnlySites = try c.decodeIfPresent([String].self, forKey: .readOnlySites) ?? defaults.readOnlySites
        defaultConcurrency = try c.decodeIfPresent(Int.self, forKey: .defaultConcurrency)
            ?? defaults.defaultConcurrency
        siteManagement = try c.decodeIfPresent([String: SiteManagement].self, forKey: .siteManagement)
            ?? defaults.siteManagement
    }

    /// True when the settings list `siteUrl` as read-only (host names ignore case).
    public func listsReadOnly(_ siteUrl: String) -> Bool {
        readOnlySites.contains { $0.caseInsensitiveCompare(siteUrl) == .orderedSame }
    }

    /// How `siteUrl` is managed, or nil when the settings do not say.
    public func management(of siteUrl: String) -> SiteManagement? {
        siteManagement.first { $0.key.caseInsensitiveCompare(siteUrl) == .orderedSame }?.value
    }

    /// The settings in `url`, or the defaults when there is no such file.
    public static func load(from url: URL) throws(SettingsError) -> Settings {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return Settings()
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Settings()
        }

        let settings: Settings
        do {
            settings = try JSONDecoder().decode(Settings.self, from: data)
        } catch {
            throw .malformed(path: url.path, detail: JSONProblem.describe(error))
        }
        guard concurrencyRange.contains(settings.defaultConcurrency) else {
            throw .invalidValue(
                path: url.path,
                detail: "'defaultConcurrency' must be between \(concurrencyRange.lowerBound) and "
                    + "\(concurrencyRange.upperBound) (it is \(settings.defaultConcurrency))")
        }
        return settings
    }

    /// Writes the settings to `url` (mode 0600), replacing the file in one step.
    public func save(to url: URL) throws(SettingsError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(self)
            try OwnerOnlyFiles.writeAtomically(data + Data("\n".utf8), to: url)
        } catch let problem as FileProblem {
            throw .unwritable(path: problem.path, reason: problem.reason)
        } catch {
            throw .unwritable(path: url.path, reason: "\(error)")
        }
    }
}

/// Why the settings file could not be used.
public enum SettingsError: Error, Hashable, Sendable, LocalizedError {
    case unreadable(path: String, reason: String)
    case malformed(path: String, detail: String)
    case invalidValue(path: String, detail: String)
    case unwritable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            "Cannot read the settings file \(path): \(reason)"
        case .malformed(let path, let detail):
            "The settings file \(path) is not valid: \(detail). Fix it or move it away to use the defaults."
        case .invalidValue(let path, let detail):
            "The settings file \(path) has a bad value: \(detail)"
        case .unwritable(let path, let reason):
            "Cannot write the settings file \(path): \(reason)"
        }
    }
}

/// Turns a JSON decoding error into one short sentence that points at the problem.
enum JSONProblem {
    static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // Foundation puts "around line N, column M" in the underlying error.
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey]
            return "it is not JSON" + ((underlying as? String).map { " (\($0))" } ?? "")
        case .typeMismatch(let type, let context):
            return "'\(keyPath(context))' should be \(describe(type))"
        case .valueNotFound(let type, let context):
            return "'\(keyPath(context))' should be \(describe(type)), not null"
        case .keyNotFound(let key, let context):
            return "'\(keyPath(context, appending: key))' is missing"
        case .dataCorrupted(let context):
            return "'\(keyPath(context))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func keyPath(
        _ context: DecodingError.Context, appending key: (any CodingKey)? = nil
    ) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        default: "\(type)"
        }
    }
}
