import Foundation

// trackcodes-bench: prints the benchmark table. `Benchmarks/run` builds it in release mode and
// adds the measurements that need the real binary in a terminal.
//
//   trackcodes-bench [all|filter|bulk|import|rest]
//   trackcodes-bench import [--rows N]          fewer rows for quick iteration (default 10,000)
//   trackcodes-bench import-profile [--rows N]  where the import's time goes
//   trackcodes-bench rest-load [--connections N] [--seconds S] [--warmup S] [--scenarios a,b]
// Each benchmark runs in a child process, so one's garbage does not slow another. Memory is
// measured on the real binary, client alone, by Benchmarks/memory_bench.py.

let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "all"

func runChild(_ name: String) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = [name, "--row"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
}

/// The value of `--rows N` after the command, or `fallback`.
func rowCount(default fallback: Int) -> Int {
    guard let flag = arguments.firstIndex(of: "--rows"), arguments.indices.contains(flag + 1),
          let count = Int(arguments[flag + 1]), count > 0 else { return fallback }
    return count
}

func row(_ result: BenchmarkResult) -> String {
    let met = result.met.map { $0 ? "yes" : "NO" } ?? "–"
    return "| \(result.name) | \(result.value) | \(result.goal) | \(met) | \(result.note) |"
}

do {
    switch which {
    case "filter":
        print(row(CoreBenchmarks.filterKeystroke()))
    case "bulk":
        for result in try await CoreBenchmarks.bulkDelete() { print(row(result)) }
    case "import":
        print(row(try await ImportBenchmarks.usersImport(count: rowCount(default: 10_000))))
    case "import-profile":
        try await ImportProfile.run(rows: rowCount(default: 2_000))
    case "rest":
        print(row(try await RESTLoadBenchmark.row()))
    case "rest-load":
        try await RESTLoadBenchmark.printDetailed(Array(arguments.dropFirst()))
    case "all":
        print("| benchmark | result | goal | met | notes |")
        print("|---|---|---|---|---|")
        for name in ["filter", "bulk", "import", "rest"] {
            for line in try runChild(name) { print(line) }
        }
    default:
        let commands = "all|filter|bulk|import|import-profile|rest|rest-load"
        FileHandle.standardError.write(Data("usage: trackcodes-bench [\(commands)]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
