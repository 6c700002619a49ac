import Foundation
import WebexAPI

/// Which schema language a document is written in. MCP tools use JSON Schema 2020-12; the
/// REST adapter's description is OpenAPI 3.0, whose schema objects spell "may be null" as
/// `nullable: true` instead of a second type.
public enum SchemaDialect: Sendable {
    case jsonSchema
    case openAPI3
}

/// Small constructors for JSON Schema objects, so schemas read like the data they describe.
enum SchemaBuilder {
    static func object(
        _ properties: [String: JSONValue], required: [String] = [], description: String? = nil,
        closed: Bool = false
    ) -> JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string("object"),
            "properties": .object(properties),
        ]
        if !required.isEmpty { fields["required"] = .array(required.map { .string($0) }) }
        if let description { fields["description"] = .string(description) }
        if closed { fields["additionalProperties"] = .bool(false) }
        return .object(fields)
    }

    static func string(
        _ description: String, oneOf values: [String]? = nil, minLength: Int? = nil,
        maxLength: Int? = nil, example: String? = nil
    ) -> JSONValue {
        var fields: [String: JSONValue] = ["type": .string("string"), "description": .string(description)]
        if let values { fields["enum"] = .array(values.map { .string($0) }) }
        if let minLength { fields["minLength"] = .number(Double(minLength)) }
        if let maxLength { fields["maxLength"] = .number(Double(maxLength)) }
        if let example { fields["example"] = .string(example) }
        return .object(fields)
    }

    static func boolean(_ description: String, defaultValue: Bool? = nil) -> JSONValue {
        var fields: [String: JSONValue] = ["type": .string("boolean"), "description": .string(description)]
        if let defaultValue { fields["default"] = .bool(defaultValue) }
        return .object(fields)
    }

    static func array(
        of items: JSONValue, description: String, maxItems: Int? = nil, nullable: Bool = false,
        dialect: SchemaDialect = .jsonSchema
    ) -> JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string("array"), "items": items, "description": .string(description),
        ]
        if let maxItems { fields["maxItems"] = .number(Double(maxItems)) }
        if nullable {
            switch dialect {
            case .jsonSchema: fields["type"] = .array([.string("array"), .string("null")])
            case .openAPI3: fields["nullable"] = .bool(true)
            }
        }
        return .object(fields)
    }

    /// The raw values of a tolerant enum's documented cases.
    static func values<E: TolerantEnum>(_ type: E.Type) -> [String] {
        E.documentedCases.map(\.rawValue)
    }
}
