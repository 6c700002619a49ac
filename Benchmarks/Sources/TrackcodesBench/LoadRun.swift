import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One measured run: `connections` threads, each sending its requests back to back on its own
/// keep-alive connection until `seconds` have passed.
struct LoadRun {
    struct Result {
        var requests: Int
        var errors: Int
        var seconds: Double
        /// Latencies in nanoseconds, sorted.
        var latencies: [UInt64]

        var requestsPerSecond: Double { Double(requests) / seconds }

        func percentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let index = min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)
            return Double(latencies[max(0, index)]) / 1_000_000
        }
    }

    let port: Int
    let connections: Int
    let seconds: Double
    /// The request bytes for the n-th request of a connection.
    let request: @Sendable (_ connection: Int, _ sequence: Int) -> [UInt8]

    func run() -> Result {
        let collector = Collector()
        let group = DispatchGroup()
        let start = Self.now()
        let deadline = start + UInt64(seconds * 1_000_000_000)
        for index in 0..<connections {
            group.enter()
            let thread = Thread { [request, port] in
                defer { group.leave() }
                var latencies: [UInt64] = []
                var errors = 0
                do {
                    let connection = try LoadConnection(port: port)
                    var sequence = 0
                    while Self.now() < deadline {
                        let bytes = request(index, sequence)
                        let began = Self.now()
                        let status = try connection.exchange(bytes)
                        latencies.append(Self.now() - began)
                        if !(200..<300).contains(status) { errors += 1 }
                        sequence += 1
                    }
                } catch {
                    errors += 1
                    FileHandle.standardError.write(Data("connection \(index): \(error)\n".utf8))
                }
                collector.add(latencies, errors: errors)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        let elapsed = Double(Self.now() - start) / 1_000_000_000
        let (latencies, errors) = collector.totals()
        return Result(requests: latencies.count, errors: errors, seconds: elapsed, latencies: latencies.sorted())
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// Gathers every thread's latencies.
private final class Collector: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var latencies: [UInt64] = []
    private var errors = 0

    func add(_ more: [UInt64], errors moreErrors: Int) {
        lock.lock()
        latencies += more
        errors += moreErrors
        lock.unlock()
    }

    func totals() -> ([UInt64], Int) {
        lock.lock()
        defer { lock.unlock() }
        return (latencies, errors)
    }
}
