import Foundation
import TrackingCodesCore
import WebexAPI

/// The MCP server's protocol core, shared by the stdio and HTTP transports.
///
/// It serves both eras per request. A request whose `params._meta` names a protocol version
/// (or a `server/discover`) is served statelessly by 2026-07-28's rules; anything else,
/// starting with `initialize`, by 2025-11-25's. The spec lets a dual-era server serve both on
/// one endpoint or process; keeping no per-connection state makes that free.
public final class MCPServer: Sendable {
    /// Which revision's rules a request is served by.
    enum Era: Hashable, Sendable {
        case handshake
        case modern(version: String)
    }

    public static let serverName = "trackcodes"
    public static var serverVersion: String { TrackcodesVersion.current }

    let catalog: MCPToolCatalog
    let runner: MCPToolRunner

    public init(operations: TrackingCodeOperations) {
        catalog = MCPToolCatalog(readOnly: operations.isReadOnly)
        runner = MCPToolRunner(catalog: catalog, operations: operations)
    }

    // MARK: - Messages

    /// Answers one decoded message; nil when no answer is due (notifications, responses).
    func handle(_ value: JSONValue) async -> JSONValue? {
        let message: JSONRPCMessage
        do throws(JSONRPCError) {
            message = try JSONRPCMessage(value)
        } catch {
            return JSONRPCMessage.error(id: JSONRPCMessage.errorID(of: value), error)
        }
        guard case .request(let id, let method, let params) = message else { return nil }
        do throws(JSONRPCError) {
            let era = try Self.era(method: method, params: params)
            return JSONRPCMessage.result(id: id, try await respond(method: method, params: params, era: era))
        } catch {
            return JSONRPCMessage.error(id: id, error)
        }
    }

    /// Which era serves `method`, after checking a modern request's envelope.
    static func era(method: String, params: JSONValue?) throws(JSONRPCError) -> Era {
        guard claimsModern(method: method, params: params) else { return .handshake }
        let version = try envelopeVersion(params)
        guard version == MCPProtocol.modernVersion else { throw .unsupportedVersion(version) }
        return .modern(version: version)
    }

    /// Whether a request asks for 2026-07-28's rules: it calls `server/discover` or names a
    /// protocol version in `_meta` (a key only that era defines). `initialize` never does.
    static func claimsModern(method: String, params: JSONValue?) -> Bool {
        guard method != "initialize" else { return false }
        return method == "server/discover" || params?["_meta"]?[MCPProtocol.protocolVersionKey] != nil
    }

    /// The protocol version a modern request's `_meta` names, once the envelope is complete.
    static func envelopeVersion(_ params: JSONValue?) throws(JSONRPCError) -> String {
        guard let fields = params?["_meta"]?.objectValue else {
            throw .invalidParams(
                "params._meta must be an object carrying '\(MCPProtocol.protocolVersionKey)' and "
                    + "'\(MCPProtocol.clientCapabilitiesKey)'")
        }
        let missing = [MCPProtocol.protocolVersionKey, MCPProtocol.clientCapabilitiesKey]
            .filter { fields[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.joined(separator: ", ")
            let keys = CountedNoun.noun("key", count: missing.count)
            throw .invalidParams("params._meta is missing the required \(keys): \(names)")
        }
        guard let version = fields[MCPProtocol.protocolVersionKey]?.stringValue else {
            throw .invalidParams("'\(MCPProtocol.protocolVersionKey)' must be a string")
        }
        return version
    }

    /// The result of one request in `era`.
    func respond(method: String, params: JSONValue?, era: Era) async throws(JSONRPCError) -> JSONValue {
        switch (era, method) {
        case (.handshake, "initialize"):
            return try initializeResult(params)
        case (.handshake, "ping"):
            return .object([:])
        case (.modern, "server/discover"):
            return stamped(discoverResult())
        case (_, "tools/list"):
            var result: [String: JSONValue] = ["tools": .array(catalog.tools.map(\.definition))]
            if case .modern = era {
                // The list depends only on the server's options, not on who asks.
                result["cacheScope"] = .string("public")
                result["ttlMs"] = .number(60_000)
                return stamped(.object(result))
            }
            return .object(result)
        case (_, "tools/call"):
            let result = try await runner.call(params)
            if case .modern = era { return stamped(result) }
            return result
        default:
            throw .methodNotFound(method)
        }
    }

    // MARK: - Results

    private static let instructions =
        "Manage Webex Meetings tracking codes: the site-level codes (list, get, create, replace, delete) "
            + "and each user's values. Writes are checked against Webex's rules first and recorded in "
            + "trackcodes' journal; use dryRun to see a write's request without sending it."

    private var capabilities: JSONValue {
        .object(["tools": .object(["listChanged": .bool(false)])])
    }

    private var serverInfo: JSONValue {
        .object([
            "name": .string(Self.serverName), "title": .string("trackcodes: Webex tracking codes"),
            "version": .string(Self.serverVersion),
        ])
    }

    private func initializeResult(_ params: JSONValue?) throws(JSONRPCError) -> JSONValue {
        guard params?["protocolVersion"]?.stringValue != nil else {
            throw .invalidParams("initialize needs 'protocolVersion', a string")
        }
        // Whatever the client proposes, the handshake answers with the one handshake revision
        // served here; the client decides whether it can go on with it.
        return .object([
            "protocolVersion": .string(MCPProtocol.handshakeVersion),
            "capabilities": capabilities,
            "serverInfo": serverInfo,
            "instructions": .string(Self.instructions),
        ])
    }

    private func discoverResult() -> JSONValue {
        .object([
            "supportedVersions": .array(MCPProtocol.supportedVersions.map { .string($0) }),
            "capabilities": capabilities,
            "instructions": .string(Self.instructions),
            "cacheScope": .string("public"),
            "ttlMs": .number(60_000),
        ])
    }

    /// A 2026-07-28 result: `resultType` and the server's identity in `_meta`.
    private func stamped(_ result: JSONValue) -> JSONValue {
        guard case .object(var fields) = result else { return result }
        fields["resultType"] = fields["resultType"] ?? .string("complete")
        var meta = fields["_meta"]?.objectValue ?? [:]
        meta[MCPProtocol.serverInfoKey] = serverInfo
        fields["_meta"] = .object(meta)
        return .object(fields)
    }
}
