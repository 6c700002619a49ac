import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The newline-separated lines read from a file descriptor, as an async stream.
///
/// A dedicated thread does the blocking reads, so the cooperative pool never waits on input.
/// A line longer than `maxLineBytes` is skipped up to its newline and reported as
/// `.tooLong`, so one huge message cannot exhaust memory.
enum FileDescriptorLines {
    enum Event: Sendable {
        case line(Data)
        case tooLong(bytes: Int)
    }

    static func stream(_ descriptor: Int32, maxLineBytes: Int) -> AsyncStream<Event> {
        AsyncStream { continuation in
            let thread = Thread {
                readLines(descriptor, maxLineBytes: maxLineBytes) { continuation.yield($0) }
                continuation.finish()
            }
            thread.name = "trackcodes-stdin"
            thread.start()
        }
    }

    private static func readLines(_ descriptor: Int32, maxLineBytes: Int, emit: (Event) -> Void) {
        var pending = Data()
        var skipping = false
        var skipped = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)

        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }

            var start = 0
            for index in 0..<count where chunk[index] == 0x0A {
                let segment = index - start
                if skipping {
                    emit(.tooLong(bytes: skipped + segment))
                    skipping = false
                    skipped = 0
                } else if pending.count + segment > maxLineBytes {
                    emit(.tooLong(bytes: pending.count + segment))
                    pending.removeAll(keepingCapacity: true)
                } else {
                    pending.append(contentsOf: chunk[start..<index])
                    emit(.line(pending))
                    pending.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            if skipping {
                skipped += count - start
            } else {
                pending.append(contentsOf: chunk[start..<count])
                if pending.count > maxLineBytes {
                    skipping = true
                    skipped = pending.count
                    pending.removeAll()
                }
            }
        }
        // A last message without its newline still counts.
        if skipping {
            emit(.tooLong(bytes: skipped))
        } else if !pending.isEmpty {
            emit(.line(pending))
        }
    }
}
