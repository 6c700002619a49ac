import Foundation
import WebexAPI

/// One MCP tool as `tools/list` publishes it.
struct MCPTool: Sendable {
    /// The behaviour hints clients show to users and use to ask before acting.
    struct Annotations: Sendable {
        var readOnly: Bool
        /// Meaningful only for tools that write.
        var destructive: Bool?
        var idempotent: Bool
        /// Every tool here talks to Webex, an outside system.
        var openWorld = true

        var json: JSONValue {
            var fields: [String: JSONValue] = [
                "readOnlyHint": .bool(readOnly),
                "idempotentHint": .bool(idempotent),
                "openWorldHint": .bool(openWorld),
            ]
            if let destructive { fields["destructiveHint"] = .bool(destructive) }
            return .object(fields)
        }
    }

    let name: MCPToolName
    let title: String
    let description: String
    let inputSchema: JSONValue
    let outputSchema: JSONValue
    let annotations: Annotations

    var isWrite: Bool { !annotations.readOnly }

    /// The argument names the input schema lists; others are refused.
    var argumentNames: Set<String> {
        Set(inputSchema["properties"]?.objectValue?.keys.map { $0 } ?? [])
    }

    var definition: JSONValue {
        var annotationFields = annotations.json.objectValue ?? [:]
        annotationFields["title"] = .string(title)
        return .object([
            "name": .string(name.rawValue),
            "title": .string(title),
            "description": .string(description),
            "inputSchema": inputSchema,
            "outputSchema": outputSchema,
            "annotations": .object(annotationFields),
        ])
    }
}

/// The seven tools, named as the issue fixes them.
enum MCPToolName: String, CaseIterable, Sendable {
    case list = "list-tracking-codes"
    case create = "create-tracking-code"
    case get = "get-tracking-code"
    case update = "update-tracking-code"
    case delete = "delete-tracking-code"
    case getUser = "get-user-tracking-codes"
    case updateUser = "update-user-tracking-codes"
}
