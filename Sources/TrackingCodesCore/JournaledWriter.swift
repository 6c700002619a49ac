import Foundation
import WebexAPI

/// The only way trackcodes changes anything at Webex.
///
/// Each write: refuse on a read-only site; write the intent to the journal and flush it; send
/// the request; write the outcome; tell the models. A journal that cannot be written stops the
/// write before it is sent. A 403 about mapped tracking codes marks the site read-only for good.
/// The writer does not touch the undo history: the caller records what the user did, so that
/// undo and redo, which also write through here, do not record themselves.
@MainActor
public final class JournaledWriter {
    unowned let session: Session

    init(session: Session) {
        self.session = session
    }

    /// Creates a code. `restoring` is the id of the deleted code this brings back, if any.
    public func create(
        _ draft: TrackingCodeDraft, restoring deletedID: String? = nil
    ) async throws(OperationError) -> TrackingCode {
        var intent = try begin(.create, siteUrl: draft.siteUrl)
        intent.draft = draft
        intent.restoresCodeId = deletedID
        try await record(intent)

        let code: TrackingCode
        do throws(WebexError) {
            code = try await session.client.createTrackingCode(draft)
        } catch {
            throw await fail(intent, error)
        }
        var outcome = succeed(intent)
        outcome.result = code
        await recordOutcome(outcome)
        session.publish(.saved(code))
        return code
    }

    /// Replaces code `id` with `draft` (Webex's PUT is a full replacement). `before` is the code
    /// as the user last saw it, kept in the journal.
    ///
    /// Webex's PUT replaces the whole code and has no version check, so the code is read first:
    /// if it is no longer `before` (someone changed it since it was read), nothing is sent and
    /// `.changedElsewhere` is thrown, rather than silently overwriting their change.
    public func update(
        id: String, before: TrackingCode, to draft: TrackingCodeDraft
    ) async throws(OperationError) -> TrackingCode {
        var intent = try begin(.update, siteUrl: draft.siteUrl)
        let current: TrackingCode
        do throws(WebexError) {
            current = try await session.client.trackingCode(id: id, siteUrl: draft.siteUrl)
        } catch {
            throw .webex(error)
        }
        var expected = before
        expected.id = id
        guard current == expected else { throw .changedElsewhere(name: before.name, id: id) }

        intent.codeId = id
        intent.before = before
        intent.draft = draft
        try await record(intent)

        let code: TrackingCode
        do throws(WebexError) {
            code = try await session.client.updateTrackingCode(id: id, draft)
        } catch {
            throw await fail(intent, error)
        }
        var outcome = succeed(intent)
        outcome.result = code
        await recordOutcome(outcome)
        session.publish(.saved(code))
        return code
    }

    /// Deletes `code` (by its id, on its site). The journal keeps the whole object.
    public func delete(_ code: TrackingCode) async throws(OperationError) {
        var intent = try begin(.delete, siteUrl: code.siteUrl)
        intent.codeId = code.id
        intent.before = code
        try await record(intent)

        do throws(WebexError) {
            try await session.client.deleteTrackingCode(id: code.id, siteUrl: code.siteUrl)
        } catch {
            throw await fail(intent, error)
        }
        await recordOutcome(succeed(intent))
        session.publish(.deleted(id: code.id, siteUrl: code.siteUrl))
    }

    /// Sets a user's values. `before` is what the user had, when it was read first.
    public func updateUserValues(
        _ update: UserTrackingCodesUpdate, before: UserTrackingCodes?
    ) async throws(OperationError) -> UserTrackingCodes {
        var intent = try begin(.updateUserValues, siteUrl: update.siteUrl)
        intent.userUpdate = update
        intent.userBefore = before
        try await record(intent)

        let result: UserTrackingCodes
        do throws(WebexError) {
            result = try await session.client.updateUserTrackingCodes(update)
        } catch {
            throw await fail(intent, error)
        }
        var outcome = succeed(intent)
        outcome.userResult = result
        await recordOutcome(outcome)
        session.noteChange()
        return result
    }

    // MARK: - Steps

    private func begin(
        _ action: JournalRecord.Action, siteUrl: String
    ) throws(OperationError) -> JournalRecord {
        if let reason = session.readOnlyReason(for: siteUrl) {
            throw .readOnly(siteUrl: siteUrl, reason: reason)
        }
        // A cancelled task would not send the request; do not leave an intent for it either.
        if Task.isCancelled { throw .webex(.cancelled) }
        var intent = JournalRecord(kind: .intent, operationId: UUID().uuidString, at: session.clock())
        intent.action = action
        intent.siteUrl = siteUrl
        return intent
    }

    private func record(_ intent: JournalRecord) async throws(OperationError) {
        do {
            try await session.journal.appendDurably(intent)
        } catch {
            throw .journalUnavailable(error)
        }
    }

    private func succeed(_ intent: JournalRecord) -> JournalRecord {
        var outcome = JournalRecord(kind: .outcome, operationId: intent.operationId, at: session.clock())
        outcome.succeeded = true
        return outcome
    }

    /// Journals the failure, learns a mapped site, and returns the error to throw.
    private func fail(_ intent: JournalRecord, _ error: WebexError) async -> OperationError {
        var outcome = JournalRecord(kind: .outcome, operationId: intent.operationId, at: session.clock())
        outcome.succeeded = false
        outcome.error = error.errorDescription ?? "\(error)"
        await recordOutcome(outcome)

        if LearnedReadOnlySites.isMappedCodesRefusal(error), let siteUrl = intent.siteUrl {
            let words = error.webexMessage.map { " (Webex: \($0))" } ?? ""
            session.learnReadOnly(
                siteUrl: siteUrl,
                reason: "\(siteUrl) has mapped tracking codes; "
                    + "they can only be changed in Control Hub\(words)")
        }
        return .webex(error)
    }

    /// The request already happened, so a journal failure here must not hide its result.
    private func recordOutcome(_ outcome: JournalRecord) async {
        do {
            try await session.journal.appendDurably(outcome)
        } catch {
            session.report("The change was made, but the journal could not record it: \(error)",
                           severity: .warning)
        }
    }
}
