import Foundation
import WebexAPI

/// Runs `tools/call`: reads the arguments, calls the shared operations, and shapes the result.
///
/// A tool that ran and failed (Webex said no, a rule is broken, an argument is wrong) answers
/// with `isError: true` and a sentence the model can act on. Only protocol misuse (an unknown
/// tool, `params` of the wrong shape) throws a JSON-RPC error.
struct MCPToolRunner: Sendable {
    let catalog: MCPToolCatalog
    let operations: TrackingCodeOperations

    /// The `CallToolResult` for `params` (without `resultType`, which the era adds).
    func call(_ params: JSONValue?) async throws(JSONRPCError) -> JSONValue {
        guard let name = params?["name"]?.stringValue else {
            throw .invalidParams("tools/call needs 'name', the tool's name as a string")
        }
        guard let tool = catalog.tool(named: name) else {
            let known = catalog.tools.map(\.name.rawValue).joined(separator: ", ")
            throw .invalidParams("Unknown tool: \(name). The tools are: \(known)")
        }
        let arguments: [String: JSONValue]
        switch params?["arguments"] {
        case nil, .null?: arguments = [:]
        case .object(let fields)?: arguments = fields
        case let other?: throw .invalidParams("'arguments' must be an object, not \(other.typeName)")
        }

        do throws(AdapterFailure) {
            let fields = JSONFields(arguments)
            try fields.rejectUnknownKeys(allowed: tool.argumentNames)
            return Self.success(try await run(tool.name, fields))
        } catch {
            return Self.failure(error)
        }
    }

    // MARK: - The tools

    private func run(_ name: MCPToolName, _ fields: JSONFields) async throws(AdapterFailure) -> JSONValue {
        let dryRun = try fields.optionalBool("dryRun") ?? false
        switch name {
        case .list:
            let codes = try await operations.list(siteUrl: try fields.optionalString("siteUrl"))
            return JSONCoding.json(TrackingCodeList(items: codes))
        case .get:
            let code = try await operations.get(
                id: try fields.requiredString("id"), siteUrl: try fields.optionalString("siteUrl"))
            return JSONCoding.json(code)
        case .create:
            let draft = try WebexBodyReader.draft(from: fields.object, optionsDefault: [])
            if dryRun { return try await preview(.createTrackingCode(draft)) }
            return JSONCoding.json(try await operations.create(draft))
        case .update:
            let id = try fields.requiredString("id")
            let draft = try WebexBodyReader.draft(from: fields.object)
            if dryRun { return try await preview(.updateTrackingCode(id: id, draft)) }
            return JSONCoding.json(try await operations.update(id: id, draft))
        case .delete:
            let id = try fields.requiredString("id")
            let siteUrl = try fields.requiredString("siteUrl")
            if dryRun { return try await preview(.deleteTrackingCode(id: id, siteUrl: siteUrl)) }
            try await operations.delete(id: id, siteUrl: siteUrl)
            return .object(["deleted": .bool(true), "id": .string(id), "siteUrl": .string(siteUrl)])
        case .getUser:
            let codes = try await operations.userCodes(
                personId: try fields.optionalString("personId"), email: try fields.optionalString("email"),
                siteUrl: try fields.optionalString("siteUrl"))
            return JSONCoding.json(codes)
        case .updateUser:
            guard fields.object["trackingCodes"] != nil else { throw .invalid("'trackingCodes' is required") }
            let update = try WebexBodyReader.userUpdate(from: fields.object)
            if dryRun {
                var result = try await preview(.updateUserTrackingCodes(update))
                if case .object(var parts) = result {
                    parts["note"] = .string(
                        "Not checked: that each name is a code of the site and that select codes get one "
                            + "of their options; that needs a read from Webex, and a dry run sends nothing.")
                    result = .object(parts)
                }
                return result
            }
            return JSONCoding.json(try await operations.updateUserCodes(update))
        }
    }

    private func preview(_ endpoint: WebexEndpoint) async throws(AdapterFailure) -> JSONValue {
        let request = try await operations.preview(endpoint)
        return .object(["dryRun": .bool(true), "request": request.json])
    }

    // MARK: - Results

    static func success(_ structured: JSONValue) -> JSONValue {
        .object([
            "content": .array([textBlock(JSONCoding.text(structured))]),
            "structuredContent": structured,
        ])
    }

    static func failure(_ failure: AdapterFailure) -> JSONValue {
        var text = failure.sentence
        if let hint = hint(for: failure) { text += " " + hint }
        return .object(["content": .array([textBlock(text)]), "isError": .bool(true)])
    }

    private static func textBlock(_ text: String) -> JSONValue {
        .object(["type": .string("text"), "text": .string(text)])
    }

    /// What to do next, for the failures where it is not obvious from Webex's words.
    private static func hint(for failure: AdapterFailure) -> String? {
        switch failure {
        case .invalid:
            return "Fix the arguments and call again."
        case .readOnly, .journalUnavailable:
            return nil
        case .conflict:
            return "Call get-tracking-code for the current version, then send the whole code again."
        case .webex(let error):
            switch error {
            case .rateLimited(_?, _):
                // The sentence already gives Webex's own wait.
                return nil
            case .badResponse:
                return "Webex's answer could not be read; try again, and quote the trackingId to "
                    + "Cisco support if it keeps happening."
            default:
                break
            }
            switch error.status {
            case 404?: return "Check the id, site or user: list-tracking-codes shows the site's codes."
            case 409?: return "Choose another name, or update the existing code instead."
            case 403?: return "This site or account may not change these codes; a person can check Control Hub."
            case 429?: return "Wait a little and try again."
            case 401?: return "The Webex access token trackcodes uses is missing, wrong or expired."
            case let status? where status >= 500:
                return "Webex could not do this just now; try again later, and quote the trackingId "
                    + "to Cisco support if it keeps failing."
            case let status? where status >= 400:
                return "Webex refused the arguments; correct them as its message says and call "
                    + "again."
            default: return error.isNetworkOrAuth ? "Try again when Webex can be reached." : nil
            }
        }
    }
}
