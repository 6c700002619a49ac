import Foundation
import TrackingCodesCore
import WebexAPI

/// A tracking code given as JSON with `--body FILE` (or `--body -` for standard input).
///
/// Any subset of the fields of Webex's create/update object; what is left out keeps its current
/// (update) or default (create) value. The `id` that `codes get --json` prints is accepted and
/// ignored, so a code can be fetched, edited and sent back. Any other unknown field is refused:
/// a misspelt field would otherwise be dropped without a word.
struct TrackingCodeBody: Sendable, Equatable {
    /// `scheduleStartCodes` can be absent (keep), `null` (Webex's "not asked anywhere" for
    /// hostProfileSelect codes) or a list.
    enum Schedule: Sendable, Equatable {
        case absent
        case null
        case codes([ScheduleStartCode])
    }

    /// The `id` that `codes get --json` prints; only checked, never sent (the id is in the path).
    var id: String?
    var name: String?
    var siteUrl: String?
    var options: [TrackingCodeOption]?
    var inputMode: InputMode?
    var hostProfileCode: HostProfileCode?
    var scheduleStartCodes: Schedule = .absent

    static let knownFields = [
        "name", "siteUrl", "options", "inputMode", "hostProfileCode", "scheduleStartCodes",
    ]

    /// Reads the body named by the `--body` argument: a path, or `-` for standard input.
    static func read(_ argument: String, standardInput: any InputSource) throws -> TrackingCodeBody {
        if argument == "-" {
            let source = "the body on standard input"
            do {
                return try decode(try standardInput.readAll(), source: source)
            } catch let error as CLIFailure {
                throw error
            } catch {
                throw CLIFailure.invalidInput("cannot read \(source): \(error.localizedDescription)")
            }
        }
        let data: Data
        do throws(InputFileError) {
            data = try InputFile.read(path: argument)
        } catch {
            throw CLIFailure.invalidInput(error.message)
        }
        return try decode(data, source: "the body file '\(argument)'")
    }

    static func decode(_ data: Data, source: String) throws -> TrackingCodeBody {
        guard !data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw CLIFailure.invalidInput("\(source) is empty; expected a JSON object")
        }
        do {
            return try JSONDecoder().decode(Wire.self, from: data).body
        } catch let problem as UnknownField {
            throw CLIFailure.invalidInput(
                "\(source) has an unknown field '\(problem.name)'; the fields are "
                    + knownFields.joined(separator: ", "))
        } catch let error as DecodingError {
            throw CLIFailure.invalidInput("\(source) \(Self.describe(error, in: data))")
        }
    }

    /// `draft` with every field this body gives replaced.
    func applied(to draft: TrackingCodeDraft) -> TrackingCodeDraft {
        var result = draft
        if let name { result.name = name }
        if let siteUrl { result.siteUrl = siteUrl }
        if let options { result.options = options }
        if let inputMode { result.inputMode = inputMode }
        if let hostProfileCode { result.hostProfileCode = hostProfileCode }
        switch scheduleStartCodes {
        case .absent: break
        case .null: result.scheduleStartCodes = nil
        case .codes(let codes): result.scheduleStartCodes = codes
        }
        return result
    }

    private static func describe(_ error: DecodingError, in data: Data) -> String {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "is not valid JSON" + (syntaxErrorDetail(data).map { " (\($0))" } ?? "")
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return "must be a JSON object"
        case .typeMismatch(let type, let context):
            return "has the wrong type at '\(path(context.codingPath))': expected \(describe(type))"
        case .valueNotFound(let type, let context):
            return "has null at '\(path(context.codingPath))': expected \(describe(type))"
        case .keyNotFound(let key, let context):
            return "is missing '\(path(context.codingPath + [key]))'"
        case .dataCorrupted(let context):
            return "has an unreadable value at '\(path(context.codingPath))'"
        @unknown default:
            return "cannot be read: \(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "a JSON object"
        }
    }

    /// `options[2].value`, as a person would point at the field.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// Where the JSON goes wrong; JSONDecoder does not say, JSONSerialization does.
    private static func syntaxErrorDetail(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    /// Thrown while decoding when the body has a field Webex's object does not.
    private struct UnknownField: Error {
        let name: String
    }

    /// The JSON shape, decoded field by field so presence and `null` can be told apart.
    private struct Wire: Decodable {
        let body: TrackingCodeBody

        struct Key: CodingKey {
            let stringValue: String
            let intValue: Int? = nil
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            let allowed = TrackingCodeBody.knownFields + ["id"]
            if let unknown = c.allKeys.first(where: { !allowed.contains($0.stringValue) }) {
                throw UnknownField(name: unknown.stringValue)
            }
            var body = TrackingCodeBody()
            let idKey = Key(stringValue: "id")
            body.id = try (try? c.decodeIfPresent(String.self, forKey: idKey))
                ?? c.decodeIfPresent(Int64.self, forKey: idKey).map(String.init)
            body.name = try c.decodeIfPresent(String.self, forKey: Key(stringValue: "name"))
            body.siteUrl = try c.decodeIfPresent(String.self, forKey: Key(stringValue: "siteUrl"))
            body.options = try c.decodeIfPresent(
                [TrackingCodeOption].self, forKey: Key(stringValue: "options"))
            body.inputMode = try c.decodeIfPresent(InputMode.self, forKey: Key(stringValue: "inputMode"))
            body.hostProfileCode = try c.decodeIfPresent(
                HostProfileCode.self, forKey: Key(stringValue: "hostProfileCode"))
            let scheduleKey = Key(stringValue: "scheduleStartCodes")
            if c.contains(scheduleKey) {
                body.scheduleStartCodes = try c.decodeNil(forKey: scheduleKey)
                    ? .null : .codes(try c.decode([ScheduleStartCode].self, forKey: scheduleKey))
            }
            self.body = body
        }
    }
}
