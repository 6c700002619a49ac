import Foundation
import WebexAPI

/// Reads the journal after a crash (or any time) and brings deleted codes back.
///
/// It finds (a) every code the journal shows being deleted (an intent to delete, with or
/// without an outcome: a SIGKILL may have come between request and outcome) that the site no
/// longer has, and can re-create them; (b) every intent without an outcome, for the user to
/// check by hand. This backs `trackcodes journal restore`.
///
/// A deleted code is not offered when it is back already: a later restore in the journal
/// re-created it, or a code with its name exists on the site (re-creating would get a 409).
/// Restored codes get new ids, which the results report. Restores are journaled (with the id
/// they replace) but are not undo steps: they repair, they are not a user's edit.
///
/// Only changes made on the session's API server are considered unless the caller asks for
/// every server: a code deleted on a local sandbox must not be offered for re-creation on a
/// real site that happens to have a site of the same name.
@MainActor
public final class JournalRecovery {
    /// Which API servers' changes a scan considers.
    public enum ServerScope: Hashable, Sendable {
        /// Only changes recorded as made on this server (as `JournalRecord.apiServer(of:)`
        /// names it); changes of other servers, and old ones that name none, are left out.
        case only(String)
        /// Every change, whichever server it was made on or whether its record says.
        case any
    }

    /// What the journal says about one deleted code.
    public struct Deletion: Identifiable, Hashable, Sendable {
        public enum Outcome: Hashable, Sendable {
            case succeeded
            case failed(String)
            /// No outcome line: the program stopped while the request was in flight.
            case unknown
        }

        /// The code as it was just before the delete.
        public var code: TrackingCode
        public var requestedAt: Date
        public var operationId: String
        public var outcome: Outcome
        public var id: String { operationId }
    }

    /// A deleted code that is not offered for restore, and why.
    public struct AlreadyBack: Hashable, Sendable {
        public var deletion: Deletion
        public var reason: String
    }

    /// Everything `scan` found.
    public struct Report: Hashable, Sendable {
        /// Deleted codes the sites no longer have, oldest first.
        public var restorable: [Deletion]
        public var alreadyBack: [AlreadyBack]
        /// Intents with no outcome, oldest first.
        public var unfinished: [JournalRecord]
        /// Journal lines that could not be read (1-based).
        public var unreadableLines: [Int]
        /// Changes left out because they were made on another API server.
        public var otherServerChanges: Int
        /// Changes left out because their records are older than the server field.
        public var unknownServerChanges: Int
    }

    /// What happened to one restore.
    public struct RestoreResult: Hashable, Sendable {
        public var deletion: Deletion
        public var restored: TrackingCode?
        public var error: OperationError?

        public var message: String {
            let name = deletion.code.name
            if let restored {
                return "Restored '\(name)' as id \(restored.id) (was \(deletion.code.id))"
            }
            return "Could not restore '\(name)' (id \(deletion.code.id)): "
                + (error?.localizedDescription ?? "unknown error")
        }
    }

    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// Reads the journal and checks each site it mentions.
    ///
    /// - Parameters:
    ///   - siteUrl: only this site, or every site in the journal when nil.
    ///   - since: only deletes requested at or after this time.
    ///   - anyServer: also changes made on other API servers than the session's, and old
    ///     records that do not say which server they were made on.
    public func scan(
        siteUrl: String? = nil, since: Date? = nil, anyServer: Bool = false
    ) async throws(OperationError) -> Report {
        let all: JournalContents
        do {
            all = try session.journal.read()
        } catch {
            throw .journalUnavailable(error)
        }
        let scope: ServerScope = anyServer
            ? .any : .only(JournalRecord.apiServer(of: session.client.baseURL))
        let contents = Self.keeping(scope, of: all).contents
        let sites = Set(contents.records.compactMap { record -> String? in
            guard record.kind == .intent, record.action == .delete, let site = record.siteUrl else {
                return nil
            }
            return siteUrl == nil || site.caseInsensitiveCompare(siteUrl ?? "") == .orderedSame ? site : nil
        })
        var current: [String: [TrackingCode]] = [:]
        for site in sites.sorted() {
            do throws(WebexError) {
                current[site.lowercased()] = try await session.client.listTrackingCodes(siteUrl: site)
            } catch {
                throw .webex(error)
            }
        }
        return Self.analyze(all, currentCodes: current, siteUrl: siteUrl, since: since, servers: scope)
    }

    /// The records of `contents` that `scope` keeps, and how many changes (intents) it left
    /// out: made on another server, or on an unknown one. Outcomes stay: they only count
    /// through their intent.
    static func keeping(
        _ scope: ServerScope, of contents: JournalContents
    ) -> (contents: JournalContents, otherServer: [JournalRecord], unknownServer: [JournalRecord]) {
        guard case .only(let server) = scope else { return (contents, [], []) }
        var kept = contents
        var other: [JournalRecord] = []
        var unknown: [JournalRecord] = []
        kept.records = contents.records.filter { record in
            guard record.kind == .intent else { return true }
            switch record.apiServer {
            case server?: return true
            case nil: unknown.append(record)
            case _?: other.append(record)
            }
            return false
        }
        return (kept, other, unknown)
    }

