import Foundation
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// The users import at scale: 10,000 rows against the sandbox with injected latency, and the
/// memory it takes.
@MainActor
enum ImportBenchmarks {
    /// A bench site with two codes: a select (values must be options) and a text code.
    static func dataset(users count: Int) -> SandboxDataset {
        var dataset = Fixtures.dataset(codes: 0, users: count)
        dataset.codes = [
            TrackingCode(id: "1", name: "Department", siteUrl: Fixtures.site,
                         options: ["Sales", "Design", "Legal"].map { TrackingCodeOption(value: $0) },
                         inputMode: .select, hostProfileCode: .optional,
                         scheduleStartCodes: TrackingCodeRules.normalizedScheduleStartCodes([.init(service: .all, type: .optional)])),
            TrackingCode(id: "2", name: "Cost Center", siteUrl: Fixtures.site, inputMode: .text, hostProfileCode: .optional,
                         scheduleStartCodes: TrackingCodeRules.normalizedScheduleStartCodes([.init(service: .all, type: .optional)])),
        ]
        dataset.nextCodeId = 3
        return dataset
    }

    /// The import file: every user gets a department and a cost center.
    static func table(for users: [SandboxUser]) -> DelimitedTable {
        DelimitedTable(header: ["email", "Department", "Cost Center"], rows: users.enumerated().map { index, user in
            [user.email, ["Sales", "Design", "Legal"][index % 3], "CC-\(1000 + index)"]
        })
    }

    /// Runs the import of `count` users with `latencyMs` over loopback HTTP; returns seconds and concurrency.
    static func timedImport(users count: Int, latencyMs: Int) async throws -> (Double, Int) {
        let sandbox = Sandbox(dataset: dataset(users: count), faults: SandboxFaults(latencyMs: latencyMs))
        let server = SandboxHTTPServer(sandbox: sandbox)
        let url = try server.start()
        defer { server.stop() }
        let session = CoreBenchmarks.session(transport: URLSessionTransport(), baseURL: url)
        let run = try UsersImport(session: session, siteUrl: Fixtures.site, table: table(for: sandbox.dataset.users))
        let seconds = await Measure.seconds {
            _ = await run.prepare()
            _ = await run.run()
        }
        guard run.count(.changed) == count else {
            throw BenchmarkError("the import changed \(run.count(.changed)) of \(count) users: \(run.summary)")
        }
        return (seconds, run.concurrency)
    }

    /// 10,000 users at 40 ms: ours against N × 2 RTT / C (a GET and a PUT per user), and against
    /// a serial loop measured on a sample and scaled, since 10,000 serial rows would take 15 minutes.
    static func usersImport(count: Int = 10_000, latencyMs: Int = 40, serialSample: Int = 100) async throws -> BenchmarkResult {
        let (ours, concurrency) = try await timedImport(users: count, latencyMs: latencyMs)

        let sandbox = Sandbox(dataset: dataset(users: serialSample), faults: SandboxFaults(latencyMs: latencyMs))
        let server = SandboxHTTPServer(sandbox: sandbox)
        let url = try server.start()
        defer { server.stop() }
        let client = WebexClient(baseURL: url, token: AccessToken(Sandbox.demoToken), transport: URLSessionTransport())
        let rtt = try await CoreBenchmarks.measureRTT(client)
        let sample = try await Measure.seconds {
            for (index, user) in sandbox.dataset.users.enumerated() {
                _ = try await client.userTrackingCodes(for: .email(user.email), siteUrl: Fixtures.site)
                _ = try await client.updateUserTrackingCodes(UserTrackingCodesUpdate(
                    siteUrl: Fixtures.site, user: .email(user.email),
                    trackingCodes: [.init(name: "Department", value: "Sales"), .init(name: "Cost Center", value: "CC-\(index)")]))
            }
        }
        let serial = sample * Double(count) / Double(serialSample)
        let limit = Double(count) * 2 * rtt / Double(concurrency)
        return BenchmarkResult(
            name: "users import \(count) rows, \(latencyMs) ms latency", value: formatS(ours),
            goal: "≤ 1.2 × N×2RTT/C = \(formatS(1.2 * limit))", met: ours <= 1.2 * limit,
            note: String(format: "%.2f× the limit (RTT %.1f ms, C = %d, a GET and a PUT per row); serial loop ≈ %@ (%d-row sample scaled, %.0f× slower)",
                         ours / limit, rtt * 1000, concurrency, formatS(serial), serialSample, serial / ours))
    }
}
