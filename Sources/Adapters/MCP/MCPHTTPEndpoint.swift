import Foundation
import HTTPServer
import WebexAPI

/// The MCP server over Streamable HTTP, at `POST /mcp`, for both protocol revisions.
///
/// Every answer is one JSON object (no event streams: nothing here runs long or notifies),
/// and no session id is minted. 2026-07-28 requests must mirror their protocol version,
/// method and tool name into headers; a mismatch is refused before anything runs. Origins
/// other than loopback ones are refused with 403 (DNS rebinding protection), and the access
/// token is checked when one is set.
public struct MCPHTTPEndpoint: Sendable {
    public static let path = "/mcp"

    let server: MCPServer
    let policy: AccessPolicy

    public init(server: MCPServer, policy: AccessPolicy) {
        self.server = server
        self.policy = policy
    }

    /// Answers one HTTP request; every failure is an HTTP answer.
    public func handle(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        if let denial = policy.denial(for: request) {
            let challenge = denial.status == 401 ? [(name: "WWW-Authenticate", value: "Bearer")] : []
            let error = JSONRPCMessage.error(id: .null, .invalidRequest(denial.sentence))
            return Self.reply(denial.status, error, headers: challenge)
        }
        let path = request.path.count > 1 && request.path.hasSuffix("/")
            ? String(request.path.dropLast()) : request.path
        if path == "/healthz", request.method == "GET" {
            return .json(200, JSONCoding.data(JSONValue.object(["status": .string("ok")])))
        }
        guard path == Self.path else {
            let body: JSONValue = .object([
                "message": .string("No resource at \(request.path). The MCP endpoint is POST \(Self.path)."),
            ])
            return .json(404, JSONCoding.data(body))
        }
        // 2026-07-28 has no GET stream and no sessions to DELETE; 2025-11-25 lets a server
        // without a stream answer GET with 405.
        guard request.method == "POST" else {
            return HTTPServerResponse(status: 405, headers: [(name: "Allow", value: "POST")])
        }
        if let accept = request.header("Accept"), !Self.acceptsJSON(accept) {
            let error = JSONRPCError.invalidRequest("the Accept header must allow application/json")
            return Self.reply(406, JSONRPCMessage.error(id: .null, error))
        }
        guard let type = request.header("Content-Type"), RESTAdapter.isJSON(type) else {
            let error = JSONRPCError.invalidRequest("send the message with Content-Type: application/json")
            return Self.reply(415, JSONRPCMessage.error(id: .null, error))
        }
        guard let body = JSONValue.parse(request.body) else {
            return Self.reply(400, JSONRPCMessage.error(id: .null, .parseError("the body is not valid JSON")))
        }
        return await answer(body, request)
    }

    private func answer(_ body: JSONValue, _ request: HTTPServerRequest) async -> HTTPServerResponse {
        let message: JSONRPCMessage
        do throws(JSONRPCError) {
            message = try JSONRPCMessage(body)
        } catch {
            return Self.reply(400, JSONRPCMessage.error(id: JSONRPCMessage.errorID(of: body), error))
        }
        let headerVersion = request.header(MCPProtocol.Header.protocolVersion)

        guard case .request(let id, let method, let params) = message else {
            // Notifications and answers: accepted and dropped, unless the version is not ours.
            if let headerVersion, !MCPProtocol.supportedVersions.contains(headerVersion) {
                return Self.reply(400, JSONRPCMessage.error(id: .null, .unsupportedVersion(headerVersion)))
            }
            return HTTPServerResponse(status: 202)
        }
        if let duplicated = Self.duplicatedRoutingHeader(request) {
            let error = JSONRPCError.headerMismatch("the \(duplicated) header appears more than once")
            return Self.reply(400, JSONRPCMessage.error(id: id, error))
        }

        let isModern = headerVersion == MCPProtocol.modernVersion
            || MCPServer.claimsModern(method: method, params: params)
        do throws(JSONRPCError) {
            let era: MCPServer.Era
            if isModern {
                let version = try MCPServer.envelopeVersion(params)
                try Self.checkHeaders(request, version: version, method: method, params: params)
                guard version == MCPProtocol.modernVersion else {
                    throw JSONRPCError.unsupportedVersion(version)
                }
                era = .modern(version: version)
            } else {
                if let headerVersion, headerVersion != MCPProtocol.handshakeVersion {
                    throw JSONRPCError.unsupportedVersion(headerVersion)
                }
                era = .handshake
            }
            let result = try await server.respond(method: method, params: params, era: era)
            return Self.reply(200, JSONRPCMessage.result(id: id, result))
        } catch {
            // The handshake era sends errors with 200, except a version it cannot serve.
            let handshakeStatus = error.code == JSONRPCError.unsupportedVersionCode ? 400 : 200
            let status = isModern ? error.modernHTTPStatus : handshakeStatus
            return Self.reply(status, JSONRPCMessage.error(id: id, error))
        }
    }

    // MARK: - Header rules of 2026-07-28

    /// The version, method and name headers must be present and agree with the body.
    static func checkHeaders(
        _ request: HTTPServerRequest, version: String, method: String, params: JSONValue?
    ) throws(JSONRPCError) {
        guard request.header(MCPProtocol.Header.protocolVersion) == version else {
            throw .headerMismatch(
                "the \(MCPProtocol.Header.protocolVersion) header must be present and equal the request's "
                    + "'\(MCPProtocol.protocolVersionKey)' (\(version))")
        }
        guard request.header(MCPProtocol.Header.method) == method else {
            throw .headerMismatch(
                "the \(MCPProtocol.Header.method) header must be present and equal '\(method)'")
        }
        if let key = MCPProtocol.nameBearingMethods[method], let value = params?[key]?.stringValue {
            let header = request.header(MCPProtocol.Header.name).flatMap(decodeHeaderValue)
            guard header == value else {
                throw .headerMismatch(
                    "the \(MCPProtocol.Header.name) header must be present and equal '\(value)'")
            }
        }
    }

    /// A routing header sent twice, which readers of the first and of the last copy would see
    /// differently.
    static func duplicatedRoutingHeader(_ request: HTTPServerRequest) -> String? {
        let names = [MCPProtocol.Header.protocolVersion, MCPProtocol.Header.method, MCPProtocol.Header.name]
        for name in names {
            let count = request.headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.count
            if count > 1 { return name }
        }
        return nil
    }

    /// Reads the `=?base64?…?=` form clients use for values that are not plain ASCII; nil for
    /// a malformed one, so it never matches by accident.
    static func decodeHeaderValue(_ value: String) -> String? {
        let prefix = "=?base64?"
        let suffix = "?="
        guard value.hasPrefix(prefix), value.hasSuffix(suffix),
              value.count >= prefix.count + suffix.count else {
            return value
        }
        let payload = String(value.dropFirst(prefix.count).dropLast(suffix.count))
        guard let data = Data(base64Encoded: payload), data.base64EncodedString() == payload else { return nil }
        return String(data: data, encoding: .utf8)
    }

    // MARK: - Parts

    static func acceptsJSON(_ accept: String) -> Bool {
        accept.split(separator: ",").contains { item in
            let mediaType = item.split(separator: ";").first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? ""
            return mediaType == "application/json" || mediaType == "application/*" || mediaType == "*/*"
        }
    }

    private static func reply(
        _ status: Int, _ message: JSONValue, headers: [(name: String, value: String)] = []
    ) -> HTTPServerResponse {
        .json(status, JSONCoding.data(message), headers: headers)
    }
}
