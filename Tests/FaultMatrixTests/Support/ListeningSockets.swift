import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The addresses sockets listen on, from the kernel's own tables.
enum ListeningSockets {
    /// The IPv4 and IPv6 addresses listening on `port` (a wildcard shows as 0.0.0.0 or ::).
    static func addresses(ofPort port: Int) throws -> [String] {
        var found: [String] = []
        for (file, isIPv6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
            guard let table = wholeFile(file) else { continue }
            for line in table.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                // local_address is field 1 (hex address:hex port), st is field 3; 0A is LISTEN.
                guard fields.count > 3, fields[3] == "0A" else { continue }
                let local = fields[1].split(separator: ":")
                guard local.count == 2, Int(local[1], radix: 16) == port else { continue }
                found.append(isIPv6 ? ipv6(String(local[0])) : ipv4(String(local[0])))
            }
        }
        return found
    }

    /// Reads `path` with read(2) until end of file. /proc files report a size of 0 and hand
    /// out one page per read, so a reader that trusts the size or stops after one read
    /// (as `String(contentsOfFile:)` does) misses every socket past the first page.
    static func wholeFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var contents = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                contents.append(contentsOf: buffer[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 {
                return nil
            } else {
                return String(decoding: contents, as: UTF8.self)
            }
        }
    }

    /// `0100007F` is 127.0.0.1: the kernel prints the address in host (little-endian) order.
    private static func ipv4(_ hex: String) -> String {
        guard let value = UInt32(hex, radix: 16) else { return hex }
        return (0..<4).map { String((value >> (8 * $0)) & 0xFF) }.joined(separator: ".")
    }

    private static func ipv6(_ hex: String) -> String {
        hex == String(repeating: "0", count: 32) ? "::" : hex
    }
}
