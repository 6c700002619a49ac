import Foundation
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// Benchmarks of the view-model layer and of bulk work against the sandbox.
@MainActor
enum CoreBenchmarks {
    static func temporaryPaths() -> Paths {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-bench-\(UUID().uuidString)")
        return Paths(configDirectory: root.appendingPathComponent("config"), stateDirectory: root.appendingPathComponent("state"))
    }

    static func session(transport: any HTTPTransport, baseURL: URL) -> Session {
        Session(token: AccessToken(Sandbox.demoToken), transport: transport, baseURL: baseURL, paths: temporaryPaths())
    }

    /// Time for one filter keystroke with 10,000 codes loaded: typing a query and erasing it.
    static func filterKeystroke(codes count: Int = 10_000) -> BenchmarkResult {
        let sandbox = Sandbox(dataset: Fixtures.dataset(codes: 0))
        let list = CodeList(session: session(transport: SandboxTransport(sandbox), baseURL: Sandbox.inProcessBaseURL))
        list.load(Fixtures.codes(count), siteUrl: Fixtures.site)
        let query = Array("project 12")
        var samples: [Double] = []
        for _ in 0..<30 {
            for length in 1...query.count {
                samples.append(Measure.seconds { list.setFilter(String(query[0..<length])) })
            }
            for length in stride(from: query.count - 1, through: 0, by: -1) {
                samples.append(Measure.seconds { list.setFilter(String(query[0..<length])) })
            }
        }
        let median = Measure.median(samples)
        let p99 = Measure.percentile(samples, 99)
        return BenchmarkResult(
            name: "filter keystroke, \(count) codes", value: "\(formatMs(median)) median, \(formatMs(p99)) p99",
            goal: "≤ 2 ms", met: p99 <= 0.002, note: "\(samples.count) keystrokes")
    }

    /// Bulk delete of `count` codes with injected latency: ours, a serial loop, and the limit N×RTT/C.
    static func bulkDelete(count: Int = 500, latencyMs: Int = 40, runs: Int = 3) async throws -> [BenchmarkResult] {
        var ours: [Double] = []
        var concurrency = 0
        var rtt = 0.0
        for _ in 0..<runs {
            let (server, url) = try serve(codes: count, latencyMs: latencyMs)
            defer { server.stop() }
            let session = session(transport: URLSessionTransport(), baseURL: url)
            if rtt == 0 { rtt = try await measureRTT(session.client) }
            let job = BulkDeleteJob(session: session, codes: server.sandbox.codes(siteUrl: Fixtures.site))
            concurrency = job.concurrency
            ours.append(await Measure.seconds { await job.run() })
            guard job.deletedCount == count, server.sandbox.codes(siteUrl: Fixtures.site).isEmpty else {
                throw BenchmarkError("bulk delete left \(count - job.deletedCount) codes: \(job.summary)")
            }
        }

        let (server, url) = try serve(codes: count, latencyMs: latencyMs)
        defer { server.stop() }
        let client = WebexClient(baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport())
        let serial = try await Measure.seconds {
            for code in server.sandbox.codes(siteUrl: Fixtures.site) {
                try await client.deleteTrackingCode(id: code.id, siteUrl: Fixtures.site)
            }
        }

        let limit = Double(count) * rtt / Double(concurrency)
        let median = Measure.median(ours)
        return [
            BenchmarkResult(
                name: "bulk delete \(count) codes, \(latencyMs) ms latency", value: formatS(median),
                goal: "≤ 1.2 × N×RTT/C = \(formatS(1.2 * limit))", met: median <= 1.2 * limit,
                note: String(format: "%.2f× the limit (RTT %.1f ms, C = %d); serial loop %@ (%.1f× slower than ours)",
                             median / limit, rtt * 1000, concurrency, formatS(serial), serial / median)),
        ]
    }

    /// Median time of one GET against the server: the RTT the limit is computed with.
    static func measureRTT(_ client: WebexClient) async throws -> Double {
        var samples: [Double] = []
        for _ in 0..<15 {
            samples.append(try await Measure.seconds { _ = try await client.listSites() })
        }
        return Measure.median(samples)
    }

    static func serve(codes: Int, latencyMs: Int) throws -> (SandboxHTTPServer, URL) {
        let sandbox = Sandbox(dataset: Fixtures.dataset(codes: codes), faults: SandboxFaults(latencyMs: latencyMs))
        let server = SandboxHTTPServer(sandbox: sandbox)
        return (server, try server.start())
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
