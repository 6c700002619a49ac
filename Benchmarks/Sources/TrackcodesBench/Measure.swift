import Foundation

/// Small timing helpers for the benchmark runner.
enum Measure {
    /// Wall-clock seconds that `body` takes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Runs on the caller's actor, so main-actor models can be timed without hopping.
    static func seconds(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Void
    ) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}

/// One line of the results table.
struct BenchmarkResult {
    var name: String
    var value: String
    var goal: String
    var met: Bool?
    var note: String = ""
}

func formatMs(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
func formatS(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }
