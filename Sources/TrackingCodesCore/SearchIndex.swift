#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over many rows at once, fast enough to filter 10,000 codes on every keystroke.
///
/// The rows' lower-cased keys sit end to end in one buffer. A search looks for the needle's
/// rarest byte with `memchr` (C speed), checks the whole needle with `memcmp` around each hit,
/// and after a match jumps straight to the next row. Positions come out in buffer order, which
/// is the sorted order of the list, so filtering never re-sorts.
struct SearchIndex {
    static let rowSeparator: UInt8 = 0x00
    static let fieldSeparator: UInt8 = 0x01

    private var bytes: [UInt8] = []
    /// Where each row starts in `bytes`, plus the end of the buffer.
    private var starts: [Int] = [0]
    /// How often each byte value occurs, to pick the rarest byte of a needle.
    private var frequency = [Int](repeating: 0, count: 256)

    init() {}

    init<Rows: Sequence>(keys: Rows) where Rows.Element == [UInt8] {
        for key in keys {
            bytes.append(contentsOf: key)
            bytes.append(Self.rowSeparator)
            starts.append(bytes.count)
        }
        for byte in bytes { frequency[Int(byte)] += 1 }
    }

    var rowCount: Int { starts.count - 1 }

    /// Positions of the rows whose key contains `needle`, ascending. All rows for an empty needle.
    func positions(containing needle: [UInt8]) -> [Int] {
        guard !needle.isEmpty else { return Array(0..<rowCount) }
        // The rarest byte gives the fewest false starts.
        var pivot = 0
        for index in needle.indices where frequency[Int(needle[index])] < frequency[Int(needle[pivot])] {
            pivot = index
        }
        guard frequency[Int(needle[pivot])] > 0 else { return [] }

        var found: [Int] = []
        found.reserveCapacity(rowCount)
        // Raw pointers throughout: this loop runs once per matching row, 10,000 times per keystroke.
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                starts.withUnsafeBufferPointer { starts in
                    guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else {
                        return
                    }
                    let total = haystack.count
                    let length = pattern.count
                    let pivotByte = Int32(pattern[pivot])
                    let lastRow = starts.count - 2
                    var row = 0
                    // Earliest position where the pivot byte of a match could sit.
                    var searchFrom = pivot
                    while searchFrom < total {
                        guard let hit = memchr(base + searchFrom, pivotByte, total - searchFrom) else {
                            break
                        }
                        let matchStart = (UnsafeRawPointer(hit) - UnsafeRawPointer(base)) - pivot
                        guard matchStart >= 0, matchStart + length <= total,
                              memcmp(base + matchStart, patternBase, length) == 0 else {
                            searchFrom = matchStart + pivot + 1
                            continue
                        }
                        // Matches are usually in the very next row; search only when they are not.
                        if starts[row + 1] <= matchStart {
                            row = Self.row(containing: matchStart, in: starts, from: row + 1, to: lastRow)
                        }
                        // The needle holds no separator, so the match lies inside this row.
                        found.append(row)
                        row += 1
                        searchFrom = starts[row] + pivot
                    }
                }
            }
        }
        return found
    }

    /// The row (between `from` and `to`) whose bytes include `offset`: a binary search.
    private static func row(
        containing offset: Int, in starts: UnsafeBufferPointer<Int>, from: Int, to: Int
    ) -> Int {
        var low = from
        var high = to
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }
}
