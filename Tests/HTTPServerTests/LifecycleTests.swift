import Foundation
import Testing
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// Starting, stopping and what the server leaves behind.
@Suite("Start, stop and resources")
struct LifecycleTests {
    @Test func stopReleasesThePortAndRefusesNewClients() async throws {
        let server = HTTPServer(handler: echo)
        let port = try server.start()
        #expect(server.port == port)
        server.stop()

        #expect(server.port == nil)
        #expect(throws: RawClient.Failure.self) { try RawClient(port: port) }
        let again = HTTPServer(port: port, handler: echo)
        #expect(try again.start() == port)
        again.stop()
    }

    @Test func serverCanBeStartedAgainAfterStop() async throws {
        let server = HTTPServer(handler: echo)
        try server.start()
        server.stop()
        let port = try server.start()
        defer { server.stop() }
        let client = try RawClient(port: port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try await client.readResponse().status == 200)
    }

    @Test func portInUseIsReportedClearly() async throws {
        try await withServer { port, _ in
            let second = HTTPServer(port: port, handler: echo)
            #expect(throws: HTTPServerError.portInUse(host: "127.0.0.1", port: port)) {
                try second.start()
            }
            let error = HTTPServerError.portInUse(host: "127.0.0.1", port: port)
            let message = error.localizedDescription
            #expect(message.contains("port \(port) is in use"))
        }
    }

    @Test func startingTwiceIsRefused() async throws {
        try await withServer { _, server in
            #expect(throws: HTTPServerError.alreadyRunning) { try server.start() }
        }
    }

    @Test(arguments: ["example.com", "127.0.0.256", ""])
    func hostsThatAreNotAddressesAreRefused(host: String) {
        let server = HTTPServer(host: host, handler: echo)
        #expect(throws: HTTPServerError.invalidHost(host)) { try server.start() }
    }

    @Test func stopClosesIdleConnectionsAndWaitsForRequestsInProgress() async throws {
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let handler: HTTPServer.Handler = { _ in
            enteredContinuation.yield()
            for await _ in release { break }
            return .text(200, "finished")
        }
        let server = HTTPServer(handler: handler)
        let port = try server.start()

        let idle = try RawClient(port: port)
        let busy = try RawClient(port: port)
        try busy.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        for await _ in entered { break }

        async let stopped: Void = stopOffThePool(server, gracePeriod: 10)
        #expect(try await idle.readsEndOfStream())
        releaseContinuation.yield()
        await stopped

        let response = try await busy.readResponse()
        #expect(response.bodyText == "finished")
        #expect(response.header("Connection") == "close")
        #expect(try await busy.readsEndOfStream())
    }

    @Test func connectionsLeaveNoDescriptorsBehind() async throws {
        let server = HTTPServer(handler: echo)
        let port = try server.start()
        let atStart = try SocketInventory.descriptors(onPort: port)
        #expect(atStart == 1) // the listener

        for index in 0..<150 {
            let client = try RawClient(port: port)
            switch index % 3 {
            case 0:
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try await client.readResponse()
            case 1:
                try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                _ = try await client.readResponse()
            default:
                try client.send("garbage\r\n\r\n")
            }
        }
        await stopOffThePool(server)

        let atEnd = try SocketInventory.descriptors(onPort: port)
        #expect(atEnd == 0)
    }
}

/// Counts this process's open sockets whose local or peer port is `port`: every descriptor in
/// /proc/self/fd is asked with getsockname/getpeername. Counting only sockets on the test's own
/// port keeps the check exact while other tests in the process open and close descriptors
/// (a plain count of /proc/self/fd would not be).
enum SocketInventory {
    static func descriptors(onPort port: Int) throws -> Int {
        let names = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        return names.compactMap { Int32($0) }.filter { fd in
            localPort(fd) == port || peerPort(fd) == port
        }.count
    }

    private static func localPort(_ fd: Int32) -> Int? {
        port(fd) { getsockname(fd, $0, $1) }
    }

    private static func peerPort(_ fd: Int32) -> Int? {
        port(fd) { getpeername(fd, $0, $1) }
    }

    private static func port(
        _ fd: Int32,
        _ query: (UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<socklen_t>) -> Int32
    ) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { query($0, &length) }
        }
        guard result == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            let address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in.self) }
            return Int(UInt16(bigEndian: address.sin_port))
        case AF_INET6:
            let address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in6.self) }
            return Int(UInt16(bigEndian: address.sin6_port))
        default:
            return nil
        }
    }
}
