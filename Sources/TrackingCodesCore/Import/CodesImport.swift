import Foundation
import WebexAPI

/// Imports a file of tracking codes into one site: plan (a diff), then apply, then report.
///
/// 1. `makePlan()` reads the site's codes and diffs them against the rows
///    (`CodesImportPlanner`): create, change, unchanged, error, and with `prune` delete.
///    It sends no write, so a dry run is `makePlan()` alone.
/// 2. `apply()` sends what the plan says through `JournaledWriter`, deletes first, then
///    changes, then creates, each with at most `concurrency` requests in flight. Rows with
///    errors are left out. `cancel()` stops starting new requests; those in flight finish.
/// 3. The items carry their results; the whole import is one step in the undo history.
///
/// A read-only site can be planned but not applied: `apply()` refuses with the reason and
/// sends nothing.
@MainActor
public final class CodesImport {
    public enum Phase: Hashable, Sendable {
        case notPlanned, planning, planned, applying, finished
    }

    public let session: Session
    public let siteUrl: String
    public let rows: [CodesFileRow]
    public let prune: Bool
    public let concurrency: Int
    /// The name of the undo step ("Import of codes.csv").
    public let title: String

    public private(set) var phase: Phase = .notPlanned
    /// One item per row, then the deletes.
    public private(set) var items: [CodesImportItem] = []
    /// Site codes no row stands for, which stay because `prune` is off.
    public private(set) var keptCodes: [TrackingCode] = []
    /// Why the plan could not be made, or why applying was refused as a whole.
    public private(set) var failure: OperationError?
    public private(set) var isCancelled = false
    public private(set) var revision = 0

    /// - Parameter concurrency: requests in flight at once; the settings' default when nil.
    public init(
        session: Session, siteUrl: String, rows: [CodesFileRow], prune: Bool = false,
        title: String = "Import of tracking codes", concurrency: Int? = nil
    ) {
        self.session = session
        self.siteUrl = siteUrl
        self.rows = rows
        self.prune = prune
        self.title = title
        self.concurrency = max(1, concurrency ?? session.settings.defaultConcurrency)
    }

    // MARK: - What a screen reads

    public var isBusy: Bool { session.activity.isBusy(self) }
    public var readOnlyReason: String? { session.readOnlyReason(for: siteUrl) }

    public var createCount: Int { count { if case .create = $0 { true } else { false } } }
    public var updateCount: Int { count { if case .update = $0 { true } else { false } } }
    public var unchangedCount: Int { count { if case .unchanged = $0 { true } else { false } } }
    public var deleteCount: Int { count { if case .delete = $0 { true } else { false } } }
    public var invalidCount: Int { items.count(where: \.isInvalid) }
    /// Requests the plan would send.
    public var changeCount: Int { items.count(where: \.needsRequest) }

    public var doneCount: Int { items.count { $0.state == .done } }
    public var failedCount: Int {
        items.count { if case .failed = $0.state { true } else { false } }
    }
    public var skippedCount: Int { items.count { $0.state == .skipped } }
    public var inFlightCount: Int { items.count { $0.state == .running } }
    /// 0...1 over the requests to send, for a progress bar.
    public var progress: Double {
        changeCount == 0 ? 1 : Double(doneCount + failedCount + skippedCount) / Double(changeCount)
    }

    /// "2 to create, 1 to change, 40 unchanged, 1 with errors", or "0 changes, 43 unchanged".
    public var planSummary: String {
        var parts: [String] = []
        if createCount > 0 { parts.append("\(createCount) to create") }
        if updateCount > 0 { parts.append("\(updateCount) to change") }
        if deleteCount > 0 { parts.append("\(deleteCount) to delete") }
        if parts.isEmpty { parts.append("0 changes") }
        parts.append("\(unchangedCount) unchanged")
        if invalidCount > 0 { parts.append("\(invalidCount) with errors") }
        var text = parts.joined(separator: ", ")
        if !keptCodes.isEmpty {
            let kept = keptCodes.count
            text +=
                "; \(CountedNoun.text(kept, "code")) on the site "
                + (kept == 1 ? "is not in the file and stays " : "are not in the file and stay ")
                + "(--prune would delete \(CountedNoun.pronoun(kept)))"
        }
        return text
    }

    /// "Created 2, changed 1, deleted 0 of 3; 1 failed" after `apply()`.
    public var resultSummary: String {
        func done(_ matches: (CodesImportItem.Action) -> Bool) -> Int {
            items.count { $0.state == .done && matches($0.action) }
        }
        let created = done { if case .create = $0 { true } else { false } }
        let changed = done { if case .update = $0 { true } else { false } }
        let deleted = done { if case .delete = $0 { true } else { false } }
        var text =
            "Created \(created), changed \(changed), deleted \(deleted) of \(changeCount) planned"
        if failedCount > 0 { text += "; \(failedCount) failed" }
        if skippedCount > 0 { text += "; \(skippedCount) not started (cancelled)" }
        if invalidCount > 0 {
            text += "; \(CountedNoun.text(invalidCount, "row")) with errors not sent"
        }
        return text
    }

