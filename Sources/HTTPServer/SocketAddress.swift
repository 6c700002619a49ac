import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A numeric IPv4 or IPv6 socket address, parsed without name resolution so that the server
/// binds exactly the address it was given.
struct SocketAddress {
    private let storage: sockaddr_storage
    let length: socklen_t
    let family: Int32

    /// Accepts dotted IPv4, IPv6 with or without brackets, and `localhost` (as 127.0.0.1).
    init?(host: String, port: Int) {
        guard (0...65_535).contains(port) else { return nil }
        let literal = host == "localhost" ? "127.0.0.1" : Self.strippingBrackets(host)
        let networkPort = in_port_t(UInt16(port).bigEndian)

        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = networkPort
            storage = Self.storage(holding: v4)
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            family = AF_INET
        } else if inet_pton(AF_INET6, literal, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = networkPort
            storage = Self.storage(holding: v6)
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            family = AF_INET6
        } else {
            return nil
        }
    }

    private static func storage<Address>(holding address: Address) -> sockaddr_storage {
        var storage = sockaddr_storage()
        withUnsafeBytes(of: address) { source in
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: source) }
        }
        return storage
    }

    /// Calls `body` with the address as the `sockaddr` pointer the socket calls take.
    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafeBytes(of: storage) { raw in
            // sockaddr_storage is sized and aligned for every sockaddr type.
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    static func strippingBrackets(_ host: String) -> String {
        guard host.hasPrefix("["), host.hasSuffix("]"), host.count >= 2 else { return host }
        return String(host.dropFirst().dropLast())
    }

    /// `address:port`, or `[address]:port` for IPv6, for an address the kernel filled in.
    static func describe(_ storage: sockaddr_storage) -> String {
        switch Int32(storage.ss_family) {
        case AF_INET:
            var address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in.self) }
            let text = presentation(AF_INET, &address.sin_addr)
            return "\(text):\(UInt16(bigEndian: address.sin_port))"
        case AF_INET6:
            var address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in6.self) }
            let text = presentation(AF_INET6, &address.sin6_addr)
            return "[\(text)]:\(UInt16(bigEndian: address.sin6_port))"
        default:
            return "unknown"
        }
    }

    private static func presentation(_ family: Int32, _ address: UnsafeRawPointer) -> String {
        var text = [UInt8](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        text.withUnsafeMutableBytes { buffer in
            _ = inet_ntop(family, address, buffer.baseAddress, socklen_t(buffer.count))
        }
        return String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// The port of a bound socket, as the kernel chose it for port 0.
    static func boundPort(of socket: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socket, $0, &length)
            }
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

    /// Whether `host` names this machine's loopback interface: 127.0.0.0/8, ::1, an
    /// IPv4-mapped 127.x address, or `localhost`. Other names are not resolved and count as not.
    static func isLoopback(_ host: String) -> Bool {
        let literal = strippingBrackets(host).lowercased()
        if literal == "localhost" { return true }

        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }

        var v6 = in6_addr()
        guard inet_pton(AF_INET6, literal, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        let isIPv6Loopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        let isMappedIPv4Loopback = bytes[0..<10].allSatisfy { $0 == 0 }
            && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        return isIPv6Loopback || isMappedIPv4Loopback
    }
}
