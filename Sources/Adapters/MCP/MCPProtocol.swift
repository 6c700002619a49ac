import Foundation
import WebexAPI

/// The protocol revisions the MCP server speaks and the names they fix.
///
/// 2025-11-25 opens with the `initialize` handshake. 2026-07-28 is stateless: every request
/// carries its version, client info and capabilities in `params._meta`, results carry
/// `resultType`, and `server/discover` replaces the handshake.
public enum MCPProtocol {
    public static let modernVersion = "2026-07-28"
    public static let handshakeVersion = "2025-11-25"
    /// Newest first, as `server/discover` and version errors list them.
    public static let supportedVersions = [modernVersion, handshakeVersion]

    static let protocolVersionKey = "io.modelcontextprotocol/protocolVersion"
    static let clientCapabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    static let serverInfoKey = "io.modelcontextprotocol/serverInfo"

    /// HTTP headers of the Streamable HTTP transport (names compare without case).
    enum Header {
        static let protocolVersion = "MCP-Protocol-Version"
        static let method = "Mcp-Method"
        static let name = "Mcp-Name"
    }

    /// Methods whose `params` field is mirrored into the `Mcp-Name` header.
    static let nameBearingMethods = ["tools/call": "name", "prompts/get": "name", "resources/read": "uri"]
}

/// A JSON-RPC error: protocol misuse, as opposed to a tool that ran and failed.
public struct JSONRPCError: Error, Hashable, Sendable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    /// 2026-07-28: HTTP headers disagree with the body, or a required one is missing.
    public static let headerMismatchCode = -32020
    /// 2026-07-28: the request names a protocol version this server does not speak.
    public static let unsupportedVersionCode = -32022

    static func parseError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: parseErrorCode, message: "Parse error: \(detail)")
    }

    static func invalidRequest(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: invalidRequestCode, message: "Invalid request: \(detail)")
    }

    static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: methodNotFoundCode, message: "Method not found: \(method)")
    }

    static func invalidParams(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: invalidParamsCode, message: detail)
    }

    static func headerMismatch(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: headerMismatchCode, message: "Header mismatch: \(detail)")
    }

    static func unsupportedVersion(_ requested: String) -> JSONRPCError {
        JSONRPCError(
            code: unsupportedVersionCode, message: "Unsupported protocol version",
            data: .object([
                "supported": .array(MCPProtocol.supportedVersions.map { .string($0) }),
                "requested": .string(requested),
            ]))
    }

    /// The HTTP status a 2026-07-28 request's error is sent with; other errors ride a 200.
    var modernHTTPStatus: Int {
        switch code {
        case Self.methodNotFoundCode: 404
        case Self.parseErrorCode, Self.invalidRequestCode, Self.invalidParamsCode,
             Self.headerMismatchCode, Self.unsupportedVersionCode, -32021: 400
        default: 200
        }
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["code": .number(Double(code)), "message": .string(message)]
        if let data { fields["data"] = data }
        return .object(fields)
    }
}
