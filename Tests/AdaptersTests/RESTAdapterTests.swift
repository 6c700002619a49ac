import Adapters
import Foundation
import Testing
import WebexAPI
import WebexSandbox

/// The REST adapter on 127.0.0.1, driven with URLSession, over an in-process sandbox.
@Suite("REST adapter over loopback HTTP")
struct RESTAdapterTests {
    static let codes = "/v1/admin/meeting/config/trackingcodes"
    static let userCodes = "/v1/admin/meeting/userconfig/trackingcodes"
    static let newCode = #"{"name":"Adapter Probe","siteUrl":"acme.webex.com","inputMode":"select","options":[{"value":"A","defaultValue":true},{"value":"B","defaultValue":false}],"hostProfileCode":"optional","scheduleStartCodes":[{"service":"All","type":"optional"}]}"#

    @Test("GET list and GET one answer Webex's JSON for the site's codes")
    func readsCodes() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let list = try await HTTP.call("GET", servers.rest(Self.codes + "?siteUrl=\(demoSite)"))
            #expect(list.status == 200)
            let ids = list.json?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(ids == fixture.sandbox.codes(siteUrl: demoSite).map(\.id))

            // Webex's own spelling of the path works too.
            let camel = try await HTTP.call("GET", servers.rest("/v1/admin/meeting/config/trackingCodes"))
            #expect(camel.status == 200)

