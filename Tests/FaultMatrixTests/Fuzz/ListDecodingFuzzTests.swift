import Foundation
import Testing
import WebexSandbox

@testable import WebexAPI

/// The list of codes is decoded code by code to save memory (`JSONItemsScanner`); it must read
/// exactly what decoding the whole answer reads, and fail exactly when that fails.
@Suite("Fuzz: list decoding code by code")
struct ListDecodingFuzzTests {
    @Test func theClientReadsAListAsTheWholeDocumentWould() async throws {
        let transport = ScriptedAnswerTransport()
        let client = WebexClient(
            baseURL: Sandbox.inProcessBaseURL, token: AccessToken("tcFUZZ-list-token"),
            transport: transport, retryPolicy: .none)
        var agreed = (lists: 0, failures: 0, scanned: 0)
        await FuzzBudget(cases: 3000).run("list decoding") { random, index in
            let body = Self.listBody(&random)
            transport.answer = HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(body))
            let expected = try? JSONDecoder().decode(TrackingCodeList.self, from: Data(body)).items
            let read: [TrackingCode]?
            do throws(WebexError) {
                read = try await client.listTrackingCodes(siteUrl: "acme.webex.com")
            } catch {
                read = nil
            }
            #expect(read == expected, "case \(index): \(String(decoding: body, as: UTF8.self).prefix(300))")
            if expected == nil { agreed.failures += 1 } else { agreed.lists += 1 }
            if JSONItemsScanner.elementRanges(ofArrayAt: "items", in: Data(body)) != nil {
                agreed.scanned += 1
            }
        }
        // Good lists, bad ones, and lists read code by code must all have been tried, or the
        // comparison proved little.
        #expect(agreed.lists > 100 && agreed.failures > 100 && agreed.scanned > 1000, "\(agreed)")
    }

    /// Mostly well-formed lists, with the shapes and damage the scanner must give up on.
    static func listBody(_ random: inout FuzzRandom) -> [UInt8] {
        let space = { (random: inout FuzzRandom) in random.pick(["", " ", "\n", "\t", "\r\n  "]) }
        var items = (0..<random.int(0...5)).map { _ in
            random.chance(0.9) ? JSONFuzz.code(&random) : JSONFuzz.value(&random, depth: 2)
        }
        if random.chance(0.05) { items.append("") }
        var text = "{" + space(&random) + "\"items\"" + space(&random) + ":" + space(&random) + "["
            + items.map { space(&random) + $0 + space(&random) }.joined(separator: ",") + "]"
        if random.chance(0.1) { text += ",\"extra\":" + JSONFuzz.value(&random, depth: 2) }
        text += space(&random) + "}"
        let bytes = Array(text.utf8)
        return random.chance(0.2) ? random.mutate(bytes) : bytes
    }
}
