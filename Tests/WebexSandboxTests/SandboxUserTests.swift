import Foundation
import Testing
import WebexAPI
@testable import WebexSandbox

@Suite("Sandbox: user-level tracking codes")
struct SandboxUserTests {
    let email = "wang.fang@acme.example.com"

    @Test func userGetTakesTheEmailAsAHeader() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (status, body) = try await live.raw("GET", "/admin/meeting/userconfig/trackingCodes", headers: ["email": email])
        #expect(status == 200)
        #expect(body?["email"]?.stringValue == email)
        // As a query parameter it is not read: Webex wants the header.
        let (queryStatus, _) = try await live.raw("GET", "/admin/meeting/userconfig/trackingCodes?email=\(email)")
        #expect(queryStatus == 400)
    }

    @Test func personIdWinsOverEmail() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let other = sandbox.dataset.users[5]
        let (_, body) = try await live.raw("GET", "/admin/meeting/userconfig/trackingCodes?personId=\(other.personId)", headers: ["email": email])
        #expect(body?["personId"]?.stringValue == other.personId)
        let byId = try await client.userTrackingCodes(for: .personId(other.personId))
        #expect(byId.email == other.email)
    }

    @Test func neitherPersonIdNorEmailIs400AndUnknownUserIs404() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (status, body) = try await live.raw("GET", "/admin/meeting/userconfig/trackingCodes")
        #expect(status == 400)
        #expect(body?["errors"]?.arrayValue?.first?["description"]?.stringValue == "'personId' or 'email' is required")
        let (unknown, unknownBody) = try await live.raw("GET", "/admin/meeting/userconfig/trackingCodes", headers: ["email": "nobody@x.com"])
        #expect(unknown == 404)
        #expect(unknownBody?["errors"]?.arrayValue?.first?["description"]?.stringValue == "User 'nobody@x.com' is not found.")
    }

    @Test func updateMergesNamedValuesAndKeepsTheOthers() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let before = sandbox.userValues(siteUrl: demoSite, email: email)
        let result = try await client.updateUserTrackingCodes(.init(
            siteUrl: demoSite, user: .email(email), trackingCodes: [.init(name: "Department", value: "Sales")]))
        #expect(result.value(named: "Department") == "Sales")
        var expected = before
        expected["Department"] = "Sales"
        #expect(sandbox.userValues(siteUrl: demoSite, email: email) == expected)
    }

    @Test func selectValuesMustBeOptionsAndUnknownNamesAreRefused() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (client, sandbox) = (live.client, live.sandbox)
        let before = sandbox.userValues(siteUrl: demoSite, email: email)
        do {
            _ = try await client.updateUserTrackingCodes(.init(siteUrl: demoSite, user: .email(email),
                                                                trackingCodes: [.init(name: "Department", value: "Astrology")]))
            Issue.record("accepted a value that is not an option")
        } catch {
            #expect(error.status == 400)
        }
        do {
            _ = try await client.updateUserTrackingCodes(.init(siteUrl: demoSite, user: .email(email),
                                                                trackingCodes: [.init(name: "1", value: "x")]))
            Issue.record("accepted an unknown code name")
        } catch {
            #expect(error.firstDescription == "Tracking code of '1' is not found.")
        }
        #expect(sandbox.userValues(siteUrl: demoSite, email: email) == before)
    }

    /// The sandbox changes its store in place; a list refused part-way must change nothing.
    @Test func aListRefusedPartWayChangesNoneOfItsValues() async throws {
        let sandbox = try Sandbox.demo()
        let client = WebexClient(
            baseURL: Sandbox.inProcessBaseURL, token: AccessToken(Sandbox.demoToken),
            transport: SandboxTransport(sandbox), retryPolicy: .none)
        let before = sandbox.userValues(siteUrl: demoSite, email: email)
        #expect(before["Cost Center"] != "CC-refused")
        do {
            _ = try await client.updateUserTrackingCodes(.init(
                siteUrl: demoSite, user: .email(email),
                trackingCodes: [.init(name: "Cost Center", value: "CC-refused"),
                                .init(name: "Department", value: "Astrology")]))
            Issue.record("accepted a value that is not an option")
        } catch {
            #expect(error.status == 400)
        }
        #expect(sandbox.userValues(siteUrl: demoSite, email: email) == before)
    }

    @Test func anExtraIdInItemsIsTolerated() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let body = #"{"siteUrl":"acme.webex.com","email":"wang.fang@acme.example.com","trackingCodes":[{"id":"3","name":"Cost Center","value":"CC-1"}]}"#
        let (status, json) = try await live.raw("PUT", "/admin/meeting/userconfig/trackingCodes", body: body)
        #expect(status == 200)
        #expect(json?["trackingCodes"]?.arrayValue?.contains { $0["name"]?.stringValue == "Cost Center" && $0["value"]?.stringValue == "CC-1" } == true)
    }
}

@Suite("Sandbox control API over HTTP")
struct SandboxControlTests {
    @Test func faultsCanBeSetAndStateReadOnARunningSandbox() async throws {
        let live = try LiveSandbox()
        defer { live.stop() }
        let (unauthorized, _) = try await live.raw("GET", "/../_sandbox/state", token: nil)
        #expect(unauthorized == 401 || unauthorized == 400)
        let control = URL(string: live.baseURL.absoluteString.replacingOccurrences(of: "/v1", with: "/_sandbox/faults"))!
        let put = HTTPRequest(method: "PUT", url: control, headers: ["Authorization": "Bearer \(Sandbox.demoToken)"],
                              body: Data(#"{"failingIds":["1"],"failingStatus":500}"#.utf8))
        let answer = try await URLSessionTransport().send(put)
        #expect(answer.status == 200)
        #expect(live.sandbox.faults.failingIds == ["1"])
        #expect(live.sandbox.faults.retryAfterSeconds == SandboxFaults().retryAfterSeconds)
        do {
            _ = try await live.client.trackingCode(id: "1")
            Issue.record("the failing id was answered")
        } catch {
            #expect(error.status == 500)
        }
        let state = HTTPRequest(method: "GET", url: URL(string: control.absoluteString.replacingOccurrences(of: "faults", with: "state"))!,
                                headers: ["Authorization": "Bearer \(Sandbox.demoToken)"])
        let dataset = try JSONDecoder().decode(SandboxDataset.self, from: try await URLSessionTransport().send(state).body)
        #expect(dataset.codes.count == live.sandbox.dataset.codes.count)
    }
}
