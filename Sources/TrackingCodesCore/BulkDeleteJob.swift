import Foundation
import WebexAPI

/// Deletes many codes with a bounded number of requests in flight, and reports on each.
///
/// As in `UsersImport`, twice as many deletes as `concurrency` are in progress, and
/// `RequestSlots` keeps the requests to `concurrency`, so journal fsyncs do not leave slots idle.
/// A failure does not stop the others. `cancel()` stops starting new deletes, including those
/// journaled but still waiting for a slot; those in flight finish. The whole job is one step in
/// the undo history (the codes actually deleted). Every delete is journaled with the full code
/// first, so a crash mid-job loses nothing: `JournalRecovery` can bring the codes back (after a
/// crash up to twice `concurrency` intents may lack an outcome, those waiting for a slot too).
@MainActor
public final class BulkDeleteJob {
    public enum ItemState: Hashable, Sendable {
        case waiting
        case deleting
        case deleted
        /// Webex (or the journal, or read-only state) refused; the text says why.
        case failed(String)
        /// Not started because the job was cancelled.
        case skipped
    }

    /// One code of the job.
    public struct Item: Identifiable, Hashable, Sendable {
        public var code: TrackingCode
        public var state: ItemState
        public var error: OperationError?
        public var id: String { code.id }
    }

    public let session: Session
    public let concurrency: Int
    public private(set) var items: [Item]
    public private(set) var isRunning = false
    public private(set) var isFinished = false
    public private(set) var isCancelled = false
    public private(set) var revision = 0
    /// The in-flight limit of the run.
    private let requests: RequestSlots

    /// - Parameter concurrency: deletes in flight at once; the settings' default when nil.
    public init(session: Session, codes: [TrackingCode], concurrency: Int? = nil) {
        self.session = session
        self.concurrency = max(1, concurrency ?? session.settings.defaultConcurrency)
        requests = RequestSlots(limit: self.concurrency)
        items = codes.map { Item(code: $0, state: .waiting, error: nil) }
    }

    public var total: Int { items.count }
    public var deletedCount: Int { items.count { $0.state == .deleted } }
    public var failedCount: Int { items.count { if case .failed = $0.state { true } else { false } } }
    public var skippedCount: Int { items.count { $0.state == .skipped } }
    /// Deletes that have finished, either way.
    public var doneCount: Int { deletedCount + failedCount }
    /// Delete requests at Webex right now (at most `concurrency`).
    public var inFlightCount: Int { requests.inFlight }
    /// 0...1, for a progress bar; skipped codes count as done once the job has stopped.
    public var progress: Double {
        total == 0 ? 1 : Double(doneCount + skippedCount) / Double(total)
    }
    public var failedItems: [Item] { items.filter { if case .failed = $0.state { true } else { false } } }

    /// "Deleted 9 of 10 codes; 1 failed" and so on.
    public var summary: String {
        var text = "Deleted \(deletedCount) of \(CountedNoun.text(total, "code"))"
        if failedCount > 0 { text += "; \(failedCount) failed" }
        if skippedCount > 0 { text += "; \(skippedCount) not started (cancelled)" }
        return text
    }

    /// Runs the job to the end (or until cancelled). Can run once.
    public func run() async {
        guard !isRunning, !isFinished else { return }
        isRunning = true
        changed()

        await session.activity.run(for: self) { [self] in
            await BoundedConcurrency.run(
                count: items.count, limit: requests.rowsInProgress,
                shouldStart: { [self] in !isCancelled }
            ) { [self] index in
                await deleteItem(at: index)
            }
        }

        for index in items.indices where items[index].state == .waiting { items[index].state = .skipped }
        isRunning = false
        isFinished = true
        let deleted = items.filter { $0.state == .deleted }.map(\.code)
        if let siteUrl = deleted.first?.siteUrl {
            session.history.record(.bulkDeleted(deleted), siteUrl: siteUrl)
        }
        if let firstFailure = failedItems.first, case .failed(let reason) = firstFailure.state {
            session.report("\(summary). First failure: '\(firstFailure.code.name)': \(reason)",
                           severity: .error)
        } else {
            session.report(summary + ".", severity: isCancelled ? .warning : .success)
        }
        changed()
    }

    /// Stops starting new deletes; those in flight finish (Esc on the progress screen).
    public func cancel() {
        guard !isFinished, !isCancelled else { return }
        isCancelled = true
        requests.close()
        changed()
    }

    private func deleteItem(at index: Int) async {
        items[index].state = .deleting
        changed()
        do throws(OperationError) {
            let sent = try await session.writer.delete(items[index].code, in: requests)
            // No slot came before the job was cancelled: nothing was sent.
            items[index].state = sent ? .deleted : .skipped
        } catch {
            items[index].state = .failed(error.localizedDescription)
            items[index].error = error
        }
        changed()
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
