import Foundation
import Testing

/// The built `trackcodes` executable, run as a child process: exit codes and streams as a
/// script would see them.
@Suite struct BinaryTests {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// `trackcodes` in the build folder that holds this test bundle; `swift test` builds it.
    static func executable() throws -> URL {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let bundleFolder = testBinary.deletingLastPathComponent()
        let candidate = bundleFolder.appendingPathComponent("trackcodes")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [
                NSLocalizedDescriptionKey: "no trackcodes executable at \(candidate.path); run 'swift build' first",
            ])
        }
        return candidate
    }

    /// Runs the binary with only `environment` (no proxies, no token unless given) and no stdin.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
            .merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()

        // Read both pipes before waiting, so a full pipe cannot stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A loopback port nobody listens on: bound, then closed again.
    static func closedPort() throws -> UInt16 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.featureUnsupported) }
        return UInt16(bigEndian: address.sin_port)
    }

    @Test func helpExitsZero() throws {
        let result = try Self.run(["--help"])

        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Usage: trackcodes"))
        #expect(result.standardError.isEmpty)
    }

    @Test func demoListPrintsATable() throws {
        let result = try Self.run(["codes", "list", "--demo"])

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("ID"))
        #expect(result.standardOutput.split(separator: "\n").count > 3)
    }

    @Test func unknownFlagExitsTwoWithOneLine() throws {
        let result = try Self.run(["codes", "list", "--frobnicate"])

        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test func unknownIdExitsOne() throws {
        let result = try Self.run(["codes", "get", "9999999", "--demo"])

        #expect(result.status == 1)
        #expect(result.standardError.contains("404"))
    }

    @Test func noTokenExitsThree() throws {
        let result = try Self.run(["sites"])

        #expect(result.status == 3)
        #expect(result.standardError.contains("WEBEX_API_KEY"))
    }

    @Test func refusedConnectionExitsThreeAndNeverShowsTheToken() throws {
        let token = "tcBINARY-7d2e4f0a9c81-SECRET"
        let port = try Self.closedPort()
        let result = try Self.run(
            ["codes", "list", "--base-url", "http://127.0.0.1:\(port)/v1"],
            environment: ["WEBEX_API_KEY": token])

        #expect(result.status == 3, "\(result.standardError)")
        #expect(!result.standardError.contains(token) && !result.standardOutput.contains(token))
    }

    @Test func dryRunPrintsTheRequestWithTheTokenRedacted() throws {
        let token = "tcBINARY-5b1c9e3d7a20-SECRET"
        let result = try Self.run(
            ["codes", "create", "--site", "example.webex.com", "--name", "Dry", "--dry-run"],
            environment: ["WEBEX_API_KEY": token, "WEBEX_BASE_URL": "http://127.0.0.1:9/v1"])

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Authorization: Bearer <redacted>"))
        #expect(!result.standardOutput.contains(token) && !result.standardError.contains(token))
    }
}
