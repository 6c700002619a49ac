import Foundation
import TrackingCodesCore
import WebexAPI

/// The program's service: reads go straight to Webex; every write goes through the session's
/// `JournaledWriter`, the same path the TUI takes.
///
/// So an adapter write is refused on a read-only or mapped site exactly as in the TUI, its
/// intent is on disk before the request leaves, and its outcome follows. The writer wants the
/// object as it was before an update or delete (the journal keeps it, so a deleted code can be
/// restored); it is read from Webex first. When that read fails, its Webex error is the answer
/// and nothing is written: an unknown id on PUT is then Webex's 404 from the read rather than
/// the 400 Webex documents for the PUT itself.
public struct JournaledTrackingCodeService: TrackingCodeService {
    public let session: Session
    private let reads: DirectTrackingCodeService

    @MainActor
    public init(session: Session) {
        self.session = session
        self.reads = DirectTrackingCodeService(client: session.client)
    }

    // MARK: - Reads

    public func listTrackingCodes(siteUrl: String?) async throws(AdapterFailure) -> [TrackingCode] {
        try await reads.listTrackingCodes(siteUrl: siteUrl)
    }

    public func trackingCode(id: String, siteUrl: String?) async throws(AdapterFailure) -> TrackingCode {
        try await reads.trackingCode(id: id, siteUrl: siteUrl)
    }

    public func userTrackingCodes(
        for user: UserReference, siteUrl: String?
    ) async throws(AdapterFailure) -> UserTrackingCodes {
        try await reads.userTrackingCodes(for: user, siteUrl: siteUrl)
    }

    public func management(of siteUrl: String) async -> SiteManagement? {
        await session.management(of: siteUrl)
    }

    public func writeRefusal(for siteUrl: String) async -> String? {
        await session.readOnlyReason(for: siteUrl).map { "\(siteUrl) is read-only (\($0))." }
    }

    // MARK: - Writes

    public func createTrackingCode(_ draft: TrackingCodeDraft) async throws(AdapterFailure) -> TrackingCode {
        do throws(OperationError) {
            return try await session.writer.create(draft)
        } catch {
            throw Self.failure(error)
        }
    }

    public func updateTrackingCode(
        id: String, _ draft: TrackingCodeDraft
    ) async throws(AdapterFailure) -> TrackingCode {
        let before = try await reads.trackingCode(id: id, siteUrl: draft.siteUrl)
        do throws(OperationError) {
            return try await session.writer.update(id: id, before: before, to: draft)
        } catch {
            throw Self.failure(error)
        }
    }

    public func deleteTrackingCode(id: String, siteUrl: String) async throws(AdapterFailure) {
        let code = try await reads.trackingCode(id: id, siteUrl: siteUrl)
        do throws(OperationError) {
            try await session.writer.delete(code)
        } catch {
            throw Self.failure(error)
        }
    }

    public func updateUserTrackingCodes(
        _ update: UserTrackingCodesUpdate
    ) async throws(AdapterFailure) -> UserTrackingCodes {
        let user: UserReference = update.personId.flatMap { $0.isEmpty ? nil : .personId($0) }
            ?? .email(update.email ?? "")
        let before = try await reads.userTrackingCodes(for: user, siteUrl: update.siteUrl)
        do throws(OperationError) {
            return try await session.writer.updateUserValues(update, before: before)
        } catch {
            throw Self.failure(error)
        }
    }

    static func failure(_ error: OperationError) -> AdapterFailure {
        switch error {
        case .webex(let webex):
            return .webex(webex)
        case .readOnly(let siteUrl, let reason):
            return .readOnly("\(siteUrl) is read-only (\(reason)).")
        case .invalid(let violations):
            return .invalid(violations.map(\.message))
        case .invalidUserValues(let problems):
            return .invalid(problems)
        case .journalUnavailable(let problem):
            return .journalUnavailable(problem.description)
        case .noSiteSelected:
            return .invalid("'siteUrl' cannot be empty")
        case .unusableFile(let problem):
            return .invalid([problem.errorDescription ?? "\(problem)"])
        case .changedElsewhere:
            return .conflict(error.errorDescription ?? "The code changed on Webex after it was read.")
        }
    }
}
