import Foundation
import WebexAPI

/// Sites that refused a write because their tracking codes are mapped to user attributes.
///
/// Webex answers 403 on every write to such a site, and the mapping cannot be undone, so the
/// lesson is kept in the state directory: the next session marks the site read-only up front
/// instead of letting the user edit a form that can never be saved.
public struct LearnedReadOnlySites: Hashable, Sendable {
    /// Site URL (lower-cased) → the reason shown to the user.
    public private(set) var reasons: [String: String]

    public init(reasons: [String: String] = [:]) {
        self.reasons = Dictionary(reasons.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
    }

    public func reason(for siteUrl: String) -> String? { reasons[siteUrl.lowercased()] }

    /// Records `siteUrl`; returns false when it was already known.
    @discardableResult
    public mutating func learn(_ siteUrl: String, reason: String) -> Bool {
        let key = siteUrl.lowercased()
        guard reasons[key] == nil else { return false }
        reasons[key] = reason
        return true
    }

    /// The sites in `url`; none when the file does not exist.
    public static func load(from url: URL) throws(FileProblem) -> LearnedReadOnlySites {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return LearnedReadOnlySites()
        } catch {
            throw FileProblem(path: url.path, reason: error.localizedDescription)
        }
        do {
            return LearnedReadOnlySites(reasons: try JSONDecoder().decode([String: String].self, from: data))
        } catch {
            throw FileProblem(path: url.path, reason: "not valid: \(JSONProblem.describe(error))")
        }
    }

    public func save(to url: URL) throws(FileProblem) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(reasons)
        } catch {
            throw FileProblem(path: url.path, reason: "cannot encode: \(error)")
        }
        try OwnerOnlyFiles.writeAtomically(data, to: url)
    }

    /// True when `error` is Webex refusing a write because the site's codes are mapped.
    public static func isMappedCodesRefusal(_ error: WebexError) -> Bool {
        guard case .api(403, let message, let descriptions, _) = error else { return false }
        return ([message] + descriptions).contains {
            $0.range(of: "mapped", options: .caseInsensitive) != nil
        }
    }
}
