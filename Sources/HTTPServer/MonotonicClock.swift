#if canImport(Glibc)
import Glibc
#endif

/// Seconds on a clock that wall-clock changes cannot move; all deadlines use it.
enum MonotonicClock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }

    /// Milliseconds left until `deadline`, in the form `poll` takes (never negative).
    static func pollTimeout(until deadline: Double) -> Int32 {
        let remaining = (deadline - now()) * 1000
        guard remaining > 0 else { return 0 }
        return Int32(min(remaining.rounded(.up), Double(Int32.max)))
    }
}
