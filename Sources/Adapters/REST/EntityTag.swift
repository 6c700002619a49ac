import Foundation
import WebexAPI

/// The REST adapter's entity tags for tracking codes, for optimistic concurrency.
///
/// A tag is a 64-bit FNV-1a hash of the code's canonical JSON (the decoded model encoded with
/// sorted keys), so the same code has the same tag whatever order Webex sent its fields in.
/// It is a strong tag: a client sends it back in `If-Match`, and a PUT is refused with 412 when
/// the code's current tag differs.
enum EntityTag {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The quoted tag of `code`, as the `ETag` header carries it.
    static func of(_ code: TrackingCode) -> String {
        // Encoding a decoded TrackingCode cannot fail: every field is a string, number, bool,
        // array or nested model; an empty body would still hash to a fixed value.
        let canonical = (try? encoder.encode(code)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// Whether an `If-Match` header value accepts `tag`: `*`, or `tag` among its
    /// comma-separated tags. Weak tags (`W/"…"`) never match, as If-Match compares strongly.
    static func ifMatch(_ header: String, accepts tag: String) -> Bool {
        header.split(separator: ",").contains { listed in
            let trimmed = listed.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == tag
        }
    }
}