    /// The pure part of `scan`: `currentCodes` maps a lower-cased site URL to the codes it has now.
    public static func analyze(
        _ all: JournalContents, currentCodes: [String: [TrackingCode]],
        siteUrl: String? = nil, since: Date? = nil, servers: ServerScope = .any
    ) -> Report {
        let (contents, otherServer, unknownServer) = keeping(servers, of: all)
        let onSite = { (record: JournalRecord) -> Bool in
            guard let siteUrl else { return true }
            return record.siteUrl?.caseInsensitiveCompare(siteUrl) == .orderedSame
        }
        var outcomes: [String: JournalRecord] = [:]
        for record in contents.records where record.kind == .outcome {
            outcomes[record.operationId] = record
        }
        let intents = contents.records.filter { $0.kind == .intent }

        // "site|old id" → id of the code a successful restore created.
        var restoredAs: [String: String] = [:]
        for intent in intents where intent.action == .create {
            guard let old = intent.restoresCodeId, let site = intent.siteUrl,
                  let newID = outcomes[intent.operationId]?.result?.id else { continue }
            restoredAs[key(site, old)] = newID
        }

        // The latest delete of each code.
        var deletions: [String: Deletion] = [:]
        var order: [String] = []
        for intent in intents where intent.action == .delete {
            guard let code = intent.before, let site = intent.siteUrl else { continue }
            if let siteUrl, site.caseInsensitiveCompare(siteUrl) != .orderedSame { continue }
            if let since, intent.at < since { continue }
            let outcome: Deletion.Outcome = switch outcomes[intent.operationId] {
            case nil: .unknown
            case let record? where record.succeeded == true: .succeeded
            case let record?: .failed(record.error ?? "failed")
            }
            let codeKey = key(site, code.id)
            if deletions[codeKey] == nil { order.append(codeKey) }
            deletions[codeKey] = Deletion(code: code, requestedAt: intent.at, operationId: intent.operationId,
                                          outcome: outcome)
        }

        var restorable: [Deletion] = []
        var alreadyBack: [AlreadyBack] = []
        for codeKey in order {
            guard let deletion = deletions[codeKey] else { continue }
            let existing = currentCodes[deletion.code.siteUrl.lowercased()] ?? []
            if existing.contains(where: { $0.id == deletion.code.id }) {
                continue  // the delete never happened
            }
            if let newID = restoredAs[codeKey] {
                alreadyBack.append(AlreadyBack(deletion: deletion, reason: "restored earlier as id \(newID)"))
            } else if let twin = existing.first(where: {
                $0.name.caseInsensitiveCompare(deletion.code.name) == .orderedSame
            }) {
                alreadyBack.append(AlreadyBack(
                    deletion: deletion,
                    reason: "the site has a code named '\(twin.name)' now (id \(twin.id))"))
            } else {
                restorable.append(deletion)
            }
        }

        let unfinished = intents.filter { outcomes[$0.operationId] == nil && onSite($0) }
        return Report(restorable: restorable, alreadyBack: alreadyBack, unfinished: unfinished,
                      unreadableLines: contents.unreadableLines,
                      otherServerChanges: otherServer.filter(onSite).count,
                      unknownServerChanges: unknownServer.filter(onSite).count)
    }

    private static func key(_ site: String, _ id: String) -> String { site.lowercased() + "|" + id }

    /// Re-creates `deletions` (journaled as restores, so a second run does not repeat them).
    public func restore(_ deletions: [Deletion], concurrency: Int? = nil) async -> [RestoreResult] {
        var results: [RestoreResult?] = Array(repeating: nil, count: deletions.count)
        await session.activity.run(for: self) { [self] in
            await BoundedConcurrency.run(
                count: deletions.count, limit: concurrency ?? session.settings.defaultConcurrency
            ) { [self] index in
                let deletion = deletions[index]
                do throws(OperationError) {
                    let code = try await session.writer.create(
                        deletion.code.draft, restoring: deletion.code.id)
                    results[index] = RestoreResult(deletion: deletion, restored: code, error: nil)
                } catch {
                    results[index] = RestoreResult(deletion: deletion, restored: nil, error: error)
                }
            }
        }
        let finished = results.compactMap { $0 }
        let restored = finished.filter { $0.restored != nil }.count
        session.report("Restored \(restored) of \(deletions.count) deleted "
                       + "\(CountedNoun.noun("code", count: deletions.count)) from the journal.",
                       severity: restored == deletions.count ? .success : .error)
        return finished
    }
}
