import Foundation
import WebexAPI

/// The seven Webex tracking-code operations, as the adapters need them.
///
/// Both adapters call only this, so where writes go (straight to Webex, or through the journal
/// first) is decided in one place: the value handed to `TrackingCodeOperations`.
public protocol TrackingCodeService: Sendable {
    func listTrackingCodes(siteUrl: String?) async throws(AdapterFailure) -> [TrackingCode]
    func trackingCode(id: String, siteUrl: String?) async throws(AdapterFailure) -> TrackingCode
    func createTrackingCode(_ draft: TrackingCodeDraft) async throws(AdapterFailure) -> TrackingCode
    func updateTrackingCode(
        id: String, _ draft: TrackingCodeDraft
    ) async throws(AdapterFailure) -> TrackingCode
    func deleteTrackingCode(id: String, siteUrl: String) async throws(AdapterFailure)
    func userTrackingCodes(
        for user: UserReference, siteUrl: String?
    ) async throws(AdapterFailure) -> UserTrackingCodes
    func updateUserTrackingCodes(
        _ update: UserTrackingCodesUpdate
    ) async throws(AdapterFailure) -> UserTrackingCodes

    /// How `siteUrl` is administered, when known locally (the TUI's settings); nil skips the
    /// one rule that depends on it. Never asks Webex.
    func management(of siteUrl: String) async -> SiteManagement?

    /// Why writes to `siteUrl` are refused (listed read-only, or known to have mapped codes),
    /// or nil when they may be tried. Never asks Webex.
    func writeRefusal(for siteUrl: String) async -> String?
}

extension TrackingCodeService {
    public func management(of siteUrl: String) async -> SiteManagement? { nil }
    public func writeRefusal(for siteUrl: String) async -> String? { nil }
}
