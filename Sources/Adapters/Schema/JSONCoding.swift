import Foundation
import WebexAPI

/// JSON in and out for the adapters: one encoder configuration, no pretty printing, so every
/// message fits on one line (the stdio transport depends on it).
enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The bytes of `value`. Our values hold only strings, numbers, booleans, arrays and
    /// objects, which always encode; `{}` stands in should that ever change.
    static func data<T: Encodable>(_ value: T) -> Data {
        (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// `value` as a `JSONValue`, for mixing model objects into protocol messages.
    static func json<T: Encodable>(_ value: T) -> JSONValue {
        JSONValue.parse(data(value)) ?? .object([:])
    }

    /// `value` as one line of text.
    static func text<T: Encodable>(_ value: T) -> String {
        String(decoding: data(value), as: UTF8.self)
    }
}
