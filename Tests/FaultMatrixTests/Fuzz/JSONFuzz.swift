import Foundation
import WebexAPI

/// Generators of what a Webex-shaped server could answer: well-formed bodies of each model with
/// fields broken one at a time, random JSON, byte-level damage, and headers that lie.
enum JSONFuzz {
    // MARK: - Values

    /// Random text, weighted towards what breaks parsers and terminals: quotes, backslashes,
    /// controls, escapes of lone surrogates, bidi controls, wide and combining characters.
    private static let pieces = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1B}[31m", "\u{7}", "\u{7F}", "\u{9B}",
        "\u{202E}",
        "\u{2066}", "部署", "😀", "e\u{301}", "\u{FEFF}", "\u{2028}", "%", "&", "=", "\n", "\t",
        "trackcodes", "select", "All", "MeetingCenter",
    ]

    private static let edgeNumbers = [
        "0", "-0", "1", "-1", "1.5", "1e308", "-1e308", "1e309", "1e-400", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "0.1e1",
        "1E+2",
        "4.9e-324", "2.2250738585072014e-308",
    ]

    static func string(_ random: inout FuzzRandom) -> String {
        var text = ""
        for _ in 0..<random.int(0...(random.chance(0.05) ? 200 : 12)) {
            text += random.pick(pieces)
        }
        return text
    }

    static func number(_ random: inout FuzzRandom) -> String {
        random.chance(0.6) ? random.pick(edgeNumbers) : String(random.int(-1_000_000...1_000_000))
    }

    /// A random JSON value as text, nested at most `depth` levels.
    static func value(_ random: inout FuzzRandom, depth: Int = 4) -> String {
        switch random.int(0...(depth > 0 ? 7 : 4)) {
        case 0: return "null"
        case 1: return random.chance(0.5) ? "true" : "false"
        case 2: return number(&random)
        case 3, 4: return quoted(string(&random), &random)
        case 5, 6:
            let items = (0..<random.int(0...4)).map { _ in value(&random, depth: depth - 1) }
            return "[" + items.joined(separator: ",") + "]"
        default:
            let keys = [
                "id", "name", "siteUrl", "options", "inputMode", "value", "items", "message", "x",
            ]
            let fields = (0..<random.int(0...4)).map { _ in
                quoted(random.chance(0.7) ? random.pick(keys) : string(&random), &random) + ":"
                    + value(&random, depth: depth - 1)
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
    }

    /// `text` as a JSON string literal, escaping sometimes more than needed, and sometimes
    /// holding a lone surrogate escape.
    static func quoted(_ text: String, _ random: inout FuzzRandom) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || random.chance(0.05) && scalar.value < 0x10000 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        if random.chance(0.02) {
            out += random.pick(["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u00"])
        }
        return out + "\""
    }

    // MARK: - Bodies

    static let inputModes = [
        "text", "select", "editableSelect", "hostProfileSelect", "multiSelect", "",
    ]
    static let hostProfileCodes = ["optional", "required", "adminSet", "notUsed", "inherited"]
    static let services = [
        "All", "MeetingCenter", "EventCenter", "TrainingCenter", "SupportCenter", "Webinar",
    ]
    static let types = [
        "optional", "required", "adminSet", "notUsed", "notApplicable", "recommended",
    ]

    /// A tracking code object whose fields are each sometimes replaced, dropped or doubled.
    static func code(_ random: inout FuzzRandom) -> String {
        var fields: [(String, String)] = [
            (
                "id",
                random.chance(0.8) ? quoted(String(random.int(1...999)), &random) : number(&random)
            ),
            ("name", quoted(string(&random), &random)),
            ("siteUrl", quoted("acme.webex.com", &random)),
            (
                "options",
                "["
                    + (0..<random.int(0...5)).map { _ in
                        "{\"value\":\(quoted(string(&random), &random)),\"defaultValue\":\(random.chance(0.2))}"
                    }.joined(separator: ",") + "]"
            ),
            ("inputMode", quoted(random.pick(inputModes), &random)),
            ("hostProfileCode", quoted(random.pick(hostProfileCodes), &random)),
            (
                "scheduleStartCodes",
                "["
                    + (0..<random.int(0...6)).map { _ in
                        "{\"service\":\(quoted(random.pick(services), &random)),\"type\":\(quoted(random.pick(types), &random))}"
                    }.joined(separator: ",") + "]"
            ),
        ]
        for _ in 0..<random.int(0...2) {
            let index = random.int(0...fields.count - 1)
            switch random.int(0...3) {
            case 0: fields[index].1 = value(&random)
            case 1: fields.remove(at: index)
            case 2: fields.append(fields[index])
            default: fields.append((string(&random), value(&random)))
            }
            if fields.isEmpty { break }
        }
        return "{" + fields.map { quoted($0.0, &random) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A body of one of the shapes the API answers with, or something else entirely.
    static func body(_ random: inout FuzzRandom) -> [UInt8] {
        let text: String
        switch random.int(0...8) {
        case 0, 1: text = code(&random)
        case 2, 3:
            text =
                "{\"items\":["
                + (0..<random.int(0...4)).map { _ in code(&random) }.joined(separator: ",") + "]}"
        case 4:
            text =
                "{\"message\":\(quoted(string(&random), &random)),\"errors\":[{\"description\":"
                + "\(quoted(string(&random), &random))}],\"trackingId\":\(quoted(string(&random), &random))}"
        case 5:
            text =
                "{\"siteUrl\":\"acme.webex.com\",\"personId\":\(value(&random, depth: 1)),\"trackingCodes\":["
                + (0..<random.int(0...3)).map { _ in
                    "{\"id\":\(value(&random, depth: 0)),\"name\":\(quoted(string(&random), &random)),"
                        + "\"value\":\(quoted(string(&random), &random))}"
                }.joined(separator: ",") + "]}"
        case 6:
            text =
                "{\"sites\":["
                + (0..<random.int(0...3)).map { _ in
                    "{\"siteUrl\":\(quoted(string(&random), &random)),\"default\":\(value(&random, depth: 0))}"
                }.joined(separator: ",") + "]}"
        case 7: text = value(&random)
        default: return random.bytes(count: random.int(0...64))
        }
        let bytes = Array(text.utf8)
        return random.chance(0.3) ? random.mutate(bytes) : bytes
    }

    /// A whole answer: status, headers that may lie, body.
    static func answer(_ random: inout FuzzRandom) -> HTTPResponse {
        let statuses = [200, 200, 200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504]
        let status = random.chance(0.9) ? random.pick(statuses) : random.int(100...599)
        var headers: [String: String] = [:]
        if random.chance(0.8) {
            headers["Content-Type"] = random.pick([
                "application/json", "text/html", "text/plain", "",
            ])
        }
        if random.chance(0.7) { headers["TrackingID"] = string(&random) }
        if random.chance(0.3) {
            headers["Retry-After"] = random.pick([
                "7", "0", "-1", "1e300", "inf", "nan", "", "99999999999999999999", "120", "121",
                "Wed, 21 Oct 2015 07:28:00 GMT", " 3 ",
            ])
        }
        return HTTPResponse(status: status, headers: headers, body: Data(body(&random)))
    }
}
