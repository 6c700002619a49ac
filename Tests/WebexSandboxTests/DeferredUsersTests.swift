import Foundation
import Synchronization
import Testing
import WebexAPI
@testable import WebexSandbox

/// The demo's users are decoded when a request first needs them, not at start-up; nothing a
/// client sees may differ because of it.
@Suite struct DeferredUsersTests {
    /// Counts how often the users were decoded.
    final class Loads: Sendable {
        let count = Mutex(0)
    }

    func sandbox(_ loads: Loads, failing: Bool = false) throws -> (Sandbox, WebexClient) {
        let (dataset, users) = try DemoData.loadDeferringUsers()
        let counted = DeferredUsers {
            loads.count.withLock { $0 += 1 }
            if failing { throw SandboxDataError("broken users") }
            return try users.load()
        }
        let sandbox = Sandbox(dataset: dataset, deferredUsers: counted)
        let client = WebexClient(baseURL: Sandbox.inProcessBaseURL, token: AccessToken(Sandbox.demoToken),
                                 transport: SandboxTransport(sandbox), retryPolicy: .none)
        return (sandbox, client)
    }

    @Test func listingSitesAndCodesDecodesNoUsers() async throws {
        let loads = Loads()
        let (_, client) = try sandbox(loads)
        _ = try await client.listSites()
        let codes = try await client.listTrackingCodes(siteUrl: demoSite)
        _ = try await client.trackingCode(id: try #require(codes.first).id, siteUrl: demoSite)
        #expect(loads.count.withLock { $0 } == 0)
    }

    @Test func theFirstUserLookUpDecodesThemOnce() async throws {
        let loads = Loads()
        let (sandbox, client) = try sandbox(loads)
        let full = try DemoData.load()
        let user = try #require(full.users.first { !($0.values[demoSite] ?? [:]).isEmpty })
        let values = try await client.userTrackingCodes(for: .email(user.email), siteUrl: demoSite)
        #expect(values.trackingCodes.count == user.values[demoSite]?.count)
        _ = try await client.userTrackingCodes(for: .personId(user.personId), siteUrl: demoSite)
        #expect(loads.count.withLock { $0 } == 1)
        #expect(sandbox.dataset == full)
    }

    @Test func deletingACodeLoadsTheUsersFirstSoTheirValuesGoToo() async throws {
        let loads = Loads()
        let (sandbox, client) = try sandbox(loads)
        let full = try DemoData.load()
        let user = try #require(full.users.first { !($0.values[demoSite] ?? [:]).isEmpty })
        let codeId = try #require(user.values[demoSite]?.keys.first)
        try await client.deleteTrackingCode(id: codeId, siteUrl: demoSite)
        #expect(loads.count.withLock { $0 } == 1)
        let after = try #require(sandbox.dataset.users.first { $0.personId == user.personId })
        #expect(after.values[demoSite]?[codeId] == nil)
    }

    @Test func usersThatDoNotDecodeAnswer500WithTheReason() async throws {
        let (_, client) = try sandbox(Loads(), failing: true)
        await #expect {
            _ = try await client.userTrackingCodes(for: .email("admin@acme.example.com"), siteUrl: demoSite)
        } throws: { error in
            guard let error = error as? WebexError, case .api(let status, _, let descriptions, _) = error else { return false }
            return status == 500 && descriptions.contains { $0.contains("broken users") }
        }
    }
}
