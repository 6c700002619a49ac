import Foundation
import WebexAPI

/// Reads the tracking code values of named users (Webex cannot list users, so they must be
/// named) and makes the table `users import` reads back.
@MainActor
public final class UsersExport {
    /// One named user and what Webex said about them.
    public struct Row: Identifiable, Hashable, Sendable {
        public let id: Int
        public let user: UserReference
        public var values: UserTrackingCodes?
        public var error: OperationError?
    }

    public let session: Session
    public let siteUrl: String
    public let concurrency: Int
    /// The site's codes, in site order: the table's columns.
    public private(set) var codes: [TrackingCode] = []
    public private(set) var rows: [Row]
    /// Why the export could not start (the codes could not be read).
    public private(set) var failure: OperationError?
    public private(set) var isFinished = false
    public private(set) var revision = 0

    public init(session: Session, siteUrl: String, users: [UserReference], concurrency: Int? = nil)
    {
        self.session = session
        self.siteUrl = siteUrl
        self.concurrency = max(1, concurrency ?? session.settings.defaultConcurrency)
        rows = users.enumerated().map { Row(id: $0.offset, user: $0.element) }
    }

    public var isBusy: Bool { session.activity.isBusy(self) }
    public var finishedCount: Int { rows.count { $0.values != nil || $0.error != nil } }
    public var failedRows: [Row] { rows.filter { $0.error != nil } }
    public var progress: Double { rows.isEmpty ? 1 : Double(finishedCount) / Double(rows.count) }

    /// The users that were read, in the order named: `email`, `personId`, one column per code.
    public var table: DelimitedTable {
        UsersFile.table(for: rows.compactMap(\.values), codes: codes)
    }

    /// Reads the codes, then every user. Returns true when every user was read.
    @discardableResult
    public func run() async -> Bool {
        guard !isFinished else { return failure == nil && failedRows.isEmpty }
        let site = siteUrl
        await session.activity.run(for: self) { [self] in
            do throws(WebexError) {
                codes = try await session.client.listTrackingCodes(siteUrl: site)
            } catch {
                failure = .webex(error)
                return
            }
            changed()
            await BoundedConcurrency.run(count: rows.count, limit: concurrency) { [self] index in
                do throws(WebexError) {
                    rows[index].values = try await session.client.userTrackingCodes(
                        for: rows[index].user, siteUrl: site)
                } catch {
                    rows[index].error = .webex(error)
                }
                changed()
            }
        }
        isFinished = true
        if let failure {
            session.report(failure, doing: "Could not read the codes of \(siteUrl)")
        } else {
            let read = rows.count - failedRows.count
            session.report(
                "Read the values of \(CountedNoun.number(read)) of "
                    + CountedNoun.text(rows.count, "user") + ".",
                severity: failedRows.isEmpty ? .success : .error)
        }
        changed()
        return failure == nil && failedRows.isEmpty
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
