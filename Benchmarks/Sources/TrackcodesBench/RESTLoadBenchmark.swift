import Adapters
import Foundation
import TrackingCodesCore
import WebexAPI
import WebexSandbox

// Requests per second and latency percentiles of the REST adapter on loopback, served over the
// in-process sandbox with the program's own write path (journal included).
//
//   trackcodes-bench rest-load [--connections 16] [--seconds 10] [--warmup 2] [--scenarios get,list,user,mixed,write]
//   trackcodes-bench rest      (the table row: the mixed scenario)

struct RESTLoadOptions {
    var connections = 16
    var seconds = 10.0
    var warmup = 2.0
    var scenarios = ["get", "list", "list-large", "user", "mixed", "write"]

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--row" { continue }
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--connections": connections = Int(value) ?? connections
            case "--seconds": seconds = Double(value) ?? seconds
            case "--warmup": warmup = Double(value) ?? warmup
            case "--scenarios": scenarios = value.split(separator: ",").map(String.init)
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(2)
            }
        }
    }
}

/// The request a scenario sends; `sequence` varies writes so each one changes something.
func requestBytes(_ scenario: String, connection: Int, sequence: Int) -> [UInt8] {
    let codes = "/v1/admin/meeting/config/trackingcodes"
    let users = "/v1/admin/meeting/userconfig/trackingcodes"
    func get(_ target: String, _ extra: String = "") -> [UInt8] {
        Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\(extra)\r\n".utf8)
    }
    switch scenario {
    case "get":
        return get("\(codes)/1?siteUrl=acme.webex.com")
    case "list":
        return get("\(codes)?siteUrl=acme-eu.webex.com")
    case "list-large":
        return get("\(codes)?siteUrl=acme.webex.com")
    case "user":
        return get(users, "email: wang.fang@acme.example.com\r\n")
    case "mixed":
        let kinds = ["get", "list", "user"]
        return requestBytes(kinds[(connection + sequence) % kinds.count], connection: connection, sequence: sequence)
    default:
        // Alternating values, so every PUT is a real change (journaled, fsynced, sent).
        let value = sequence % 2 == 0 ? "Full-time" : "Part-time"
        let body = #"{"siteUrl":"acme.webex.com","email":"wang.fang@acme.example.com","trackingCodes":[{"name":"Division","value":"\#(value)"}]}"#
        return Array(("PUT \(users) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)").utf8)
    }
}

/// Serves the REST adapter over an in-process demo sandbox and loads it over loopback.
@MainActor
enum RESTLoadBenchmark {
    struct Figures {
        var scenario: String
        var result: LoadRun.Result
    }

    static func run(_ options: RESTLoadOptions, report: @escaping @Sendable (String) -> Void) async throws -> [Figures] {
        let sandbox = try Sandbox.demo()
        let client = WebexClient(
            baseURL: Sandbox.inProcessBaseURL, token: AccessToken(Sandbox.demoToken), transport: SandboxTransport(sandbox),
            retryPolicy: .none)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("trackcodes-rest-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let session = Session(
            client: client, callLog: APICallLog(),
            paths: Paths(configDirectory: state.appendingPathComponent("config"), stateDirectory: state))
        let operations = TrackingCodeOperations(service: JournaledTrackingCodeService(session: session), client: client)
        let servers = try AdapterServers.start(options: ServeOptions(restPort: 0, mcpPort: 0), operations: operations)

        // The write scenario alternates between two Division values; check they exist, so it
        // measures writes and not refusals.
        let division = sandbox.codes(siteUrl: "acme.webex.com").first { $0.name == "Division" }
        let divisionValues = Set(division?.options.map(\.value) ?? [])
        if options.scenarios.contains("write"), !divisionValues.isSuperset(of: ["Full-time", "Part-time"]) {
            throw BenchmarkError("the demo data changed: Division lacks Full-time/Part-time")
        }

        // The runs block their threads, so they run on one of their own; the main actor stays
        // free for the journaled writes, which hop to it.
        let port = servers.restPort
        let figures = await withCheckedContinuation { (done: CheckedContinuation<[Figures], Never>) in
            Thread.detachNewThread {
                var all: [Figures] = []
                for scenario in options.scenarios {
                    let make: @Sendable (Int, Int) -> [UInt8] = { requestBytes(scenario, connection: $0, sequence: $1) }
                    if options.warmup > 0 {
                        _ = LoadRun(port: port, connections: options.connections, seconds: options.warmup, request: make).run()
                    }
                    let result = LoadRun(port: port, connections: options.connections, seconds: options.seconds, request: make).run()
                    report(String(
                        format: "%@ %9d %9.0f %8.2f %8.2f %8.2f %8.2f %7d",
                        scenario.padding(toLength: 12, withPad: " ", startingAt: 0), result.requests,
                        result.requestsPerSecond, result.percentile(0.50), result.percentile(0.90),
                        result.percentile(0.99), result.percentile(1.0), result.errors))
                    all.append(Figures(scenario: scenario, result: result))
                }
                done.resume(returning: all)
            }
        }
        await servers.stop()
        return figures
    }

    /// The detailed table of every scenario, as `rest-load` prints it.
    static func printDetailed(_ arguments: [String]) async throws {
        let options = RESTLoadOptions(arguments)
        // The machine may be shared; its load says how much of it these figures had.
        var load = [Double](repeating: 0, count: 3)
        _ = getloadavg(&load, 3)
        print("REST adapter, in-process sandbox, \(options.connections) connections, "
            + "\(Int(options.seconds)) s per scenario after \(Int(options.warmup)) s of warm-up, "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(String(format: "%.2f", load[0])) at start")
        print("scenario      requests     req/s   p50 ms   p90 ms   p99 ms   max ms  errors")
        _ = try await run(options, report: { print($0) })
    }

    /// The benchmark table's row: the mixed read scenario.
    static func row() async throws -> BenchmarkResult {
        var options = RESTLoadOptions([])
        options.seconds = 5
        options.warmup = 1
        options.scenarios = ["mixed"]
        guard let mixed = try await run(options, report: { _ in }).first?.result else {
            throw BenchmarkError("the load run returned nothing")
        }
        return BenchmarkResult(
            name: "REST adapter, mixed reads, \(options.connections) connections",
            value: String(format: "%.0f req/s, p99 %.1f ms", mixed.requestsPerSecond, mixed.percentile(0.99)),
            goal: "–", met: nil, note: "\(mixed.errors) errors; loopback, in-process sandbox")
    }
}
