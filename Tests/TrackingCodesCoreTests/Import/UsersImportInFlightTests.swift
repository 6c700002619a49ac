import Foundation
import Testing
import WebexAPI
import WebexSandbox

@testable import TrackingCodesCore

/// Counts the requests inside `base` at once, from the call to the answer, and keeps the most.
final class InFlightCountingTransport: HTTPTransport, @unchecked Sendable {
    let base: any HTTPTransport
    private let lock = NSLock()
    private var current = 0
    private var most = 0

    init(_ base: any HTTPTransport) { self.base = base }

    var maxInFlight: Int { lock.withLock { most } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            current += 1
            most = max(most, current)
        }
        defer { lock.withLock { current -= 1 } }
        return try await base.send(request)
    }
}

@MainActor
@Suite("Users import: more rows in progress than requests in flight")
struct UsersImportInFlightTests {
    static let isUserRequest: @Sendable (HTTPRequest) -> Bool = {
        $0.url.path.hasSuffix("/userconfig/trackingCodes")
    }

    /// A session whose user requests wait at `gate` and are counted while in flight.
    static func gatedSession(
        _ sandbox: Sandbox, gate: RequestGate, directory: TemporaryDirectory
    ) -> (Session, InFlightCountingTransport) {
        let counting = InFlightCountingTransport(
            GatedTransport(base: SandboxTransport(sandbox), gate: gate, filter: isUserRequest))
        let session = Session(
            token: AccessToken(Sandbox.demoToken), transport: counting,
            baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: directory.paths,
            clock: { Date(timeIntervalSince1970: 1_750_000_000) })
        return (session, counting)
    }

    @Test(.timeLimit(.minutes(1)))
    func neverMoreRequestsInFlightThanTheLimit() async throws {
        let users = numberedUsers(12)
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: users))
        let gate = RequestGate()
        let (session, counting) = Self.gatedSession(sandbox, gate: gate, directory: directory)
        let importer = try UsersImport(
            session: session, siteUrl: siteA, table: try csv(UsersImportScaleTests.file(users)),
            concurrency: 3)
        #expect(await importer.prepare())
        let running = Task { await importer.run() }

        await gate.waitForArrivals(3)
        #expect(importer.inFlightCount == 3)
        // A GET and a PUT per row. Each answer frees one slot, and exactly one request takes it,
        // although six rows are in progress.
        for arrived in 4...24 {
            await gate.releaseOne()
            await gate.waitForArrivals(arrived)
        }
        await gate.releaseAll()

        #expect(await running.value)
        #expect(counting.maxInFlight == 3)
        #expect(await gate.maxInFlight == 3)
        #expect(importer.inFlightCount == 0)
        #expect(importer.count(.changed) == 12)
        for (offset, user) in users.enumerated() {
            #expect(
                sandbox.userValues(siteUrl: siteA, email: user.email)
                    == UsersImportScaleTests.fileValues(offset + 1))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func cancelSendsNothingMoreAndJournalsTheWritesItStopped() async throws {
        let users = numberedUsers(10)
        let directory = TemporaryDirectory()
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: users))
        let gate = RequestGate()
        let (session, _) = Self.gatedSession(sandbox, gate: gate, directory: directory)
        let importer = try UsersImport(
            session: session, siteUrl: siteA, table: try csv(UsersImportScaleTests.file(users)),
            concurrency: 2)
        #expect(await importer.prepare())
        let running = Task { await importer.run() }

        // Two GETs at Webex, two more rows waiting for a slot.
        await gate.waitForArrivals(2)
        importer.cancel()
        await gate.releaseAll()

        #expect(await running.value == false)
        // The two GETs finished; no PUT and no further GET was sent.
        #expect(await gate.arrivals == 2)
        #expect(importer.count(.skipped) == 10)
        #expect(importer.errorRows.isEmpty)
        let stopped = importer.rows.filter { $0.detail.contains("before the user was changed") }
        #expect(stopped.count == 2)
        #expect(users.allSatisfy { sandbox.userValues(siteUrl: siteA, email: $0.email).isEmpty })
        #expect(session.history.undoStack.isEmpty)

        // Their intents were journaled before the cancel; their outcomes say nothing was sent.
        let records = try session.journal.read().records
        let intents = records.filter { $0.kind == .intent }
        let outcomes = Dictionary(
            records.filter { $0.kind == .outcome }.map { ($0.operationId, $0) }
        ) { first, _ in first }
        #expect(intents.count == 2)
        for intent in intents {
            let outcome = try #require(outcomes[intent.operationId])
            #expect(outcome.succeeded == false)
            #expect(outcome.error?.hasPrefix("not sent") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aJournalThatCannotBeWrittenFailsEveryRowAndSendsNoWrite() async throws {
        let users = numberedUsers(6)
        let directory = TemporaryDirectory()
        // A file where the state directory should be: the journal cannot be created.
        try FileManager.default.createDirectory(
            at: directory.url, withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(
                atPath: directory.paths.stateDirectory.path, contents: Data("x".utf8)))
        let sandbox = Sandbox(dataset: smallDataset(codes: standardCodes(), users: users))
        let (session, transport) = importSession(sandbox, directory: directory)
        let importer = try UsersImport(
            session: session, siteUrl: siteA, table: try csv(UsersImportScaleTests.file(users)),
            concurrency: 2)
        #expect(await importer.prepare())

        #expect(await importer.run() == false)

        #expect(importer.count(.failed) == 6)
        #expect(
            importer.rows.allSatisfy {
                if case .journalUnavailable = $0.error { true } else { false }
            })
        #expect(transport.answeredUserGets == 6)
        #expect(transport.writes == 0)
        #expect(importer.inFlightCount == 0)
        #expect(users.allSatisfy { sandbox.userValues(siteUrl: siteA, email: $0.email).isEmpty })
    }
}
