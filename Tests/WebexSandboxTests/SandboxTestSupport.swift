import Foundation
import WebexAPI
@testable import WebexSandbox

/// A client on a fresh demo sandbox, and the sandbox to inspect.
func makeDemoClient(faults: SandboxFaults = .none, sleeper: any Sleeper = TaskSleeper(),
                    retryPolicy: RetryPolicy = .none) throws -> (WebexClient, Sandbox) {
    let sandbox = try Sandbox.demo(faults: faults)
    let client = WebexClient(
        baseURL: Sandbox.inProcessBaseURL, token: AccessToken(Sandbox.demoToken),
        transport: SandboxTransport(sandbox), sleeper: sleeper, retryPolicy: retryPolicy)
    return (client, sandbox)
}

/// Sends a raw request to the sandbox, for cases the typed client cannot express.
func rawRequest(_ sandbox: Sandbox, _ method: String, _ path: String, body: String? = nil,
                headers: [String: String] = [:], token: String? = Sandbox.demoToken) async -> (Int, JSONValue?) {
    var allHeaders = headers
    if let token { allHeaders["Authorization"] = "Bearer \(token)" }
    let url = URL(string: Sandbox.inProcessBaseURL.absoluteString + path)!
    let response = await sandbox.handle(HTTPRequest(method: method, url: url, headers: allHeaders, body: body.map { Data($0.utf8) }))
    return (response.status, JSONValue.parse(response.body))
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
