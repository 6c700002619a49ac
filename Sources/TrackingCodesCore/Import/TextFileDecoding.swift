import Foundation

/// The text encodings an import file may come in.
public enum TextFileEncoding: String, Hashable, Sendable {
    case utf8
    /// UTF-8 starting with the byte order mark Excel writes ("CSV UTF-8").
    case utf8WithBOM
    /// What Control Hub exports: UTF-16 little-endian, usually with a BOM, tab-separated.
    case utf16LittleEndian
    case utf16BigEndian
}

/// Turns the bytes of an import file into text, finding the encoding by BOM or by the pattern of
/// NUL bytes that UTF-16 leaves in mostly-ASCII text.
///
/// Nothing is guessed beyond that: bytes that are not valid in the encoding found are an error
/// naming the offset, never replaced silently, because a changed byte in a value would be sent
/// to Webex as a different value.
public enum TextFileDecoding {
    /// The text of `data` and the encoding it was in. The BOM is not part of the text.
    public static func decode(
        _ data: Data
    ) throws(ImportFileError) -> (text: String, encoding: TextFileEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try utf8(bytes[3...], offset: 3), .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (try utf16(bytes[2...], littleEndian: true, offset: 2), .utf16LittleEndian)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (try utf16(bytes[2...], littleEndian: false, offset: 2), .utf16BigEndian)
        }
        if let littleEndian = looksLikeUTF16(bytes) {
            let text = try utf16(bytes[...], littleEndian: littleEndian, offset: 0)
            return (text, littleEndian ? .utf16LittleEndian : .utf16BigEndian)
        }
        return (try utf8(bytes[...], offset: 0), .utf8)
    }

    /// True for little-endian, false for big-endian, nil when the bytes do not look like UTF-16.
    ///
    /// In UTF-16 text that is mostly ASCII (headers, emails) every other byte is NUL; in UTF-8
    /// text no byte is. The first 4 KiB are enough to tell.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 2 else { return nil }
        var nulAtEven = 0
        var nulAtOdd = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index.isMultiple(of: 2) { nulAtEven += 1 } else { nulAtOdd += 1 }
        }
        let pairs = sample.count / 2
        // A third of the pairs is far below what ASCII-heavy UTF-16 has and far above UTF-8's zero.
        if nulAtOdd * 3 >= pairs, nulAtEven * 10 < max(nulAtOdd, 1) { return true }
        if nulAtEven * 3 >= pairs, nulAtOdd * 10 < max(nulAtEven, 1) { return false }
        return nil
    }

    private static func utf8(
        _ bytes: ArraySlice<UInt8>, offset: Int
    ) throws(ImportFileError) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var position = offset
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    throw .notText(detail: "it holds a NUL byte near byte \(position)")
                }
                scalars.append(scalar)
                position += UTF8.width(scalar)
            case .emptyInput:
                return String(scalars)
            case .error:
                throw .notText(
                    detail: "it is not valid UTF-8 (near byte \(position)); "
                        + "it may be in a legacy encoding such as Windows-1252")
            }
        }
    }

    private static func utf16(
        _ bytes: ArraySlice<UInt8>, littleEndian: Bool, offset: Int
    ) throws(ImportFileError) -> String {
        guard bytes.count.isMultiple(of: 2) else {
            throw .notText(detail: "it looks like UTF-16 but has an odd number of bytes")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var scalars = String.UnicodeScalarView()
        var position = offset
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    throw .notText(detail: "it holds a NUL character near byte \(position)")
                }
                scalars.append(scalar)
                position += UTF16.width(scalar) * 2
            case .emptyInput:
                return String(scalars)
            case .error:
                throw .notText(
                    detail: "it has a broken UTF-16 surrogate pair near byte \(position)")
            }
        }
    }
}
