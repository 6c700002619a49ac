import Foundation
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// Where an import's time goes: `trackcodes-bench import-profile [--rows N]`.
///
/// Wraps the real transport to time every request and count those in flight, pairs each row's
/// GET and PUT by the user's email, and times the sandbox's own handling in process. The gaps
/// between a row's requests are what the client spends off the wire (journal fsync waits and
/// main-actor bookkeeping).
@MainActor
enum ImportProfile {
    static func run(rows count: Int, latencyMs: Int = 40) async throws {
        let sandbox = Sandbox(
            dataset: ImportBenchmarks.dataset(users: count),
            faults: SandboxFaults(latencyMs: latencyMs))
        let server = SandboxHTTPServer(sandbox: sandbox)
        let url = try server.start()
        defer { server.stop() }

        let transport = TimingTransport(URLSessionTransport())
        let session = CoreBenchmarks.session(transport: transport, baseURL: url)
        let users = sandbox.dataset.users
        let run = try UsersImport(
            session: session, siteUrl: Fixtures.site, table: ImportBenchmarks.table(for: users))
        _ = await run.prepare()
        transport.reset()
        let seconds = await Measure.seconds { _ = await run.run() }
        let timings = transport.timings

        let rtt = try await CoreBenchmarks.measureRTT(session.client)
        let userRTT = try await userGetRTT(session.client, email: users[0].email)
        let limit = Double(count) * 2 * rtt / Double(run.concurrency)
        print(String(format: "rows %d, run %.2f s, limit N×2RTT/C %.2f s (%.2f×), C = %d",
                     count, seconds, limit, seconds / limit, run.concurrency))
        print(String(format: "RTT: listSites %.2f ms, user GET %.2f ms (medians of 15, idle)",
                     rtt * 1000, userRTT * 1000))
        report(timings, seconds: seconds)
        await serverCost(users: count)
    }

    /// Median of 15 GETs of one user's values, the same kind of request as the import's.
    static func userGetRTT(_ client: WebexClient, email: String) async throws -> Double {
        var samples: [Double] = []
        for _ in 0..<15 {
            samples.append(try await Measure.seconds {
                _ = try await client.userTrackingCodes(for: .email(email), siteUrl: Fixtures.site)
            })
        }
        return Measure.median(samples)
    }

    private static func report(_ timings: [TimingTransport.Timing], seconds: Double) {
        let gets = timings.filter { $0.method == "GET" }
        let puts = timings.filter { $0.method == "PUT" }
        func stats(_ name: String, _ values: [Double]) {
            guard !values.isEmpty else { return }
            let mean = values.reduce(0, +) / Double(values.count)
            let format = "%@: n %d, mean %.2f ms, median %.2f, p90 %.2f, p99 %.2f, max %.2f"
            print(String(format: format, name, values.count, mean * 1000,
                         Measure.median(values) * 1000, Measure.percentile(values, 90) * 1000,
                         Measure.percentile(values, 99) * 1000, (values.max() ?? 0) * 1000))
        }
        stats("GET on the wire", gets.map(\.duration))
        stats("PUT on the wire", puts.map(\.duration))

        let getByUser = Dictionary(gets.map { ($0.user, $0) }) { first, _ in first }
        stats("GET end → PUT start (intent fsync, hops)",
              puts.compactMap { put in getByUser[put.user].map { put.start - $0.end } })

        // After a PUT the row's slot records the outcome, then the next row starts with a GET.
        let starts = gets.map(\.start).sorted()
        let slotGaps = puts.compactMap { put -> Double? in
            let next = starts.partitionIndex(firstAtLeast: put.end)
            return next < starts.count ? starts[next] - put.end : nil
        }
        stats("PUT end → next GET start (outcome fsync, hops)", slotGaps)

        let busy = timings.reduce(0) { $0 + $1.duration }
        print(String(format: "mean requests in flight %.2f; most at once %d",
                     busy / seconds, timings.map(\.inFlightAtStart).max() ?? 0))
    }

    /// What the sandbox itself costs per request, with no latency and no HTTP.
    private static func serverCost(users count: Int) async {
        let sandbox = Sandbox(dataset: ImportBenchmarks.dataset(users: count))
        let users = sandbox.dataset.users.prefix(200)
        let path = Sandbox.inProcessBaseURL.appendingPathComponent(
            "admin/meeting/userconfig/trackingCodes")
        let headers = ["Authorization": "Bearer \(Sandbox.demoToken)"]
        let encoder = JSONEncoder()
        var getTimes: [Double] = []
        var putTimes: [Double] = []
        for user in users {
            var components = URLComponents(url: path, resolvingAgainstBaseURL: false)
            components?.queryItems = [.init(name: "siteUrl", value: Fixtures.site)]
            guard let url = components?.url else { continue }
            var getHeaders = headers
            getHeaders["email"] = user.email
            getTimes.append(await Measure.seconds {
                _ = await sandbox.handle(HTTPRequest(method: "GET", url: url, headers: getHeaders))
            })
            let update = UserTrackingCodesUpdate(
                siteUrl: Fixtures.site, user: .email(user.email),
                trackingCodes: [.init(name: "Department", value: "Sales")])
            let body = try? encoder.encode(update)
            putTimes.append(await Measure.seconds {
                _ = await sandbox.handle(HTTPRequest(
                    method: "PUT", url: path, headers: headers, body: body))
            })
        }
        print(String(format: "sandbox in process, %d users: GET median %.3f ms, PUT median %.3f ms",
                     count, Measure.median(getTimes) * 1000, Measure.median(putTimes) * 1000))
    }
}

/// A transport that times each request, keyed by the user it names, and counts those in flight.
final class TimingTransport: HTTPTransport, @unchecked Sendable {
    struct Timing {
        var method: String
        var user: String
        var start: Double
        var end: Double
        var inFlightAtStart: Int
        var duration: Double { end - start }
    }

    private let wrapped: any HTTPTransport
    // Guarded by `lock`.
    private let lock = NSLock()
    private var recorded: [Timing] = []
    private var inFlight = 0

    init(_ wrapped: any HTTPTransport) { self.wrapped = wrapped }

    var timings: [Timing] { lock.withLock { recorded } }
    func reset() { lock.withLock { recorded = [] } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let user = Self.user(in: request)
        let start = Self.now()
        let atStart = lock.withLock {
            inFlight += 1
            return inFlight
        }
        defer {
            let end = Self.now()
            lock.withLock {
                inFlight -= 1
                recorded.append(Timing(method: request.method, user: user, start: start, end: end,
                                       inFlightAtStart: atStart))
            }
        }
        return try await wrapped.send(request)
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private static func user(in request: HTTPRequest) -> String {
        // Webex takes a user's email in a header on the GET, so it stays out of URLs and logs.
        if let email = request.header("email") { return email }
        if let body = request.body, let json = JSONValue.parse(body),
           let email = json["email"]?.stringValue {
            return email
        }
        return ""
    }
}

extension Array where Element == Double {
    /// The first index whose element is at least `value`, in a sorted array.
    func partitionIndex(firstAtLeast value: Double) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
