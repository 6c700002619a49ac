/// Byte classes from RFC 9110 and ASCII case folding, without `Character` overhead.
enum ASCII {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A
    static let colon: UInt8 = 0x3A
    static let percent: UInt8 = 0x25
    static let slash: UInt8 = 0x2F
    static let questionMark: UInt8 = 0x3F

    /// tchar: the bytes allowed in methods and field names.
    private static let tokenTable: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(UInt8(byte))
        }
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        tokenTable[Int(byte)]
    }

    static func isToken<S: Sequence>(_ bytes: S) -> Bool where S.Element == UInt8 {
        var isEmpty = true
        for byte in bytes {
            guard isTokenByte(byte) else { return false }
            isEmpty = false
        }
        return !isEmpty
    }

    /// Visible ASCII, the bytes a request-target may hold.
    static func isVisible(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// Control bytes that may not appear in a field value (HTAB is allowed).
    static func isForbiddenInFieldValue(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == 0x7F
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    static func caseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var left = lhs
        var right = rhs
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                for index in 0..<leftBytes.count
                where lowercased(leftBytes[index]) != lowercased(rightBytes[index]) {
                    return false
                }
                return true
            }
        }
    }

    /// Whether a comma-separated field value such as `Connection` lists this token.
    static func listContainsToken(_ value: String, _ token: String) -> Bool {
        value.split(separator: ",").contains { element in
            caseInsensitiveEquals(element.trimmingSpacesAndTabs(), token)
        }
    }
}

extension Substring {
    func trimmingSpacesAndTabs() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }),
              let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
