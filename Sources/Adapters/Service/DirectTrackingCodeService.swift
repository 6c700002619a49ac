import Foundation
import WebexAPI

/// Every operation sent straight through a `WebexClient`, with no journal.
///
/// The journaled service uses it for reads; tests use it to compare the adapters with the
/// client itself.
public struct DirectTrackingCodeService: TrackingCodeService {
    public let client: WebexClient

    public init(client: WebexClient) {
        self.client = client
    }

    public func listTrackingCodes(siteUrl: String?) async throws(AdapterFailure) -> [TrackingCode] {
        do throws(WebexError) {
            return try await client.listTrackingCodes(siteUrl: siteUrl)
        } catch {
            throw .webex(error)
        }
    }

    public func trackingCode(id: String, siteUrl: String?) async throws(AdapterFailure) -> TrackingCode {
        do throws(WebexError) {
            return try await client.trackingCode(id: id, siteUrl: siteUrl)
        } catch {
            throw .webex(error)
        }
    }

    public func createTrackingCode(_ draft: TrackingCodeDraft) async throws(AdapterFailure) -> TrackingCode {
        do throws(WebexError) {
            return try await client.createTrackingCode(draft)
        } catch {
            throw .webex(error)
        }
    }

    public func updateTrackingCode(
        id: String, _ draft: TrackingCodeDraft
    ) async throws(AdapterFailure) -> TrackingCode {
        do throws(WebexError) {
            return try await client.updateTrackingCode(id: id, draft)
        } catch {
            throw .webex(error)
        }
    }

    public func deleteTrackingCode(id: String, siteUrl: String) async throws(AdapterFailure) {
        do throws(WebexError) {
            try await client.deleteTrackingCode(id: id, siteUrl: siteUrl)
        } catch {
            throw .webex(error)
        }
    }

    public func userTrackingCodes(
        for user: UserReference, siteUrl: String?
    ) async throws(AdapterFailure) -> UserTrackingCodes {
        do throws(WebexError) {
            return try await client.userTrackingCodes(for: user, siteUrl: siteUrl)
        } catch {
            throw .webex(error)
        }
    }

    public func updateUserTrackingCodes(
        _ update: UserTrackingCodesUpdate
    ) async throws(AdapterFailure) -> UserTrackingCodes {
        do throws(WebexError) {
            return try await client.updateUserTrackingCodes(update)
        } catch {
            throw .webex(error)
        }
    }
}
