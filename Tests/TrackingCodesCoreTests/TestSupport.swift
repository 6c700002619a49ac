import Foundation
import Testing
import WebexAPI
import WebexSandbox
@testable import TrackingCodesCore

let siteA = "alpha.webex.com"
let siteB = "beta.webex.com"
let mappedSite = "mapped.webex.com"

/// A directory under the system temp folder, removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("trackcodes-core-tests-\(UUID().uuidString)", isDirectory: true)
    }

    var paths: Paths {
        Paths(configDirectory: url.appendingPathComponent("config"), stateDirectory: url.appendingPathComponent("state"))
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

func code(
    _ id: String, _ name: String, site: String = siteA, mode: InputMode = .select,
    options: [String] = ["Red", "Green"], defaultIndex: Int? = nil, host: HostProfileCode = .optional,
    schedule: ScheduleStartType = .optional
) -> TrackingCode {
    TrackingCode(
        id: id, name: name, siteUrl: site,
        options: options.enumerated().map { TrackingCodeOption(value: $1, defaultValue: $0 == defaultIndex) },
        inputMode: mode, hostProfileCode: host,
        scheduleStartCodes: TrackingCodeRules.normalizedScheduleStartCodes([.init(service: .all, type: schedule)]))
}

let alice = SandboxUser(personId: "UEVPUExFL2FsaWNl", email: "alice@example.com", displayName: "Alice")
let bob = SandboxUser(personId: "UEVPUExFL2JvYg", email: "bob@example.com", displayName: "Bob")

/// A small organisation: alpha (default, Site Admin managed), beta, and a site with mapped codes.
func smallDataset(codes: [TrackingCode], users: [SandboxUser] = [alice, bob]) -> SandboxDataset {
    SandboxDataset(
        admin: Person(id: "admin", emails: ["admin@example.com"], displayName: "Admin"),
        sites: [
            SandboxSite(siteUrl: siteB, isDefault: false),
            SandboxSite(siteUrl: siteA, isDefault: true, management: .siteAdmin),
            SandboxSite(siteUrl: mappedSite, hasMappedCodes: true),
        ],
        codes: codes, users: users)
}

/// Three codes on alpha, one on beta, one on the mapped site.
func standardCodes() -> [TrackingCode] {
    [
        code("1", "Department", options: ["Engineering", "Design", "Sales"], defaultIndex: 1),
        code("2", "Division", mode: .editableSelect, options: ["Full-time", "Part-time"]),
        code("3", "Cost Center", mode: .text, options: []),
        code("4", "Region", site: siteB, options: ["EMEA", "APAC"]),
        code("5", "Locked", site: mappedSite, options: ["X"]),
    ]
}

/// A sandbox, a session on it and the temporary directory holding the session's files.
@MainActor
struct Fixture {
    let sandbox: Sandbox
    let session: Session
    let directory: TemporaryDirectory

    /// - Parameter wrap: puts a test transport around the sandbox's.
    init(
        codes: [TrackingCode] = standardCodes(), users: [SandboxUser] = [alice, bob],
        settings: Settings = Settings(), readOnly: Bool = false, directory: TemporaryDirectory = TemporaryDirectory(),
        selecting site: String? = siteA,
        wrap: (any HTTPTransport) -> any HTTPTransport = { $0 }
    ) {
        sandbox = Sandbox(dataset: smallDataset(codes: codes, users: users))
        self.directory = directory
        session = Session(
            token: AccessToken(Sandbox.demoToken), transport: wrap(SandboxTransport(sandbox)),
            baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: directory.paths,
            settings: settings, readOnly: readOnly, clock: { Date(timeIntervalSince1970: 1_750_000_000) })
        if let site {
            session.select(Site(siteUrl: site, isDefault: site == siteA))
        }
    }

    /// A code list loaded from the sandbox.
    func loadedList() async -> CodeList {
        let list = CodeList(session: session)
        await list.refresh()
        return list
    }

    func sandboxNames(_ site: String = siteA) -> [String] {
        sandbox.codes(siteUrl: site).map(\.name).sorted()
    }

    func journalRecords() throws -> [JournalRecord] {
        try session.journal.read().records
    }
}

/// Passes requests on, after showing each to `inspect` (which sees it before the sandbox does).
struct InspectingTransport: HTTPTransport {
    let base: any HTTPTransport
    let inspect: @Sendable (HTTPRequest) -> Void

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        inspect(request)
        return try await base.send(request)
    }
}

/// Requests seen by a transport, collected across threads.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [HTTPRequest] = []

    func append(_ request: HTTPRequest) {
        lock.lock()
        defer { lock.unlock() }
        requests.append(request)
    }

    var all: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    var writes: [HTTPRequest] { all.filter { $0.method != "GET" } }
}

/// Holds every request until the test releases it, so a test can see what is in flight.
/// Waiting uses continuations, never sleeps; a cancelled request is let go with CancellationError.
actor RequestGate {
    private var held: [UInt64: CheckedContinuation<Bool, Never>] = [:]
    private var order: [UInt64] = []
    private var nextKey: UInt64 = 0
    private var arrivalWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private(set) var arrivals = 0
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0

    /// Waits until released; false when the request was cancelled meanwhile.
    func enter() async -> Bool {
        let key = nextKey
        nextKey += 1
        arrivals += 1
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        resumeArrivalWaiters()
        let released = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                held[key] = continuation
                order.append(key)
            }
        } onCancel: {
            Task { await self.release(key, as: false) }
        }
        inFlight -= 1
        return released
    }

    func waitForArrivals(_ count: Int) async {
        if arrivals >= count { return }
        await withCheckedContinuation { arrivalWaiters.append((count, $0)) }
    }

    /// Lets the oldest held request go on.
    func releaseOne() {
        guard let key = order.first else { return }
        release(key, as: true)
    }

    func releaseAll() {
        for key in order { release(key, as: true) }
    }

    private func release(_ key: UInt64, as released: Bool) {
        order.removeAll { $0 == key }
        held.removeValue(forKey: key)?.resume(returning: released)
    }

    private func resumeArrivalWaiters() {
        let ready = arrivalWaiters.filter { $0.count <= arrivals }
        arrivalWaiters.removeAll { $0.count <= arrivals }
        for waiter in ready { waiter.continuation.resume() }
    }
}

/// A transport that passes `filter`ed requests through `gate`: before the server sees them, or
/// (`holdAnswers`) after the server acted but before the answer comes back, as when a process
/// is killed mid-request.
struct GatedTransport: HTTPTransport {
    let base: any HTTPTransport
    let gate: RequestGate
    var filter: @Sendable (HTTPRequest) -> Bool = { _ in true }
    var holdAnswers = false

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard filter(request) else { return try await base.send(request) }
        if holdAnswers {
            let response = try await base.send(request)
            guard await gate.enter() else { throw CancellationError() }
            return response
        }
        guard await gate.enter() else { throw CancellationError() }
        return try await base.send(request)
    }
}

/// Decodes a request's JSON body.
func body<T: Decodable>(_ type: T.Type, of request: HTTPRequest) throws -> T {
    try JSONDecoder().decode(T.self, from: try #require(request.body))
}

/// A wall clock that moves only when a test says so: for what depends on elapsed time.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}
