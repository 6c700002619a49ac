import Foundation

/// Finds the elements of one top-level array in a JSON object without parsing the document, so
/// each element can be decoded on its own.
///
/// Foundation's decoder first maps a whole document, at about three times its size: a list of
/// 10,000 codes (5 MB) cost 14 MB at its peak. Decoding element by element keeps that to the
/// size of one code. The scanner only tracks strings and nesting, and accepts nothing but
/// `{"key": [...]}`: every byte outside the elements is checked here, every element by the
/// decoder. Anything else makes it give up (nil), and the caller decodes the whole document,
/// which also words the error.
enum JSONItemsScanner {
    /// Byte ranges of the elements of the array under `key` in `data`, or nil unless the document
    /// is an object with that key alone, holding an array.
    static func elementRanges(ofArrayAt key: String, in data: Data) -> [Range<Data.Index>]? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [Range<Int>]? in
            var scanner = Scanner(bytes: bytes, key: Array(key.utf8))
            return scanner.run()
        }
        .map { ranges in ranges.map { (data.startIndex + $0.lowerBound)..<(data.startIndex + $0.upperBound) } }
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        let key: [UInt8]
        var position = 0

        init(bytes: UnsafeRawBufferPointer, key: [UInt8]) {
            self.bytes = bytes
            self.key = key
        }

        mutating func run() -> [Range<Int>]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var found: [Range<Int>]?
            skipSpace()
            if take(UInt8(ascii: "}")) { return nil }
            repeat {
                skipSpace()
                guard let name = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                // Only the key itself: other keys' values would have to be checked as strictly
                // as the decoder does, so a document with them is left to the decoder.
                guard name.elementsEqual(key), found == nil, let elements = array() else { return nil }
                found = elements
                skipSpace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            guard position == bytes.count else { return nil }
            return found
        }

        /// The array at `position`: the ranges of its elements.
        mutating func array() -> [Range<Int>]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var ranges: [Range<Int>] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return ranges }
            repeat {
                skipSpace()
                let start = position
                guard value() else { return nil }
                ranges.append(start..<position)
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? ranges : nil
        }

        /// Skips one value of any kind; false if it is malformed or cut short.
        mutating func value() -> Bool {
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return nested()
            default:
                // A number, true, false or null: runs to the next delimiter. Its spelling is
                // left to the decoder, which checks it when the element is decoded.
                let start = position
                while position < bytes.count, !Self.isDelimiter(bytes[position]) { position += 1 }
                return position > start
            }
        }

        /// Skips an object or array, tracking only nesting and strings.
        mutating func nested() -> Bool {
            var depth = 0
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return true
                    }
                default:
                    break
                }
                position += 1
            }
            return false
        }

        /// Skips a string; returns its raw bytes between the quotes (escapes left as they are).
        mutating func string() -> UnsafeRawBufferPointer.SubSequence? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"):
                    position += 2
                case UInt8(ascii: "\""):
                    let end = position
                    position += 1
                    return bytes[start..<end]
                default:
                    position += 1
                }
            }
            return nil
        }

        mutating func skipSpace() {
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        static func isDelimiter(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}")
                || byte == UInt8(ascii: "]")
        }
    }
}
