import Foundation
import WebexAPI

/// One incoming JSON-RPC 2.0 message, as MCP allows it: a single object (no batches).
enum JSONRPCMessage: Hashable, Sendable {
    case request(id: JSONValue, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// A client's answer to a server request. This server sends none, so these are dropped.
    case response

    /// Reads a decoded message.
    ///
    /// - Throws: a JSON-RPC error to send back with `errorID` (the request's id when it could
    ///   be read, null otherwise).
    init(_ value: JSONValue) throws(JSONRPCError) {
        guard let object = value.objectValue else {
            let what = value.arrayValue != nil ? "batches are not supported" : "a message must be a JSON object"
            throw .invalidRequest(what)
        }
        guard object["jsonrpc"]?.stringValue == "2.0" else {
            throw .invalidRequest("'jsonrpc' must be \"2.0\"")
        }
        let params = object["params"]
        if let params, params.objectValue == nil, !params.isNull {
            throw .invalidRequest("'params' must be an object")
        }
        guard let methodValue = object["method"] else {
            guard object["id"] != nil, object["result"] != nil || object["error"] != nil else {
                throw .invalidRequest("a message needs a 'method'")
            }
            self = .response
            return
        }
        guard let method = methodValue.stringValue else { throw .invalidRequest("'method' must be a string") }
        guard let id = object["id"] else {
            self = .notification(method: method, params: params)
            return
        }
        guard Self.isValidID(id) else {
            throw .invalidRequest("'id' must be a string or an integer, and not null")
        }
        self = .request(id: id, method: method, params: params)
    }

    /// The id to answer with when `value` is refused: its own id if it has a usable one.
    static func errorID(of value: JSONValue) -> JSONValue {
        guard let id = value["id"], isValidID(id) else { return .null }
        return id
    }

    static func isValidID(_ id: JSONValue) -> Bool {
        switch id {
        case .string: true
        case .number(let number): number.rounded() == number && abs(number) < 9_007_199_254_740_992
        default: false
        }
    }

    // MARK: - Replies

    static func result(id: JSONValue, _ result: JSONValue) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": id, "result": result])
    }

    static func error(id: JSONValue, _ error: JSONRPCError) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": id, "error": error.json])
    }
}
