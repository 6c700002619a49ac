import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import TrackingCodesCore

/// Holds what an answer hook needs to stop an import part-way: a counter and the thing to stop.
final class StopAfter: @unchecked Sendable {
    private let lock = NSLock()
    private var puts = 0
    private var action: (@Sendable () -> Void)?
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func arm(_ action: @escaping @Sendable () -> Void) { lock.withLock { self.action = action } }

    /// Counts accepted user PUTs; runs the action once when the limit is reached.
    func answered(_ request: HTTPRequest, _ response: HTTPResponse) {
        guard request.method == "PUT", response.status == 200 else { return }
        let fire: (@Sendable () -> Void)? = lock.withLock {
            puts += 1
            guard puts == limit else { return nil }
            defer { action = nil }
            return action
        }
        fire?()
    }
}

@MainActor
@Suite("Users import at scale: 2,000 users, 429s, interruption and re-run")
struct UsersImportScaleTests {
    static let departments = ["Engineering", "Design", "Sales"]

    /// What the file says for user `index` (1-based).
    static func fileValues(_ index: Int) -> [String: String] {
        var values = ["Department": departments[index % 3], "Cost Center": "CC-\(index)"]
        if !index.isMultiple(of: 2) { values["Division"] = "Part-time" }
        return values
    }

    /// The file `users export` would write for `users` with their `fileValues`: email and
    /// personId (which Webex looks up first) and one column per code.
    static func file(_ users: [SandboxUser]) -> String {
        var table = DelimitedTable(
            header: ["email", "personId", "Department", "Division", "Cost Center"], rows: [])
        for (offset, user) in users.enumerated() {
            let values = fileValues(offset + 1)
            table.records.append(
                .init(
                    line: offset + 2,
                    cells: [
                        user.email, user.personId, values["Department"] ?? "",
                        values["Division"] ?? "",
                        values["Cost Center"] ?? "",
                    ]))
        }
        return table.rendered()
    }

    @Test(.timeLimit(.minutes(5)))
    func twoThousandUsersWithLatencyAndRateLimitsAreAllAccountedFor() async throws {
        // Every fourth user already holds exactly what the file says: those rows must send nothing.
        let users = numberedUsers(2000).enumerated().map { offset, user in
            var user = user
            let index = offset + 1
            if index.isMultiple(of: 4) {
                let values = Self.fileValues(index)
                user.values = [
                    siteA: ["1": values["Department"] ?? "", "3": values["Cost Center"] ?? ""]
                ]
            }
            return user
        }
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(
            dataset: smallDataset(codes: standardCodes(), users: users),
            faults: SandboxFaults(
                latencyMs: 5, rateLimitShare: 0.1, retryAfterSeconds: 3, seed: 2026))
        let sleeper = InstantSleeper()
        let (session, transport) = importSession(
            sandbox, directory: directory,
            retryPolicy: RetryPolicy(maxRateLimitRetries: 15, maxServerErrorRetries: 0),
            sleeper: sleeper)

        let importer = try UsersImport(
            session: session, siteUrl: siteA, table: try csv(Self.file(users)), concurrency: 16)
        #expect(await importer.prepare())
        #expect(await importer.run())

        #expect(importer.rows.count == 2000)
        #expect(importer.rows.allSatisfy { $0.status == .changed || $0.status == .unchanged })
        #expect(importer.count(.unchanged) == 500)
        #expect(importer.count(.changed) == 1500)
        #expect(importer.progress == 1)
        #expect(transport.answeredUserGets == 2000)
        #expect(transport.acceptedUserPuts == 1500)
        // 429s happened and every one was waited out for exactly the Retry-After Webex sent.
        #expect(transport.rateLimited > 100)
        #expect(sleeper.waits.count == transport.rateLimited)
        #expect(sleeper.waits.allSatisfy { $0 == 3 })

        // One snapshot of the sandbox rather than 2,000 look-ups (each scans every user).
        let names = Dictionary(
            uniqueKeysWithValues: sandbox.codes(siteUrl: siteA).map { ($0.id, $0.name) })
        let stored = Dictionary(
            uniqueKeysWithValues: sandbox.dataset.users.map { user in
                (
                    user.email,
                    Dictionary(
                        uniqueKeysWithValues: (user.values[siteA] ?? [:]).map {
                            (names[$0.key] ?? $0.key, $0.value)
                        })
                )
            })
        for (offset, user) in users.enumerated() {
            #expect(stored[user.email] == Self.fileValues(offset + 1), "\(user.email)")
        }
        let report = importer.reportTable
        #expect(report.records.count == 2000)
        // The file is written a chunk at a time (2,000 rows are several chunks); it must be the
        // same text as the whole table rendered at once.
        let reportURL = directory.url.appendingPathComponent("users.csv.report.csv")
        try importer.writeReport(to: reportURL)
        #expect(try String(contentsOf: reportURL, encoding: .utf8) == report.rendered())
        #expect(try Data(contentsOf: reportURL).count > 3 * 64 * 1024)
        #expect(report.records.filter { $0[5] == "changed" }.count == 1500)
        #expect(report.records.filter { $0[5] == "unchanged" }.count == 500)
        guard case .grouped(_, let changes) = try #require(session.history.undoStack.last).change
        else {
            Issue.record("expected one grouped undo step")
            return
        }
        #expect(changes.count == 1500)
    }