            let one = try await HTTP.call("GET", servers.rest(Self.codes + "/1?siteUrl=\(demoSite)"))
            #expect(one.status == 200)
            let expected = try #require(fixture.sandbox.codes(siteUrl: demoSite).first { $0.id == "1" })
            let decoded = try JSONDecoder().decode(TrackingCode.self, from: one.body)
            #expect(decoded == expected)
        }
    }

    @Test("Reads pass Webex's bytes through, so fields and values newer than trackcodes survive")
    func passesUnknownFieldsThrough() async throws {
        let future = #"{"items":[{"futureField":{"level":2},"hostProfileCode":"optional","id":"1","inputMode":"voiceInput","name":"Department","options":[],"scheduleStartCodes":[],"siteUrl":"acme.webex.com"}]}"#
        let fixture = try await AdapterFixture.make(transport: FixedAnswerTransport(body: future))
        try await withServers(fixture) { servers in
            let answer = try await HTTP.call("GET", servers.rest(Self.codes))
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == future)
            #expect(answer.header("TrackingID") == "FUTURE_1")
        }
    }

    @Test("Webex's 404 passes through with its status, body and trackingId")
    func passesThroughNotFound() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let answer = try await HTTP.call("GET", servers.rest(Self.codes + "/9999?siteUrl=\(demoSite)"))
            #expect(answer.status == 404)
            #expect(answer.json?["message"]?.stringValue == "The requested resource could not be found.")
            #expect(answer.firstDescription == "Tracking code ID '9999' is invalid.")
            let trackingId = try #require(answer.json?["trackingId"]?.stringValue)
            #expect(!trackingId.isEmpty)
            #expect(answer.header("TrackingID") == trackingId)
        }
    }

    @Test("POST creates the code at Webex; the same name again is Webex's 409")
    func createsThenConflicts() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let created = try await HTTP.call("POST", servers.rest(Self.codes), body: Self.newCode)
            #expect(created.status == 200)
            let id = try #require(created.json?["id"]?.stringValue)
            #expect(fixture.sandbox.codes(siteUrl: demoSite).contains { $0.id == id && $0.name == "Adapter Probe" })

            let again = try await HTTP.call("POST", servers.rest(Self.codes), body: Self.newCode)
            #expect(again.status == 409)
            #expect(again.firstDescription == "Tracking code name 'Adapter Probe' already exists.")
        }
    }

    /// Webex's docs: "The `siteUrl` is required" on create, with the 400 example
    /// `'siteUrl' cannot be empty`; unlike the GETs, there is no preferred-site default.
    @Test("POST without siteUrl is Webex's documented 400, and nothing is created")
    func createWithoutSiteIsRefusedAsWebexDocumentsIt() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let before = fixture.sandbox.codes(siteUrl: demoSite).count
            let noSite = Self.newCode.replacingOccurrences(of: #""siteUrl":"acme.webex.com","#, with: "")
            #expect(noSite != Self.newCode)
            let refused = try await HTTP.call("POST", servers.rest(Self.codes), body: noSite)
            #expect(refused.status == 400)
            #expect(refused.firstDescription == "'siteUrl' cannot be empty")
            #expect(fixture.sandbox.codes(siteUrl: demoSite).count == before)
        }
    }

    @Test("A body the TUI would refuse is a 400 naming the rule, and nothing reaches Webex")
    func refusesWhatTheEditorRefuses() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let before = fixture.sandbox.handledRequestCount
            let noOptions = Self.newCode.replacingOccurrences(
                of: #""options":[{"value":"A","defaultValue":true},{"value":"B","defaultValue":false}]"#,
                with: #""options":[]"#)
            let refused = try await HTTP.call("POST", servers.rest(Self.codes), body: noOptions)
            #expect(refused.status == 400)
            #expect(refused.json?["message"]?.stringValue?.contains("malformed syntax") == true)
            #expect(refused.firstDescription == "'options' cannot be empty when 'inputMode' is 'select'")

            let adminSetMismatch = Self.newCode.replacingOccurrences(
                of: #""hostProfileCode":"optional""#, with: #""hostProfileCode":"adminSet""#)
            let rule = try await HTTP.call("POST", servers.rest(Self.codes), body: adminSetMismatch)
            #expect(rule.status == 400)
            #expect(rule.firstDescription?.contains("when 'hostProfileCode' is adminSet") == true)

            let wrongType = try await HTTP.call("POST", servers.rest(Self.codes), body: #"{"name":5}"#)
            #expect(wrongType.status == 400)
            #expect(wrongType.firstDescription == "'name' must be a string, not number")

            #expect(fixture.sandbox.handledRequestCount == before)
        }
    }

    @Test("PUT replaces the code at Webex; an unknown id is Webex's 404 from the read the journal needs")
    func updates() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let original = try #require(fixture.sandbox.codes(siteUrl: demoSite).first { $0.id == "3" })
            var draft = original.draft
            draft.name = "Cost Centre"
            let body = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)

            let updated = try await HTTP.call("PUT", servers.rest(Self.codes + "/3"), body: body)
            #expect(updated.status == 200)
            #expect(updated.json?["name"]?.stringValue == "Cost Centre")
            #expect(fixture.sandbox.codes(siteUrl: demoSite).first { $0.id == "3" }?.name == "Cost Centre")

            // The journal keeps the code as it was, so it is read first; an unknown id ends there.
            let unknown = try await HTTP.call("PUT", servers.rest(Self.codes + "/10001"), body: body)
            #expect(unknown.status == 404)
            #expect(unknown.firstDescription == "Tracking code ID '10001' is invalid.")
            #expect(try await fixture.journal().filter { $0.kind == .intent }.count == 1)
        }
    }

    @Test("A PUT whose If-Match is the ETag of an older read is a 412, and the other change stays")
    func refusesStalePutWithIfMatch() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let read = try await HTTP.call("GET", servers.rest(Self.codes + "/3?siteUrl=\(demoSite)"))
            let tag = try #require(read.header("ETag"))
            let original = try JSONDecoder().decode(TrackingCode.self, from: read.body)

            // Another admin renames the code at Webex after our read.
            var theirs = original.draft
            theirs.name = "Renamed Elsewhere"
            _ = try await fixture.client.updateTrackingCode(id: "3", theirs)

            var ours = original.draft
            ours.name = "Ours After Reading"
            let body = String(decoding: try JSONEncoder().encode(ours), as: UTF8.self)
            let stale = try await HTTP.call(
                "PUT", servers.rest(Self.codes + "/3"), body: body, headers: ["If-Match": tag])
            #expect(stale.status == 412)
            #expect(stale.json?["trackingId"]?.stringValue?.isEmpty == false)
            #expect(stale.firstDescription?.contains("changed since it was read") == true)
            #expect(stale.header("ETag") != tag)
            #expect(fixture.sandbox.codes(siteUrl: demoSite).first { $0.id == "3" }?.name
                == "Renamed Elsewhere")

            // Read again: the fresh ETag lets the same change through.
            let fresh = try await HTTP.call("GET", servers.rest(Self.codes + "/3?siteUrl=\(demoSite)"))
            let freshTag = try #require(fresh.header("ETag"))
            #expect(freshTag == stale.header("ETag"))
            var rebased = try JSONDecoder().decode(TrackingCode.self, from: fresh.body).draft
            rebased.name = ours.name
            let rebasedBody = String(decoding: try JSONEncoder().encode(rebased), as: UTF8.self)
            let accepted = try await HTTP.call(
                "PUT", servers.rest(Self.codes + "/3"), body: rebasedBody,
                headers: ["If-Match": freshTag])
            #expect(accepted.status == 200, "\(String(decoding: accepted.body, as: UTF8.self))")
            #expect(accepted.json?["name"]?.stringValue == "Ours After Reading")
            #expect(accepted.header("ETag") != freshTag)
        }
    }

    @Test("A PUT without If-Match replaces the code as it is now, as before")
    func putWithoutIfMatchStillReplaces() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let original = try #require(fixture.sandbox.codes(siteUrl: demoSite).first { $0.id == "3" })
            var theirs = original.draft
            theirs.name = "Renamed Elsewhere"
            _ = try await fixture.client.updateTrackingCode(id: "3", theirs)

            var ours = original.draft
            ours.name = "Ours Wins"
            let body = String(decoding: try JSONEncoder().encode(ours), as: UTF8.self)
            let put = try await HTTP.call("PUT", servers.rest(Self.codes + "/3"), body: body)
            #expect(put.status == 200)
            #expect(fixture.sandbox.codes(siteUrl: demoSite).first { $0.id == "3" }?.name == "Ours Wins")
        }
    }

    @Test("A rule only Webex knows here passes Webex's 400 and its body through")
    func passesThroughWebexBadRequest() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            // Whether a site is Control Hub managed is not in this session's settings, so the
            // adapter lets Webex judge 'required', and Webex refuses it.
            let required = Self.newCode.replacingOccurrences(
                of: #""hostProfileCode":"optional""#, with: #""hostProfileCode":"required""#)
            let answer = try await HTTP.call("POST", servers.rest(Self.codes), body: required)
            #expect(answer.status == 400)
            #expect(answer.json?["message"]?.stringValue?.contains("malformed syntax") == true)
            #expect(answer.firstDescription?.contains("Control Hub managed site") == true)
            #expect(answer.json?["trackingId"]?.stringValue?.hasPrefix("TRACKCODES_") == false)
        }
    }

    @Test("DELETE removes the code; without siteUrl it is refused before sending")
    func deletes() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let before = fixture.sandbox.handledRequestCount
            let missingSite = try await HTTP.call("DELETE", servers.rest(Self.codes + "/2"))
            #expect(missingSite.status == 400)
            #expect(missingSite.firstDescription == "'siteUrl' cannot be empty")
            #expect(fixture.sandbox.handledRequestCount == before)

            let deleted = try await HTTP.call("DELETE", servers.rest(Self.codes + "/2?siteUrl=\(demoSite)"))
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            #expect(!fixture.sandbox.codes(siteUrl: demoSite).contains { $0.id == "2" })

            let gone = try await HTTP.call("DELETE", servers.rest(Self.codes + "/2?siteUrl=\(demoSite)"))
            #expect(gone.status == 404)
        }
    }

    @Test("A write on a site with mapped codes passes Webex's 403 through")
    func passesThroughMappedSiteRefusal() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let body = Self.newCode.replacingOccurrences(of: demoSite, with: mappedSite)
            let answer = try await HTTP.call("POST", servers.rest(Self.codes), body: body)
            #expect(answer.status == 403)
            #expect(answer.firstDescription?.contains("mapped to user attributes") == true)
        }
    }

    @Test("User GET takes email as a header or a query parameter, or personId")
    func readsUserCodes() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let byHeader = try await HTTP.call("GET", servers.rest(Self.userCodes), headers: ["email": demoUserEmail])
            #expect(byHeader.status == 200)
            #expect(byHeader.json?["email"]?.stringValue == demoUserEmail)
            let values = fixture.sandbox.userValues(siteUrl: demoSite, email: demoUserEmail)
            let names = byHeader.json?["trackingCodes"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(Set(names ?? []) == Set(values.keys))

            let query = try await HTTP.call("GET", servers.rest(Self.userCodes + "?email=\(demoUserEmail)"))
            #expect(query.status == 200)
            #expect(query.body == byHeader.body)

            let personId = try #require(byHeader.json?["personId"]?.stringValue)
            let byPerson = try await HTTP.call("GET", servers.rest(Self.userCodes + "?personId=\(personId)"))
            #expect(byPerson.json?["email"]?.stringValue == demoUserEmail)

            let nobody = try await HTTP.call("GET", servers.rest(Self.userCodes))
            #expect(nobody.status == 400)
            #expect(nobody.firstDescription == "'personId' or 'email' is required")
        }
    }

    @Test("User PUT sets an option value; a value that is not an option is refused before the write")
    func updatesUserCodes() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let department = try #require(fixture.sandbox.codes(siteUrl: demoSite).first { $0.name == "Department" })
            let option = try #require(department.options.last?.value)
            let body = #"{"siteUrl":"acme.webex.com","email":"\#(demoUserEmail)","trackingCodes":[{"name":"Department","value":"\#(option)"}]}"#
            let set = try await HTTP.call("PUT", servers.rest(Self.userCodes), body: body)
            #expect(set.status == 200)
            #expect(fixture.sandbox.userValues(siteUrl: demoSite, email: demoUserEmail)["Department"] == option)

            let invented = body.replacingOccurrences(of: option, with: "Not An Option")
            let refused = try await HTTP.call("PUT", servers.rest(Self.userCodes), body: invented)
            #expect(refused.status == 400)
            #expect(refused.firstDescription?.contains("is not one of the options of 'Department'") == true)
            #expect(fixture.sandbox.userValues(siteUrl: demoSite, email: demoUserEmail)["Department"] == option)

            let unknownCode = body.replacingOccurrences(of: "\"Department\"", with: "\"Departmnet\"")
            let typo = try await HTTP.call("PUT", servers.rest(Self.userCodes), body: unknownCode)
            #expect(typo.status == 400)
            #expect(typo.firstDescription?.hasPrefix("Tracking code of 'Departmnet' is not found.") == true)
        }
    }

    @Test("Unknown paths are JSON 404s and wrong methods JSON 405s with Allow")
    func answersUnknownPathsAndMethods() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let missing = try await HTTP.call("GET", servers.rest("/v1/people/me"))
            #expect(missing.status == 404)
            #expect(missing.json?["message"]?.stringValue == "The requested resource could not be found.")

            let wrong = try await HTTP.call("PATCH", servers.rest(Self.codes + "/1"), body: "{}")
            #expect(wrong.status == 405)
            #expect(wrong.header("Allow") == "GET, PUT, DELETE")
            #expect(wrong.json?["errors"] != nil)

            let deleteAll = try await HTTP.call("DELETE", servers.rest(Self.codes))
            #expect(deleteAll.status == 405)
            #expect(deleteAll.header("Allow") == "GET, POST")
        }
    }

    @Test("A body not declared JSON is a 415")
    func refusesFormBodies() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let answer = try await HTTP.call(
                "POST", servers.rest(Self.codes), body: Self.newCode,
                headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(answer.status == 415)
            #expect(answer.json?["trackingId"] != nil)
        }
    }

    @Test("/openapi.json describes the adapter and /healthz answers")
    func describesItself() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let document = try await HTTP.call("GET", servers.rest("/openapi.json"))
            #expect(document.status == 200)
            #expect(document.json?["openapi"]?.stringValue == "3.0.3")
            let paths = Set(document.json?["paths"]?.objectValue?.keys.map { $0 } ?? [])
            #expect(paths.isSuperset(of: [Self.codes, Self.codes + "/{trackingCodeId}", Self.userCodes]))

            let health = try await HTTP.call("GET", servers.rest("/healthz"))
            #expect(health.status == 200)
            #expect(health.json?["status"]?.stringValue == "ok")
        }
    }

    @Test("A body over the limit is a 413, headers over the limit a 431")
    func enforcesSizeLimits() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture, limits: .small) { servers in
            let body = String(repeating: "x", count: 8 * 1024)
            let large = try RawConnection(port: servers.restPort)
            try large.send("POST \(Self.codes) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
            #expect(try await large.readStatus() == 413)

            let padded = try RawConnection(port: servers.restPort)
            let filler = String(repeating: "a", count: 8 * 1024)
            try padded.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: \(filler)\r\n\r\n")
            #expect(try await padded.readStatus() == 431)
        }
    }

    @Test("The server's own refusals (413, 431, 411, 408) are in Webex's JSON error shape")
    func serverRefusalsAreWebexErrors() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture, limits: .smallWithBodyTimeout(bodySeconds: 0.2)) { servers in
            let body = String(repeating: "x", count: 8 * 1024)
            let requests: [(Int, String)] = [
                (413, "POST \(Self.codes) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"),
                (431, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: \(body)\r\n\r\n"),
                (411, "POST \(Self.codes) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"),
                (408, "POST \(Self.codes) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{"),
            ]
            for (expected, request) in requests {
                let connection = try RawConnection(port: servers.restPort)
                try connection.send(request)
                let response = try await connection.readResponse()
                #expect(response.status == expected)
                #expect(response.headers["content-type"]?.hasPrefix("application/json") == true,
                        "\(expected): \(response.headers)")
                let error = try JSONDecoder().decode(WebexErrorBody.self, from: response.body)
                #expect(error.message?.isEmpty == false, "\(expected)")
                #expect(error.errors?.first?.description.isEmpty == false, "\(expected)")
                #expect(error.trackingId?.hasPrefix("TRACKCODES_") == true, "\(expected)")
                #expect(response.headers["trackingid"] == error.trackingId)
            }
        }
    }

    @Test("A client that sends half a request does not hold up the others")
    func slowClientDoesNotBlockOthers() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let slow = try RawConnection(port: servers.restPort)
            try slow.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")

            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await HTTP.call("GET", servers.rest(Self.codes + "?siteUrl=\(demoSite)")).status
                    }
                }
                for try await status in group { #expect(status == 200) }
            }

            try slow.send("\r\n")
            #expect(try await slow.readStatus() == 200)
        }
    }

    @Test("No answer from Webex becomes a 504 (timeout) or 502 (anything else) in Webex's error shape",
          arguments: [(TransportFailure.timedOut, 504), (.connectionRefused(host: "webexapis.com"), 502)])
    func mapsNetworkFailures(failure: TransportFailure, status: Int) async throws {
        let fixture = try await AdapterFixture.make(transport: FailingTransport(failure: failure))
        try await withServers(fixture) { servers in
            let answer = try await HTTP.call("GET", servers.rest(Self.codes))
            #expect(answer.status == status)
            #expect(answer.json?["message"]?.stringValue?.isEmpty == false)
            #expect(answer.firstDescription?.hasPrefix("Network failure:") == true)
            #expect(answer.json?["trackingId"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("With an access token, requests without it or with another are 401")
    func checksAccessToken() async throws {
        let fixture = try await AdapterFixture.make()
        let token = "adapter-test-token-\(UUID().uuidString)"
        try await withServers(fixture, accessToken: token) { servers in
            let none = try await HTTP.call("GET", servers.rest("/healthz"))
            #expect(none.status == 401)
            #expect(none.header("WWW-Authenticate") == "Bearer")

            let wrong = try await HTTP.call("GET", servers.rest("/healthz"), headers: ["Authorization": "Bearer nope"])
            #expect(wrong.status == 401)

            let right = try await HTTP.call(
                "GET", servers.rest(Self.codes), headers: ["Authorization": "Bearer \(token)"])
            #expect(right.status == 200)
        }
    }

    @Test("Foreign web origins and Host names are refused; loopback ones are served")
    func refusesForeignOrigins() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let foreign = try await HTTP.call("GET", servers.rest(Self.codes), headers: ["Origin": "https://evil.example"])
            #expect(foreign.status == 403)
            let local = try await HTTP.call("GET", servers.rest(Self.codes), headers: ["Origin": "http://localhost:3000"])
            #expect(local.status == 200)

            let rebound = try RawConnection(port: servers.restPort)
            try rebound.send("GET \(Self.codes) HTTP/1.1\r\nHost: attacker.example:\(servers.restPort)\r\n\r\n")
            #expect(try await rebound.readStatus() == 403)
        }
    }

    @Test("Read-only: reads are served, writes are 403 and nothing is sent")
    func readOnlyRefusesWrites() async throws {
        let fixture = try await AdapterFixture.make(readOnly: true)
        try await withServers(fixture) { servers in
            #expect(try await HTTP.call("GET", servers.rest(Self.codes)).status == 200)
            let before = fixture.sandbox.handledRequestCount
            let write = try await HTTP.call("POST", servers.rest(Self.codes), body: Self.newCode)
            #expect(write.status == 403)
            #expect(write.firstDescription?.contains("--read-only") == true)
            #expect(fixture.sandbox.handledRequestCount == before)
        }
    }

    @Test("A WebexClient can use the adapter as its base URL")
    func webexClientTalksToTheAdapter() async throws {
        let fixture = try await AdapterFixture.make()
        try await withServers(fixture) { servers in
            let viaAdapter = WebexClient(
                baseURL: servers.rest("/v1"), token: AccessToken("unused"), transport: URLSessionTransport(),
                retryPolicy: .none)
            let codes = try await viaAdapter.listTrackingCodes(siteUrl: demoSite)
            #expect(codes == fixture.sandbox.codes(siteUrl: demoSite))

            let created = try await viaAdapter.createTrackingCode(
                TrackingCodeDraft(name: "Through The Adapter", siteUrl: demoSite))
            #expect(fixture.sandbox.codes(siteUrl: demoSite).contains(created))

            await #expect(throws: WebexError.self) {
                try await viaAdapter.trackingCode(id: "424242", siteUrl: demoSite)
            }
        }
    }
}
