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
        await recordOutcome(outcome, .made)
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
        await recordOutcome(outcome, .made)
        session.publish(.saved(code))
        return code
    }

    /// Deletes `code` (by its id, on its site). The journal keeps the whole object.
    public func delete(_ code: TrackingCode) async throws(OperationError) {
        _ = try await delete(code, in: nil)
    }

    /// Deletes `code` with the request sent in one of `slots` (a bulk job's in-flight limit).
    /// Returns false when the slots closed before one came free: nothing was sent, and the
    /// journal says so.
    @discardableResult
    public func delete(
        _ code: TrackingCode, in slots: RequestSlots?
    ) async throws(OperationError) -> Bool {
        var intent = try begin(.delete, siteUrl: code.siteUrl)
        intent.codeId = code.id
        intent.before = code
        try await record(intent)

        let sent: Void? = try await send(intent, in: slots) { [session] () throws(WebexError) in
            try await session.client.deleteTrackingCode(id: code.id, siteUrl: code.siteUrl)
        }
        guard sent != nil else { return false }
        await recordOutcome(succeed(intent), .made)
        session.publish(.deleted(id: code.id, siteUrl: code.siteUrl))
        return true
    }

    /// Sets a user's values. `before` is what the user had, when it was read first.
    public func updateUserValues(
        _ update: UserTrackingCodesUpdate, before: UserTrackingCodes?
    ) async throws(OperationError) -> UserTrackingCodes {
        // Without slots there is nothing to wait for, so the request is always sent.
        guard let result = try await updateUserValues(update, before: before, in: nil) else {
            throw .webex(.cancelled)
        }
        return result
    }

    /// Sets a user's values with the request sent in one of `slots` (a bulk job's in-flight
    /// limit). Returns nil when the slots closed before one came free: nothing was sent, and the
    /// journal says so.
    public func updateUserValues(
        _ update: UserTrackingCodesUpdate, before: UserTrackingCodes?, in slots: RequestSlots?
    ) async throws(OperationError) -> UserTrackingCodes? {
        var intent = try begin(.updateUserValues, siteUrl: update.siteUrl)
        intent.userUpdate = update
        intent.userBefore = before
        try await record(intent)

        let sent = try await send(intent, in: slots) { [session] () throws(WebexError) in
            try await session.client.updateUserTrackingCodes(update)
        }
        guard let result = sent else { return nil }
        var outcome = succeed(intent)
        outcome.userResult = result
        await recordOutcome(outcome, .made)
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
        intent.apiServer = JournalRecord.apiServer(of: session.client.baseURL)
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

    /// Sends `request` holding one of `slots` (at once when nil), and gives the slot back as
    /// soon as the answer is in, so the outcome's fsync does not keep a request from starting.
    /// Nil when no slot came: the outcome then records that nothing was sent.
    ///
    /// The site is checked again once the slot is held: while this write waited for the
    /// journal and the slot, another write of the job may have learned that it is read-only.
    private func send<Answer>(
        _ intent: JournalRecord, in slots: RequestSlots?,
        _ request: () async throws(WebexError) -> Answer
    ) async throws(OperationError) -> Answer? {
        if let slots, await !slots.acquire() {
            await recordNotSent(intent, "the job was stopped before a request slot came free")
            return nil
        }
        if let siteUrl = intent.siteUrl, let reason = session.readOnlyReason(for: siteUrl) {
            slots?.release()
            await recordNotSent(intent, "\(siteUrl) became read-only")
            throw .readOnly(siteUrl: siteUrl, reason: reason)
        }
        let answer: Answer
        do throws(WebexError) {
            answer = try await request()
        } catch {
            throw await fail(intent, error, releasing: slots)
        }
        slots?.release()
        return answer
    }

    private func recordNotSent(_ intent: JournalRecord, _ why: String) async {
        await recordOutcome(outcome(of: intent, error: "not sent: \(why)"), .notSent)
    }

    private func succeed(_ intent: JournalRecord) -> JournalRecord {
        outcome(of: intent, error: nil)
    }

    /// The outcome line of `intent`: a success without `error`, a failure with it.
    private func outcome(of intent: JournalRecord, error: String?) -> JournalRecord {
        var outcome = JournalRecord(
            kind: .outcome, operationId: intent.operationId, at: session.clock())
        outcome.succeeded = error == nil
        outcome.error = error
        return outcome
    }

    /// Learns a mapped site, gives back the request's slot, journals the failure, and returns
    /// the error to throw. The slot goes back only once the site is known to be read-only, so
    /// that a write waiting for it is not sent to be refused the same way.
    private func fail(
        _ intent: JournalRecord, _ error: WebexError, releasing slots: RequestSlots? = nil
    ) async -> OperationError {
        if LearnedReadOnlySites.isMappedCodesRefusal(error), let siteUrl = intent.siteUrl {
            let words = error.webexMessage.map { " (Webex: \($0))" } ?? ""
            session.learnReadOnly(
                siteUrl: siteUrl,
                reason: "\(siteUrl) has mapped tracking codes; "
                    + "they can only be changed in Control Hub\(words)")
        }
        slots?.release()
        await recordOutcome(outcome(of: intent, error: error.errorDescription ?? "\(error)"), .failed)
        return .webex(error)
    }

    /// What became of a request whose outcome is being journaled: the warning for a journal
    /// that cannot record it must say which, or it would claim a change that never happened.
    private enum OutcomeKind {
        case made
        case failed
        case notSent

        var warningStart: String {
            switch self {
            case .made: "The change was made, but the journal could not record it"
            case .failed: "Webex did not confirm the change, and the journal could not record that"
            case .notSent: "Nothing was sent, and the journal could not record that"
            }
        }
    }

    /// The write's fate is already settled, so a journal failure here must not hide it.
    private func recordOutcome(_ outcome: JournalRecord, _ kind: OutcomeKind) async {
        do {
            try await session.journal.appendDurably(outcome)
        } catch {
            session.report("\(kind.warningStart): \(error)", severity: .warning)
        }
    }
}
