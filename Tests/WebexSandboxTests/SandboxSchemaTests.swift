import Foundation
import Testing
import WebexAPI
@testable import WebexSandbox

/// Every kind of sandbox answer, checked by a Python jsonschema run against Cisco's own schemas.
@Suite("Sandbox responses validate against the official OpenAPI schemas")
struct SandboxSchemaTests {
    struct Exchange {
        var method: String
        var template: String
        var path: String
        var body: String? = nil
        var headers: [String: String] = [:]
        var token: String? = Sandbox.demoToken
    }

    static let codes = "/admin/meeting/config/trackingCodes"
    static let code = "/admin/meeting/config/trackingCodes/{trackingCodeId}"
    static let user = "/admin/meeting/userconfig/trackingCodes"
    static let goodBody = #"{"name":"Schema Probe","siteUrl":"acme.webex.com","inputMode":"select","options":[{"value":"A","defaultValue":true}],"hostProfileCode":"optional","scheduleStartCodes":[{"service":"All","type":"optional"}]}"#
    static let hostProfileBody = #"{"name":"Probe HPS","siteUrl":"acme.webex.com","inputMode":"hostProfileSelect","options":[{"value":"A","defaultValue":false}],"hostProfileCode":"optional","scheduleStartCodes":null}"#

    static let exchanges: [Exchange] = [
        Exchange(method: "GET", template: "/meetingPreferences/sites", path: "/meetingPreferences/sites"),
        Exchange(method: "GET", template: codes, path: codes),
        Exchange(method: "GET", template: codes, path: codes + "?siteUrl=acme-eu.webex.com"),
        Exchange(method: "GET", template: codes, path: codes + "?siteUrl=acme-lab.webex.com"),
        Exchange(method: "GET", template: codes, path: codes + "?siteUrl=nowhere.webex.com"),
        Exchange(method: "GET", template: codes, path: codes, token: nil),
        Exchange(method: "POST", template: codes, path: codes, body: goodBody),
        Exchange(method: "POST", template: codes, path: codes, body: hostProfileBody),
        Exchange(method: "POST", template: codes, path: codes, body: goodBody),  // now a duplicate: 409
        Exchange(method: "POST", template: codes, path: codes, body: "{broken"),
        Exchange(method: "POST", template: codes, path: codes, body: #"{"name":"x"}"#),
        Exchange(method: "POST", template: codes, path: codes,
                 body: goodBody.replacingOccurrences(of: "acme.webex.com", with: "acme-apac.webex.com")),
        Exchange(method: "GET", template: code, path: codes + "/1"),
        Exchange(method: "GET", template: code, path: codes + "/4?siteUrl=acme.webex.com"),
        Exchange(method: "GET", template: code, path: codes + "/9999"),
        Exchange(method: "PUT", template: code, path: codes + "/1", body: goodBody.replacingOccurrences(of: "Schema Probe", with: "Department")),
        Exchange(method: "PUT", template: code, path: codes + "/10001", body: goodBody),
        Exchange(method: "DELETE", template: code, path: codes + "/2?siteUrl=acme.webex.com"),
        Exchange(method: "DELETE", template: code, path: codes + "/2?siteUrl=acme.webex.com"),
        Exchange(method: "DELETE", template: code, path: codes + "/3"),
        Exchange(method: "GET", template: user, path: user, headers: ["email": "wang.fang@acme.example.com"]),
        Exchange(method: "GET", template: user, path: user + "?siteUrl=acme-lab.webex.com", headers: ["email": "wang.fang@acme.example.com"]),
        Exchange(method: "GET", template: user, path: user),
        Exchange(method: "GET", template: user, path: user, headers: ["email": "nobody@example.com"]),
        Exchange(method: "PUT", template: user, path: user,
                 body: #"{"siteUrl":"acme.webex.com","email":"wang.fang@acme.example.com","trackingCodes":[{"name":"Department","value":"Sales"}]}"#),
        Exchange(method: "PUT", template: user, path: user,
                 body: #"{"siteUrl":"acme.webex.com","email":"wang.fang@acme.example.com","trackingCodes":[{"name":"1","value":"x"}]}"#),
    ]

    @Test func everyAnswerMatchesTheSchemas() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        var records: [[String: Any]] = []
        var statuses: Set<Int> = []
        for exchange in Self.exchanges {
            let (status, json) = try await live.raw(exchange.method, exchange.path, body: exchange.body,
                                                    headers: exchange.headers, token: exchange.token)
            statuses.insert(status)
            let body: Any = try json.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0), options: [.fragmentsAllowed]) } ?? NSNull()
            records.append(["method": exchange.method, "path": exchange.template, "status": status, "body": body])
        }
        // The exchanges must really cover success and each error kind, or the check proves little.
        #expect(statuses.isSuperset(of: [200, 204, 400, 401, 403, 404, 409]))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: records).write(to: file)
        let result = try runPython(["Tests/Support/validate_webex_schemas.py", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(Self.exchanges.count) responses checked, 0 problems"), "\(result.output)")
    }
}

/// Runs python3 from the package root; the validator is test-only tooling.
func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.currentDirectoryURL = root
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