    private func count(_ matches: (CodesImportItem.Action) -> Bool) -> Int {
        items.count { matches($0.action) }
    }

    // MARK: - Intents

    /// Reads the site's codes and makes the plan. Sends no write. Returns false when the codes
    /// could not be read.
    @discardableResult
    public func makePlan() async -> Bool {
        guard phase == .notPlanned || phase == .planned else { return false }
        // An empty file (a header only, `[]`) with prune is almost surely a mistake, and it would
        // delete every code of the site, with nothing to ask first on the command line.
        if prune, rows.isEmpty {
            failure = .unusableFile(.pruneWithoutCodes(siteUrl: siteUrl))
            changed()
            return false
        }
        phase = .planning
        changed()
        switch await session.loadCodes(of: siteUrl, for: self) {
        case .success(let current):
            (items, keptCodes) = CodesImportPlanner.plan(
                rows: rows, current: current, siteUrl: siteUrl, prune: prune,
                management: session.management(of: siteUrl))
            failure = nil
            phase = .planned
            changed()
            return true
        case .failure(let error):
            failure = .webex(error)
            phase = .notPlanned
            session.report(.webex(error), doing: "Could not read the codes of \(siteUrl)")
            changed()
            return false
        }
    }

    /// Sends the plan. Returns true when every planned request succeeded (rows with errors
    /// make it false too, as they were not applied).
    @discardableResult
    public func apply() async -> Bool {
        guard phase == .planned else { return false }
        if let reason = readOnlyReason {
            failure = .readOnly(siteUrl: siteUrl, reason: reason)
            session.report(.readOnly(siteUrl: siteUrl, reason: reason), doing: "Import refused")
            changed()
            return false
        }
        phase = .applying
        changed()

        var made: [Int: Change] = [:]
        await session.activity.run(for: self) { [self] in
            for stage in Self.stages {
                let indices = items.indices.filter { stage(items[$0].action) }
                await BoundedConcurrency.run(
                    count: indices.count, limit: concurrency,
                    shouldStart: { [self] in !isCancelled }
                ) { [self] position in
                    if let change = await send(itemAt: indices[position]) {
                        made[indices[position]] = change
                    }
                }
            }
        }

        for index in items.indices where items[index].state == .planned && items[index].needsRequest
        {
            items[index].state = .skipped
        }
        phase = .finished
        // Deletes, then changes, then creates: the order they were made in, which undo reverses.
        let changes = Self.stages.flatMap { stage in
            items.indices.filter { stage(items[$0].action) }.compactMap { made[$0] }
        }
        if !changes.isEmpty {
            session.history.record(.grouped(title: title, changes: changes), siteUrl: siteUrl)
        }
        let firstFailure = items.first { if case .failed = $0.state { true } else { false } }
        if let firstFailure, case .failed(let reason) = firstFailure.state {
            session.report(
                "\(resultSummary). First failure: '\(firstFailure.name)': \(reason)",
                severity: .error)
        } else {
            session.report(
                resultSummary + ".", severity: isCancelled || invalidCount > 0 ? .warning : .success
            )
        }
        changed()
        return failedCount == 0 && skippedCount == 0 && invalidCount == 0
    }

    /// Stops starting new requests; those in flight finish (Esc on the progress screen).
    public func cancel() {
        guard phase == .applying, !isCancelled else { return }
        isCancelled = true
        changed()
    }

    /// Deletes, then updates, then creates: a pruned code frees its name for a rename or a new
    /// code.
    private static let stages: [(CodesImportItem.Action) -> Bool] = [
        { if case .delete = $0 { true } else { false } },
        { if case .update = $0 { true } else { false } },
        { if case .create = $0 { true } else { false } },
    ]

    /// Sends one item; returns the change it made, for the history.
    private func send(itemAt index: Int) async -> Change? {
        items[index].state = .running
        changed()
        let writer = session.writer
        var change: Change?
        do throws(OperationError) {
            switch items[index].action {
            case .create(let draft):
                let code = try await writer.create(draft)
                items[index].result = code
                change = .created(code)
            case .update(let before, let after, _):
                let code = try await writer.update(id: before.id, before: before, to: after)
                items[index].result = code
                change = .updated(before: before, after: code)
            case .delete(let code):
                try await writer.delete(code)
                change = .deleted(code)
            case .unchanged, .invalid:
                break
            }
            items[index].state = .done
        } catch {
            items[index].state = .failed(error.localizedDescription)
            items[index].error = error
        }
        changed()
        return change
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
