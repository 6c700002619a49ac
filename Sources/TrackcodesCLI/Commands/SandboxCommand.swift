import Adapters
import Foundation
import HTTPServer
import WebexSandbox

/// `trackcodes sandbox`: the Webex emulator as a local HTTP server, for curl, for
/// `trackcodes --base-url`, and for tests and benchmarks.
enum SandboxCommand {
    static let port = SingleOption("port", value: "N", help: "Port to listen on (default 8099; 0 picks a free one)")
    static let listen = SingleOption("listen", value: "HOST", help: "Address to bind (default 127.0.0.1)")
    static let state = SingleOption("state", value: "FILE", help: "Keep the data in FILE across restarts (JSON, written atomically)")
    static let data = SingleOption("data", value: "FILE", help: "Start from the dataset in FILE (the --state format) instead of the demo; changes stay in memory")
    static let latency = SingleOption("latency-ms", value: "N", help: "Add N milliseconds to every answer")
    static let rateLimit = SingleOption("rate-limit-share", value: "X", help: "Answer a share X (0 to 1) of requests with 429")
    static let retryAfter = SingleOption("retry-after", value: "S", help: "Retry-After seconds on those 429s (default 1; 'none' leaves it out)")
    static let serverErrors = SingleOption("server-error-share", value: "X", help: "Answer a share X (0 to 1) of requests with a 5xx")
    static let serverErrorStatus = SingleOption("server-error-status", value: "N", help: "The status of those (default 503)")
    static let failID = RepeatedOption("fail-id", value: "ID", help: "Fail every request that names tracking code ID")
    static let failStatus = SingleOption("fail-status", value: "N", help: "The status for --fail-id (default 500)")

    static let spec = CommandSpec(
        name: "sandbox",
        summary: "Run the Webex emulator as a local HTTP server",
        discussion: """
            Serves the tracking-code API and the demo organisation on http://127.0.0.1:8099/v1 and \
            prints the base URL and the token it accepts. Point curl or 'trackcodes --base-url URL' \
            at it. Stop it with Ctrl-C.

            Tests can read the whole state at GET /_sandbox/state and change faults at \
            PUT /_sandbox/faults (same token); these are not Webex paths.
            """,
        options: [port.spec, listen.spec, state.spec, data.spec, latency.spec, rateLimit.spec, retryAfter.spec,
                  serverErrors.spec, serverErrorStatus.spec, failID.spec, failStatus.spec],
        action: run)

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        let parsed = invocation.parsed
        let portNumber = try integer(parsed[port], option: port.spec, default: 8099, range: 0...65535)
        let host = parsed[listen] ?? "127.0.0.1"
        var faults = SandboxFaults()
        faults.latencyMs = try integer(parsed[latency], option: latency.spec, default: 0, range: 0...600_000)
        faults.rateLimitShare = try share(parsed[rateLimit], option: rateLimit.spec)
        faults.serverErrorShare = try share(parsed[serverErrors], option: serverErrors.spec)
        faults.serverErrorStatus = try integer(parsed[serverErrorStatus], option: serverErrorStatus.spec, default: 503, range: 400...599)
        faults.failingIds = Set(parsed[failID])
        faults.failingStatus = try integer(parsed[failStatus], option: failStatus.spec, default: 500, range: 400...599)
        if let raw = parsed[retryAfter] {
            faults.retryAfterSeconds = raw.lowercased() == "none"
                ? nil : try integer(raw, option: retryAfter.spec, default: 1, range: 0...86_400)
        }

        let stateFile = parsed[state].map { URL(fileURLWithPath: $0) }
        let dataFile = parsed[data].map { URL(fileURLWithPath: $0) }
        if stateFile != nil, dataFile != nil {
            throw CLIFailure("--state and --data cannot be used together: --state keeps its own data", exitCode: .usage)
        }
        let sandbox: Sandbox
        do {
            if let dataFile {
                sandbox = Sandbox(dataset: try SandboxStateFile.load(dataFile), faults: faults)
            } else {
                sandbox = try Sandbox.demo(faults: faults, stateFile: stateFile)
            }
        } catch {
            throw CLIFailure("cannot start the sandbox: \(error.localizedDescription)", exitCode: .apiError)
        }
        if !HTTPServer.isLoopback(host) {
            invocation.printError("warning: listening on \(host), not loopback: anyone who can reach this address can use the sandbox")
        }

        let server = SandboxHTTPServer(sandbox: sandbox, host: host, port: portNumber)
        let baseURL: URL
        do {
            baseURL = try server.start()
        } catch {
            throw CLIFailure("cannot start the sandbox: \(error.localizedDescription)", exitCode: .networkOrAuth)
        }
        invocation.printOutput("""
            Webex sandbox listening on \(baseURL.absoluteString)
            Token: \(Sandbox.demoToken)
            Try:   curl -H 'Authorization: Bearer \(Sandbox.demoToken)' \(baseURL.absoluteString)/admin/meeting/config/trackingCodes
            Or:    trackcodes --base-url \(baseURL.absoluteString)   (with WEBEX_API_KEY set to the token)
            \(stateFile.map { "State: \($0.path)" } ?? "State: in memory only, started from \(dataFile?.path ?? "the demo organisation") (use --state FILE to keep changes)")
            Stop with Ctrl-C.
            """)

        await ShutdownSignal.processSignals.wait()
        server.stop()
        invocation.context.standardError.write("trackcodes: sandbox stopped\n")
        return .success
    }

    private static func integer(_ raw: String?, option: OptionSpec, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw CLIFailure.invalidInput("\(option.spelling) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(raw)'")
        }
        return number
    }

    private static func share(_ raw: String?, option: OptionSpec) throws -> Double {
        guard let raw else { return 0 }
        guard let number = Double(raw), (0...1).contains(number) else {
            throw CLIFailure.invalidInput("\(option.spelling) takes a share from 0 to 1, such as 0.2, not '\(raw)'")
        }
        return number
    }
}
