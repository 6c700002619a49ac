import Foundation
import Testing
import WebexAPI

@Suite("Client requests, decoding and errors")
struct ClientRequestTests {
    @Test func userGetSendsEmailAsAHeaderNotAQueryItem() async throws {
        let transport = ScriptedTransport([json(200, #"{"siteUrl":"s","trackingCodes":[]}"#)])
        _ = try await client(transport).userTrackingCodes(for: .email("a+b@example.com"), siteUrl: "s")
        let request = try #require(transport.requests.first)
        #expect(request.header("email") == "a+b@example.com")
        #expect(request.url.query == "siteUrl=s")
    }

    @Test func personIdGoesInTheQueryAndPlusSignsAreEscaped() async throws {
        let transport = ScriptedTransport([json(200, #"{"siteUrl":"s"}"#)])
        _ = try await client(transport).userTrackingCodes(for: .personId("Y2lz+abc"))
        #expect(transport.requests.first?.url.query == "personId=Y2lz%2Babc")
    }

    @Test func updatePutsTheIdInThePathAndDeleteCarriesSiteUrl() async throws {
        let transport = ScriptedTransport([json(200, oneCode), .respond(HTTPResponse(status: 204))])
        let api = client(transport)
        _ = try await api.updateTrackingCode(id: "42", TrackingCodeDraft(name: "X", siteUrl: "s"))
        try await api.deleteTrackingCode(id: "42", siteUrl: "example.webex.com")
        #expect(transport.requests[0].method == "PUT")
        #expect(transport.requests[0].url.path == "/v1/admin/meeting/config/trackingCodes/42")
        #expect(transport.requests[1].method == "DELETE")
        #expect(transport.requests[1].url.query == "siteUrl=example.webex.com")
    }

    @Test func dotIdsStayInsideTheirEndpoint() async throws {
        for id in [".", "..", "a/b", "1?x=2"] {
            let transport = ScriptedTransport([json(200, oneCode)])
            _ = try await client(transport).trackingCode(id: id)
            let url = try #require(transport.requests.first?.url)
            #expect(url.absoluteString.hasPrefix("https://webexapis.example/v1/admin/meeting/config/trackingCodes/"), "\(id): \(url)")
            #expect(url.path.hasPrefix("/v1/admin/meeting/config/trackingCodes/"), "\(id): \(url.path)")
            #expect(url.query == nil, "\(id): \(url)")
        }
    }

    @Test func everyRequestCarriesAuthAndASequencedTrackingID() async throws {
        let transport = ScriptedTransport([json(200, #"{"sites":[]}"#), json(200, #"{"sites":[]}"#)])
        let api = client(transport)
        _ = try await api.listSites()
        _ = try await api.listSites()
        let ids = transport.requests.compactMap { $0.header("TrackingID") }
        #expect(ids.count == 2)
        #expect(ids.allSatisfy { $0.hasPrefix("trackcodes_") })
        #expect(ids[0].hasSuffix("_1") && ids[1].hasSuffix("_2"))
        #expect(transport.requests[0].header("Authorization") == "Bearer \(secretToken)")
    }

    @Test func hostProfileSelectDraftSendsAnExplicitNull() throws {
        let draft = TrackingCodeDraft(name: "R", siteUrl: "s", inputMode: .hostProfileSelect, scheduleStartCodes: nil)
        let body = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        #expect(body.contains(#""scheduleStartCodes":null"#))
    }

    @Test func numericIdsUnknownEnumsAndExtraFieldsDecode() async throws {
        let list = #"{"items":[{"id":7,"name":"N","siteUrl":"s","inputMode":"dropdownV2","hostProfileCode":"mandatory","extra":{"x":1},"options":[],"scheduleStartCodes":[{"service":"WebinarCenter","type":"sometimes"}]}]}"#
        let user = #"{"siteUrl":"s","trackingCodes":[{"id":1,"name":"Department","value":"Sales"}]}"#
        let transport = ScriptedTransport([json(200, list), json(200, user)])
        let api = client(transport)
        let code = try #require(try await api.listTrackingCodes().first)
        #expect(code.id == "7")
        #expect(code.inputMode == .unrecognized("dropdownV2"))
        #expect(code.inputMode.rawValue == "dropdownV2")
        #expect(code.hostProfileCode.isDocumented == false)
        #expect(code.scheduleStartCodes.first?.service.rawValue == "WebinarCenter")
        // Round trip keeps the unknown value as Webex sent it.
        #expect(String(decoding: try JSONEncoder().encode(code), as: UTF8.self).contains("dropdownV2"))
        let values = try await api.userTrackingCodes(for: .email("e@x"))
        #expect(values.trackingCodes.first?.id == "1")
    }

    @Test func webexErrorBodiesBecomeApiErrorsWithTrackingId() async throws {
        let body = #"{"message":"The requested resource could not be found.","errors":[{"description":"Tracking code ID '10001' is invalid."}],"trackingId":"1050C347_1661397671636"}"#
        let transport = ScriptedTransport([json(400, body)])
        do {
            _ = try await client(transport).updateTrackingCode(id: "10001", TrackingCodeDraft(name: "X", siteUrl: "s"))
            Issue.record("expected an error")
        } catch {
            #expect(error == .api(status: 400, message: "The requested resource could not be found.",
                                  descriptions: ["Tracking code ID '10001' is invalid."], trackingId: "1050C347_1661397671636"))
            let text = try #require(error.errorDescription)
            #expect(text.contains("HTTP 400"))
            #expect(text.contains("Tracking code ID '10001' is invalid."))
            #expect(text.contains("1050C347_1661397671636"))
        }
    }

    @Test func unauthorizedSaysTokenAndNeverShowsIt() async throws {
        let transport = ScriptedTransport([json(401, #"{"message":"The request requires a valid access token set in the Authorization request header.","trackingId":"T401"}"#)])
        do {
            _ = try await client(transport).listSites()
            Issue.record("expected 401")
        } catch {
            #expect(error.isNetworkOrAuth)
            #expect(error.errorDescription?.contains("token") == true)
            #expect(error.errorDescription?.contains(secretToken) == false)
        }
    }

    @Test func networkFailuresAreToldApartFromApiErrors() async throws {
        let cases: [(TransportFailure, String)] = [
            (.connectionRefused(host: "127.0.0.1"), "refused"),
            (.timedOut, "did not answer in time"),
            (.cannotResolveHost("webexapis.invalid"), "cannot resolve"),
            (.tls("bad certificate"), "secure connection"),
        ]
        for (failure, words) in cases {
            let transport = ScriptedTransport([], then: .fail(failure))
            do {
                _ = try await client(transport, policy: .none).listSites()
                Issue.record("expected a network error")
            } catch {
                guard case .network(let got, let trackingId) = error else {
                    Issue.record("\(error) is not a network error")
                    continue
                }
                #expect(got == failure)
                #expect(trackingId.hasPrefix("trackcodes_"))
                #expect(error.errorDescription?.contains(words) == true)
                #expect(error.errorDescription?.contains(secretToken) == false)
            }
        }
    }

    @Test func unreadableBodiesAreBadResponsesNotCrashes() async throws {
        let html = ScriptedTransport([.respond(HTTPResponse(status: 502, headers: ["Content-Type": "text/html"], body: Data("<html>Bad gateway</html>".utf8)))])
        do {
            _ = try await client(html, policy: .none).listSites()
        } catch {
            #expect(error.errorDescription?.contains("HTML page") == true)
        }
        let truncated = ScriptedTransport([json(200, #"{"items":[{"id":"1","na"#)])
        do {
            _ = try await client(truncated).listTrackingCodes()
            Issue.record("expected a bad response")
        } catch {
            guard case .badResponse(200, let reason, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(reason.contains("malformed or truncated"))
        }
    }

    @Test func dryRunDescriptionRedactsTheToken() throws {
        let request = try client(ScriptedTransport([])).makeRequest(for: .createTrackingCode(TrackingCodeDraft(name: "X", siteUrl: "s")))
        let text = request.redactedDescription
        #expect(text.hasPrefix("POST https://webexapis.example/v1/admin/meeting/config/trackingCodes"))
        #expect(text.contains("Bearer <redacted>"))
        #expect(!text.contains(secretToken))
        #expect(text.contains(#""name":"X""#))
    }

    @Test func theTokenTypeNeverPrintsItsSecret() {
        let token = AccessToken(secretToken)
        #expect(!"\(token)".contains(secretToken))
        #expect(!String(reflecting: token).contains(secretToken))
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains(secretToken))
    }
}
