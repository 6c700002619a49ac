import Foundation
import WebexAPI

/// Undo and redo of every change made in this session, applied through the API.
///
/// Undo applies the inverse: a create is deleted; an update is reverted by PUT of the old
/// object; a delete is re-created from the saved copy; a user change is reverted by PUT of the
/// old values. Redo applies the change again.
///
/// Re-creating gives a code a **new id** (Webex never reuses ids). The history keeps a map from
/// every id a code ever had to its current one, so later undo and redo steps reach the code
/// under its new id, and the message says so ("Restored 'Department' as id 57 (was 12)").
///
/// Webex has no call that removes a user's value. Undoing a user change that gave a code its
/// first value therefore cannot take that value away; the message says which values stay.
@MainActor
public final class ChangeHistory {
    unowned let session: Session
    /// Done changes, oldest first; the last one is undone next.
    public private(set) var undoStack: [HistoryEntry] = []
    /// Undone changes; the last one is redone next.
    public private(set) var redoStack: [HistoryEntry] = []
    private var nextID = 1
    /// "site|old id" → the id the code has now.
    private var currentIDs: [String: String] = [:]
    /// How many codes an undo or redo of a bulk delete keeps in flight.
    public var concurrency: Int

    init(session: Session) {
        self.session = session
        self.concurrency = session.settings.defaultConcurrency
    }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }
    public var isBusy: Bool { session.activity.isBusy(self) }

    /// One row of the history view.
    public struct Row: Identifiable, Hashable, Sendable {
        public var entry: HistoryEntry
        /// True for changes that were undone (and can be redone).
        public var isUndone: Bool
        public var id: Int { entry.id }
        public var summary: String { entry.summary }
        public var at: Date { entry.at }
        public var siteUrl: String { entry.siteUrl }
    }

    /// Every change, newest first; undone ones are flagged.
    public var rows: [Row] {
        let undone = redoStack.map { Row(entry: $0, isUndone: true) }
        let done = undoStack.reversed().map { Row(entry: $0, isUndone: false) }
        return (undone + done).sorted { $0.entry.id > $1.entry.id }
    }

    /// Adds a change the user just made; it clears what could be redone.
    public func record(_ change: Change, siteUrl: String) {
        undoStack.append(HistoryEntry(id: nextID, change: change, at: session.clock(), siteUrl: siteUrl))
        nextID += 1
        redoStack.removeAll()
        session.noteChange()
    }

    /// The id code `id` of `siteUrl` has now, after any re-creations.
    public func currentID(of id: String, siteUrl: String) -> String {
        var id = id
        var seen: Set<String> = []
        while let next = currentIDs[key(siteUrl, id)], seen.insert(id).inserted {
            id = next
        }
        return id
    }

    // MARK: - Undo and redo

    /// Undoes the latest change. Returns false when there was none or it failed (the status line says why).
    @discardableResult
    public func undo() async -> Bool {
        guard let entry = undoStack.last else {
            session.report("Nothing to undo.")
            return false
        }
        guard !refusesReadOnly(entry, verb: "undo") else { return false }
        return await session.activity.run(for: self) { [self] in
            let result = await apply(entry.change, siteUrl: entry.siteUrl, undoing: true)
            finish(entry, result, undoing: true)
            return result.failure == nil
        }
    }

    /// Redoes the latest undone change.
    @discardableResult
    public func redo() async -> Bool {
        guard let entry = redoStack.last else {
            session.report("Nothing to redo.")
            return false
        }
        guard !refusesReadOnly(entry, verb: "redo") else { return false }
        return await session.activity.run(for: self) { [self] in
            let result = await apply(entry.change, siteUrl: entry.siteUrl, undoing: false)
            finish(entry, result, undoing: false)
            return result.failure == nil
        }
    }

    /// True when the site `entry` changed may not be written to now; the status line then
    /// names that site, which need not be the one on screen, and says why.
    private func refusesReadOnly(_ entry: HistoryEntry, verb: String) -> Bool {
        guard let reason = session.readOnlyReason(for: entry.siteUrl) else { return false }
        session.report(
            "Cannot \(verb) \"\(entry.summary)\" on \(entry.siteUrl): \(reason).",
            severity: .warning)
        return true
    }

    /// What applying an entry did.
    private struct Applied {
        var message: String
        var failure: OperationError?
        /// For a bulk or grouped step that half worked: what did not move (the entry stays with
        /// it) and what did (a copy goes to the other stack with it).
        var split: (stays: Change, goes: Change)?
    }

    private func finish(_ entry: HistoryEntry, _ result: Applied, undoing: Bool) {
        let stack = undoing ? undoStack : redoStack
        guard let index = stack.lastIndex(where: { $0.id == entry.id }) else { return }
        if let split = result.split {
            var stays = entry
            stays.change = split.stays
            var goes = entry
            goes.change = split.goes
            if undoing {
                undoStack[index] = stays
                redoStack.append(goes)
            } else {
                redoStack[index] = stays
                undoStack.append(goes)
            }
        } else if result.failure == nil {
            if undoing {
                redoStack.append(undoStack.remove(at: index))
            } else {
                undoStack.append(redoStack.remove(at: index))
            }
        }
        if let failure = result.failure {
            let text = result.message.isEmpty ? (failure.errorDescription ?? "\(failure)") : result.message
            session.report(text, severity: failure.isCancelled ? .warning : .error)
        } else {
            session.report(result.message, severity: .success)
        }
    }

    private func apply(_ change: Change, siteUrl site: String, undoing: Bool) async -> Applied {
        switch (change, undoing) {
        case (.created(let code), true), (.deleted(let code), false):
            return await delete(code, verb: undoing ? "Undid the creation of" : "Deleted again")
        case (.created(let code), false), (.deleted(let code), true):
            return await recreate(code, verb: undoing ? "Restored" : "Re-created")
        case (.updated(let before, let after), _):
            return await put(undoing ? before : after, replacing: undoing ? after : before,
                             verb: undoing ? "Reverted" : "Re-applied the edit of")
        case (.bulkDeleted(let codes), true):
            return await recreateAll(codes)
        case (.bulkDeleted(let codes), false):
            return await deleteAll(codes)
        case (.userValuesChanged(let user, let before, let after), _):
            return await putUserValues(
                user: user, siteUrl: site, before: before, after: after, undoing: undoing)
        case (.grouped(let title, let changes), _):
            return await applyGroup(title: title, changes: changes, siteUrl: site, undoing: undoing)
        }
    }

    private func delete(_ code: TrackingCode, verb: String) async -> Applied {
        var current = code
        current.id = currentID(of: code.id, siteUrl: code.siteUrl)
        do throws(OperationError) {
            try await session.writer.delete(current)
            return Applied(message: "\(verb) '\(code.name)': deleted id \(current.id).")
        } catch {
            return Applied(
                message: "Could not delete '\(code.name)' (id \(current.id)): \(error.localizedDescription)",
                failure: error)
        }
    }

    private func recreate(_ code: TrackingCode, verb: String) async -> Applied {
        let oldID = currentID(of: code.id, siteUrl: code.siteUrl)
        do throws(OperationError) {
            let created = try await session.writer.create(code.draft, restoring: oldID)
            follow(oldID, to: created.id, siteUrl: code.siteUrl)
            return Applied(message: "\(verb) '\(code.name)' as id \(created.id) (was \(oldID)); "
                + "Webex gives a re-created code a new id, and users' values for it are not restored.")
        } catch {
            return Applied(message: "Could not re-create '\(code.name)': \(error.localizedDescription)",
                           failure: error)
        }
    }

    private func put(_ target: TrackingCode, replacing current: TrackingCode, verb: String) async -> Applied {
        let id = currentID(of: target.id, siteUrl: target.siteUrl)
        var before = current
        before.id = id
        do throws(OperationError) {
            _ = try await session.writer.update(id: id, before: before, to: target.draft)
            return Applied(message: "\(verb) '\(target.name)' (id \(id)).")
        } catch {
            return Applied(
                message: "Could not update '\(target.name)' (id \(id)): \(error.localizedDescription)",
                failure: error)
        }
    }

    private func recreateAll(_ codes: [TrackingCode]) async -> Applied {
        var restored: [(code: TrackingCode, newID: String, oldID: String)] = []
        var failed: [(TrackingCode, OperationError)] = []
        await BoundedConcurrency.run(count: codes.count, limit: concurrency) { [self] index in
            let code = codes[index]
            let oldID = currentID(of: code.id, siteUrl: code.siteUrl)
            do throws(OperationError) {
                let created = try await session.writer.create(code.draft, restoring: oldID)
                follow(oldID, to: created.id, siteUrl: code.siteUrl)
                restored.append((code, created.id, oldID))
            } catch {
                failed.append((code, error))
            }
        }
        let ids = restored.sorted { $0.code.name < $1.code.name }
            .map { "'\($0.code.name)' \($0.oldID)→\($0.newID)" }
        var message = "Restored \(restored.count) of \(CountedNoun.text(codes.count, "code")) with new ids"
        message += ids.isEmpty ? "." : ": " + Self.abbreviated(ids) + "."
        if !restored.isEmpty { message += " Users' values for them are not restored." }
        return partial(message, moved: restored.map(\.code), failed: failed, retry: "Undo again to retry")
    }

    private func deleteAll(_ codes: [TrackingCode]) async -> Applied {
        var deleted: [TrackingCode] = []
        var failed: [(TrackingCode, OperationError)] = []
        await BoundedConcurrency.run(count: codes.count, limit: concurrency) { [self] index in
            var current = codes[index]
            current.id = currentID(of: current.id, siteUrl: current.siteUrl)
            do throws(OperationError) {
                try await session.writer.delete(current)
                deleted.append(codes[index])
            } catch {
                failed.append((codes[index], error))
            }
        }
        return partial("Deleted \(deleted.count) of \(CountedNoun.text(codes.count, "code")) again.",
                       moved: deleted,
                       failed: failed, retry: "Redo again to retry")
    }

    private func partial(
        _ message: String, moved: [TrackingCode], failed: [(TrackingCode, OperationError)], retry: String
    ) -> Applied {
        guard let first = failed.first else { return Applied(message: message) }
        let names = Self.abbreviated(failed.map { "'\($0.0.name)'" })
        let text = "\(message) Failed: \(names) (\(first.1.localizedDescription)). \(retry)."
        let stayed = failed.map(\.0)
        let split = moved.isEmpty
            ? nil : (stays: Change.bulkDeleted(stayed), goes: Change.bulkDeleted(moved))
        return Applied(message: text, failure: first.1, split: split)
    }

    /// Undoes (newest first) or redoes (oldest first) every change of a group.
    ///
    /// Neighbouring changes of one kind run concurrently; kinds run one after another in order,
    /// so an import that deleted, then edited, then created codes is undone by deleting the
    /// created ones, reverting the edits, then re-creating the deleted ones. Changes that fail
    /// stay in the entry, so the same key tries just those again.
    private func applyGroup(
        title: String, changes: [Change], siteUrl: String, undoing: Bool
    ) async -> Applied {
        let order = undoing ? Array(changes.indices.reversed()) : Array(changes.indices)
        var done: Set<Int> = []
        var failures: [(index: Int, result: Applied)] = []
        for segment in Self.runsOfOneKind(order, in: changes) {
            await BoundedConcurrency.run(count: segment.count, limit: concurrency) { [self] in
                let index = segment[$0]
                let result = await apply(changes[index], siteUrl: siteUrl, undoing: undoing)
                if result.failure == nil {
                    done.insert(index)
                } else {
                    failures.append((index, result))
                }
            }
        }

        let verb = undoing ? "Undid" : "Redid"
        var message =
            "\(verb) '\(title)': \(CountedNoun.number(done.count)) of "
            + CountedNoun.text(changes.count, "change") + "."
        let stuck = undoing ? changes.indices.filter { index in
            guard done.contains(index),
                  case .userValuesChanged(_, let before, let after) = changes[index] else { return false }
            return !UserValueDiff(before: before, after: after).newlySetNames.isEmpty
        }.count : 0
        if stuck > 0 {
            message += " \(CountedNoun.text(stuck, "user")) "
                + (stuck == 1 ? "keeps" : "keep") + " values they had no value for before: "
                + "Webex has no way to remove a user's value."
        }
        guard let first = failures.min(by: { $0.index < $1.index }) else {
            return Applied(message: message)
        }

        let stayed = changes.indices.filter { !done.contains($0) }.map { changes[$0] }
        let moved = changes.indices.filter { done.contains($0) }.map { changes[$0] }
        let retry = undoing ? "Undo again to retry them" : "Redo again to retry them"
        message += " \(failures.count) failed, first: \(first.result.message). \(retry)."
        let split = moved.isEmpty
            ? nil
            : (stays: Change.grouped(title: title, changes: stayed),
               goes: Change.grouped(title: title, changes: moved))
        return Applied(message: message, failure: first.result.failure, split: split)
    }

    /// `order` cut into runs of neighbouring changes of the same kind.
    private static func runsOfOneKind(_ order: [Int], in changes: [Change]) -> [[Int]] {
        var runs: [[Int]] = []
        for index in order {
            if let last = runs.last?.last, kind(of: changes[last]) == kind(of: changes[index]) {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        return runs
    }

    private static func kind(of change: Change) -> Int {
        switch change {
        case .created: 0
        case .updated: 1
        case .deleted: 2
        case .bulkDeleted: 3
        case .userValuesChanged: 4
        case .grouped: 5
        }
    }

    private func putUserValues(
        user: UserReference, siteUrl: String, before: [UserTrackingCodeAssignment],
        after: [UserTrackingCodeAssignment], undoing: Bool
    ) async -> Applied {
        let target = undoing ? before : after
        let diff = UserValueDiff(before: before, after: after)
        let stuck = undoing ? diff.newlySetNames : []
        let stuckText = stuck.isEmpty ? "" : " Webex has no way to remove a user's value, so "
            + Self.abbreviated(stuck.map { "'\($0)' keeps '\(diff.after[$0] ?? "")'" }) + "."

        guard !target.isEmpty else {
            return Applied(message: "Nothing to send for \(user).\(stuckText)")
        }
        let update = UserTrackingCodesUpdate(siteUrl: siteUrl, user: user, trackingCodes: target)
        do throws(OperationError) {
            _ = try await session.writer.updateUserValues(update, before: nil)
            let done = undoing
                ? "Restored the earlier values of \(user)." : "Set the values of \(user) again."
            return Applied(message: done + stuckText)
        } catch {
            return Applied(message: "Could not change the values of \(user): \(error.localizedDescription)",
                           failure: error)
        }
    }

    // MARK: - Ids

    private func follow(_ oldID: String, to newID: String, siteUrl: String) {
        guard oldID != newID else { return }
        currentIDs[key(siteUrl, oldID)] = newID
    }

    private func key(_ siteUrl: String, _ id: String) -> String { siteUrl.lowercased() + "|" + id }

    /// The first few items of a long list, then how many more.
    static func abbreviated(_ items: [String], limit: Int = 5) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}
