import Foundation
import Testing
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// The real binary, killed with SIGKILL part-way through `users import` against
/// `trackcodes sandbox --state FILE`, then run again: the second run finishes the job and sends
/// only what the first did not.
///
/// Nothing here sleeps: the sandbox's start is read from its output pipe, and the kill comes
/// after a number of state-file replacements reported by inotify.
@Suite struct ImportKillTests {
    /// Watches a folder for a file being replaced (written to a temporary name, then renamed).
    final class ReplacementWatch {
        let descriptor: Int32
        let name: String

        init(folder: URL, name: String) throws {
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            self.name = name
            guard descriptor >= 0,
                inotify_add_watch(
                    descriptor, folder.path, UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)) >= 0
            else { throw CocoaError(.featureUnsupported) }
        }

        deinit { close(descriptor) }

        /// Waits until `count` events name the file; false if none comes for `timeoutMs`.
        func wait(for count: Int, timeoutMs: Int32 = 30_000) -> Bool {
            var seen = 0
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while seen < count {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, timeoutMs) > 0 else { return false }
                let length = buffer.withUnsafeMutableBytes {
                    read(descriptor, $0.baseAddress, $0.count)
                }
                guard length > 0 else { return false }
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= length {
                    let nameLength = buffer.withUnsafeBytes {
                        Int($0.load(fromByteOffset: offset + 12, as: UInt32.self))
                    }
                    let nameBytes = buffer[(offset + header)..<(offset + header + nameLength)]
                        .prefix { $0 != 0 }
                    if String(decoding: nameBytes, as: UTF8.self) == name { seen += 1 }
                    offset += header + nameLength
                }
            }
            return true
        }
    }

    /// Starts `trackcodes sandbox` and returns it with its base URL, read from its first line.
    static func startSandbox(stateFile: URL) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = try BinaryTests.executable()
        process.arguments = [
            "sandbox", "--port", "0", "--state", stateFile.path, "--latency-ms", "15",
        ]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        let prefix = "Webex sandbox listening on "
        var text = ""
        while !text.contains("\n") || !text.contains(prefix) {
            // Blocks until the sandbox writes; empty data means it exited.
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
            let url = URL(string: String(line.dropFirst(prefix.count)))
        else {
            process.terminate()
            throw CocoaError(
                .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "sandbox said: \(text)"]
            )
        }
        return (process, url)
    }

    /// A fresh folder holding `users.csv`, which sets every demo user's Cost Center to
    /// "`prefix`-N"; the caller removes the folder.
    static func importFolder(
        named name: String, values prefix: String
    ) throws -> (folder: URL, input: URL, users: [SandboxUser]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "trackcodes-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let users = try DemoData.load().users
        let rows = users.enumerated().map { "\($1.email),\(prefix)-\($0)" }
        let input = folder.appendingPathComponent("users.csv")
        try ("email,Cost Center\n" + rows.joined(separator: "\n") + "\n").write(
            to: input, atomically: true, encoding: .utf8)
        return (folder, input, users)
    }

    /// The binary's environment: the sandbox at `baseURL`, settings and journal in `folder`.
    static func environment(folder: URL, baseURL: URL) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": folder.path, "WEBEX_API_KEY": Sandbox.demoToken,
            "WEBEX_BASE_URL": baseURL.absoluteString,
            "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
        ]
    }

    @Test(.timeLimit(.minutes(3)))
    func aUsersImportKilledPartWayIsFinishedByRunningItAgain() throws {
        let (folder, input, users) = try Self.importFolder(named: "kill", values: "Killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stateFile = folder.appendingPathComponent("state.json")
        let site = "acme.webex.com"

        let watch = try ReplacementWatch(folder: folder, name: stateFile.lastPathComponent)
        var (sandbox, baseURL) = try Self.startSandbox(stateFile: stateFile)
        defer {
            if sandbox.isRunning {
                kill(sandbox.processIdentifier, SIGINT)
                sandbox.waitUntilExit()
            }
        }
        func environment(_ baseURL: URL) -> [String: String] {
            Self.environment(folder: folder, baseURL: baseURL)
        }

        let first = Process()
        first.executableURL = try BinaryTests.executable()
        first.arguments = ["users", "import", input.path, "--site", site]
        first.environment = environment(baseURL)
        first.standardInput = FileHandle.nullDevice
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        let sawChanges = watch.wait(for: 25)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(sawChanges)
        #expect(first.terminationReason == .uncaughtSignal)
        // Requests already in the sandbox still finish there; stop it so its state file is final.
        kill(sandbox.processIdentifier, SIGINT)
        sandbox.waitUntilExit()

        func hasNewValue(_ dataset: SandboxDataset) -> Set<String> {
            let costCenter =
                dataset.codes.first { $0.siteUrl == site && $0.name == "Cost Center" }?.id ?? ""
            return Set(
                dataset.users.enumerated().compactMap { index, user in
                    user.values[site]?[costCenter] == "Killed-\(index)" ? user.email : nil
                })
        }
        let done = hasNewValue(try SandboxStateFile.load(stateFile))
        #expect(!done.isEmpty)
        #expect(done.count < users.count, "the import finished before it was killed")
        #expect(!FileManager.default.fileExists(atPath: input.path + ".report.csv"))

        // Every user Webex changed had its intent on disk before the request went out.
        let journal = folder.appendingPathComponent("state/trackcodes/journal.jsonl")
        let intents = Journal.parse(try Data(contentsOf: journal)).records.filter {
            $0.kind == .intent
        }
        #expect(done.isSubset(of: Set(intents.compactMap { $0.userUpdate?.email })))

        (sandbox, baseURL) = try Self.startSandbox(stateFile: stateFile)
        let second = try BinaryTests.run(
            ["users", "import", input.path, "--site", site], environment: environment(baseURL))
        #expect(second.status == 0, "\(second.standardError)")
        let counts = "\(users.count - done.count) changed, \(done.count) unchanged, 0 with errors"
        #expect(second.standardOutput.contains("\(users.count) rows: \(counts)."))
        let report = try DelimitedTable.parse(
            try String(contentsOfFile: input.path + ".report.csv", encoding: .utf8))
        for record in report.records {
            #expect(
                record[2] == (done.contains(record[0]) ? "unchanged" : "changed"), "\(record[0])")
        }
        #expect(hasNewValue(try SandboxStateFile.load(stateFile)).count == users.count)
    }

    @Test(.timeLimit(.minutes(3)))
    func ctrlCStopsAUsersImportCleanlyAndTheReportSaysWhatBecameOfEveryRow() throws {
        let (folder, input, users) = try Self.importFolder(named: "interrupt", values: "Stopped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stateFile = folder.appendingPathComponent("state.json")
        let site = "acme.webex.com"

        let watch = try ReplacementWatch(folder: folder, name: stateFile.lastPathComponent)
        let (sandbox, baseURL) = try Self.startSandbox(stateFile: stateFile)
        defer {
            if sandbox.isRunning {
                kill(sandbox.processIdentifier, SIGINT)
                sandbox.waitUntilExit()
            }
        }
        let environment = Self.environment(folder: folder, baseURL: baseURL)
        let importer = Process()
        importer.executableURL = try BinaryTests.executable()
        importer.arguments = ["users", "import", input.path, "--site", site]
        importer.environment = environment
        importer.standardInput = FileHandle.nullDevice
        let output = Pipe()
        importer.standardOutput = output
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        #expect(watch.wait(for: 25))
        kill(importer.processIdentifier, SIGINT)
        let printed = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        importer.waitUntilExit()

        #expect(importer.terminationReason == .exit)
        #expect(importer.terminationStatus == 128 + SIGINT)
        #expect(printed.contains("not run (cancelled)."), "\(printed)")
        #expect(printed.contains("Report: \(input.path).report.csv"))
        kill(sandbox.processIdentifier, SIGINT)
        sandbox.waitUntilExit()

        // The report says what became of every row, and it is true of the sandbox's state.
        let dataset = try SandboxStateFile.load(stateFile)
        let costCenter =
            dataset.codes.first { $0.siteUrl == site && $0.name == "Cost Center" }?.id ?? ""
        let stored = Dictionary(
            uniqueKeysWithValues: dataset.users.map { ($0.email, $0.values[site]?[costCenter]) })
        let report = try DelimitedTable.parse(
            try String(contentsOfFile: input.path + ".report.csv", encoding: .utf8))
        #expect(report.records.count == users.count)
        let statuses = Set(report.records.map { $0[2] })
        #expect(statuses == ["changed", "not run"], "\(statuses)")
        for record in report.records {
            let changed = stored[record[0]] == record[1]
            #expect(changed == (record[2] == "changed"), "\(record[0])")
        }
        // Every request that went out has its outcome in the journal.
        let journal = folder.appendingPathComponent("state/trackcodes/journal.jsonl")
        let records = Journal.parse(try Data(contentsOf: journal)).records
        #expect(
            records.filter { $0.kind == .intent }.count
                == records.filter { $0.kind != .intent }.count)
    }
}
