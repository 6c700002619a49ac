import Foundation
import WebexAPI

/// JSON-RPC requests as MCP clients send them, for tests that speak the protocol by hand.
enum MCPMessages {
    static let modern = "2026-07-28"
    static let handshake = "2025-11-25"

    /// The 2026-07-28 envelope every modern request carries in `params._meta`.
    static func envelope(version: String = modern) -> JSONValue {
        .object([
            "io.modelcontextprotocol/protocolVersion": .string(version),
            "io.modelcontextprotocol/clientCapabilities": .object([:]),
            "io.modelcontextprotocol/clientInfo": .object(["name": .string("swift-tests"), "version": .string("1")]),
        ])
    }

    static func request(_ id: Int, _ method: String, _ params: [String: JSONValue] = [:]) -> JSONValue {
        .object([
            "jsonrpc": .string("2.0"), "id": .number(Double(id)), "method": .string(method),
            "params": .object(params),
        ])
    }

    /// A request in the 2026-07-28 era: the envelope added to `params`.
    static func modernRequest(
        _ id: Int, _ method: String, _ params: [String: JSONValue] = [:], version: String = modern
    ) -> JSONValue {
        var withMeta = params
        withMeta["_meta"] = envelope(version: version)
        return request(id, method, withMeta)
    }

    static func initialize(_ id: Int, version: String = handshake) -> JSONValue {
        request(id, "initialize", [
            "protocolVersion": .string(version),
            "capabilities": .object([:]),
            "clientInfo": .object(["name": .string("swift-tests"), "version": .string("1")]),
        ])
    }

    static func call(_ id: Int, _ tool: String, _ arguments: [String: JSONValue], modern: Bool = false) -> JSONValue {
        let params: [String: JSONValue] = ["name": .string(tool), "arguments": .object(arguments)]
        return modern ? modernRequest(id, "tools/call", params) : request(id, "tools/call", params)
    }

    static func text(_ value: JSONValue) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
    }
}

extension JSONValue {
    /// A tool result's first text block.
    var resultText: String? { self["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue }
    var errorCode: Int? { self["error"]?["code"]?.numberValue.map { Int($0) } }
    var isErrorResult: Bool { self["result"]?["isError"]?.boolValue == true }
}