    @Test func cancelledPartWayThenRunAgainOnlyTheRestIsSent() async throws {
        let users = numberedUsers(300)
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: users))
        let stop = StopAfter(limit: 100)
        let (session, transport) = importSession(
            sandbox, directory: directory, onAnswer: stop.answered)
        let table = try csv(Self.file(users))

        let first = try UsersImport(session: session, siteUrl: siteA, table: table, concurrency: 4)
        #expect(await first.prepare())
        stop.arm { Task { @MainActor in first.cancel() } }
        #expect(await first.run() == false)

        let done = first.rows.filter { $0.status == .changed }.map(\.id)
        #expect(done.count >= 100)
        #expect(first.count(.skipped) == 300 - done.count)
        #expect(first.count(.skipped) > 0)
        #expect(first.errorRows.isEmpty)
        #expect(first.summary.contains("not run (cancelled)"))
        let written = users.filter { !sandbox.userValues(siteUrl: siteA, email: $0.email).isEmpty }
        #expect(written.count == done.count)

        let putsBefore = transport.acceptedUserPuts
        let second = try UsersImport(session: session, siteUrl: siteA, table: table, concurrency: 4)
        #expect(await second.prepare())
        #expect(await second.run())
        for row in second.rows {
            #expect(
                row.status == (done.contains(row.id) ? .unchanged : .changed), "line \(row.line)")
        }
        #expect(transport.acceptedUserPuts - putsBefore == 300 - done.count)
        for (offset, user) in users.enumerated() {
            #expect(
                sandbox.userValues(siteUrl: siteA, email: user.email) == Self.fileValues(offset + 1)
            )
        }
    }

    @Test func killedMidRequestThenRunAgainEveryRowEndsRight() async throws {
        let users = numberedUsers(200)
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: users))
        let stop = StopAfter(limit: 60)
        let (session, transport) = importSession(
            sandbox, directory: directory, onAnswer: stop.answered)
        let table = try csv(Self.file(users))

        let first = try UsersImport(session: session, siteUrl: siteA, table: table, concurrency: 8)
        #expect(await first.prepare())
        // Cancelling the task is what Ctrl-C does: requests in flight are abandoned mid-way.
        let running = Task { await first.run() }
        stop.arm { running.cancel() }
        #expect(await running.value == false)
        #expect(first.rows.allSatisfy { $0.status.isFinal })
        let interrupted = first.rows.filter { $0.status == .failed }
        #expect(interrupted.allSatisfy { $0.detail.contains("may or may not have been made") })

        // Whatever reached Webex before the interruption is found there on the second run.
        let alreadyThere = Set(
            users.indices.filter {
                !sandbox.userValues(siteUrl: siteA, email: users[$0].email).isEmpty
            })
        #expect(alreadyThere.count >= 60)
        #expect(alreadyThere.count < 200)
        let putsBefore = transport.acceptedUserPuts
        let second = try UsersImport(session: session, siteUrl: siteA, table: table, concurrency: 8)
        #expect(await second.prepare())
        #expect(await second.run())
        for row in second.rows {
            #expect(
                row.status == (alreadyThere.contains(row.id) ? .unchanged : .changed),
                "line \(row.line)")
        }
        #expect(transport.acceptedUserPuts - putsBefore == 200 - alreadyThere.count)
        for (offset, user) in users.enumerated() {
            #expect(
                sandbox.userValues(siteUrl: siteA, email: user.email) == Self.fileValues(offset + 1)
            )
        }
    }
}
