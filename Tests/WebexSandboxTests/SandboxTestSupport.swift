import Foundation
import Testing
import WebexAPI
@testable import WebexSandbox

/// A fresh demo sandbox served over loopback HTTP, and the production client talking to it
/// through URLSession: what these tests check is what a user's curl or client would see.
final class LiveSandbox {
    let sandbox: Sandbox
    let server: SandboxHTTPServer
    let baseURL: URL
    let client: WebexClient

    init(faults: SandboxFaults = .none) throws {
        sandbox = try Sandbox.demo(faults: faults)
        server = SandboxHTTPServer(sandbox: sandbox)
        baseURL = try server.start()
        client = WebexClient(baseURL: baseURL, token: AccessToken(Sandbox.demoToken),
                             transport: URLSessionTransport(timeout: 10), retryPolicy: .none)
    }

    func stop() { server.stop() }

    /// Sends a raw request, for cases the typed client cannot express.
    func raw(_ method: String, _ path: String, body: String? = nil,
             headers: [String: String] = [:], token: String? = Sandbox.demoToken) async throws -> (Int, JSONValue?) {
        var allHeaders = headers
        if let token { allHeaders["Authorization"] = "Bearer \(token)" }
        let url = try #require(URL(string: baseURL.absoluteString + path))
        let response = try await URLSessionTransport(timeout: 10).send(
            HTTPRequest(method: method, url: url, headers: allHeaders, body: body.map { Data($0.utf8) }))
        return (response.status, JSONValue.parse(response.body))
    }
}

let demoSite = "acme.webex.com"
let siteAdminSite = "acme-eu.webex.com"
let mappedSite = "acme-apac.webex.com"

func draft(_ name: String, site: String = demoSite, mode: InputMode = .select,
           options: [TrackingCodeOption] = [.init(value: "A", defaultValue: true), .init(value: "B")],
           host: HostProfileCode = .optional,
           schedule: [ScheduleStartCode]? = [.init(service: .all, type: .optional)]) -> TrackingCodeDraft {
    TrackingCodeDraft(name: name, siteUrl: site, options: options, inputMode: mode, hostProfileCode: host, scheduleStartCodes: schedule)
}

extension WebexError {
    /// The first Webex error description, for asserting on the sandbox's wording.
    var firstDescription: String? {
        if case .api(_, _, let descriptions, _) = self { return descriptions.first }
        return nil
    }
}
