#if canImport(Glibc)
import CMalloc
#endif

/// Tunes glibc's allocator for a process that serves one person: the terminal UI and one-shot
/// commands, not the servers.
///
/// By default glibc gives threads their own arenas and raises its mmap threshold after large
/// frees, so a list of 10,000 codes, decoded off the main thread and handed to it, left ~10 MB of
/// freed blocks resident (measured with `Benchmarks/memory_bench.py`). One arena and a fixed
/// threshold return big buffers to the system when freed. The servers (`serve`, `sandbox`,
/// `mcp`) answer many clients at once and keep the defaults, which favour throughput.
enum AllocatorTuning {
    static let serverCommands: Set<String> = ["serve", "sandbox", "mcp"]

    /// Applies the tuning unless `command` (the first word of the command path) is a server.
    static func apply(forCommand command: String?) {
        guard !serverCommands.contains(command ?? "") else { return }
        #if canImport(Glibc)
        _ = mallopt(M_ARENA_MAX, 1)
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        _ = mallopt(M_TRIM_THRESHOLD, 256 * 1024)
        #endif
    }
}
