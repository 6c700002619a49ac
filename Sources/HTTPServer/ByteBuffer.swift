#if canImport(Glibc)
import Glibc
#endif

/// Searching and slicing raw byte buffers without `Slice`, whose generic code is slow in debug
/// builds (the ones the tests and the sandbox run).
extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset of the first `byte` at or after `start`, found with `memchr`.
    func offset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count,
              let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The bytes in `range`, sharing this buffer's memory.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: baseAddress.map { $0 + range.lowerBound }, count: range.count)
    }

    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        bytes(start..<count)
    }

    func bytes(upTo end: Int) -> UnsafeBufferPointer<UInt8> {
        bytes(0..<end)
    }

    var text: String {
        String(decoding: self, as: UTF8.self)
    }
}
