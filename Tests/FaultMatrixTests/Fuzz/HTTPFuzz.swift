import Foundation

/// Generators of HTTP/1.x requests, mostly well-formed, each part sometimes wrong the way
/// broken clients, proxies and attackers get it wrong.
enum HTTPFuzz {
    static func method(_ random: inout FuzzRandom) -> String {
        random.chance(0.8)
            ? random.pick(["GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"])
            : random.pick([
                "get", "G ET", "", "M\u{0}", "ÄÖ", "GET\t", String(repeating: "X", count: 300),
            ])
    }

    private static let paths = [
        "/", "/v1/admin/meeting/config/trackingCodes", "/v1/a%2Fb", "/a?x=%zz", "/a?%FF=1", "*",
        "http://127.0.0.1/x?y=1", "HTTPS://h", "/a#f", "/%E2%9C%93?q=%20x+y&&k", "/a b", "relative",
        "/" + String(repeating: "a", count: 5000), "/?" + String(repeating: "k=v&", count: 200),
        "/%", "/%4",
    ]

    private static let optionalHeaders = [
        "Transfer-Encoding: chunked", "Transfer-Encoding: gzip", "Expect: 100-continue",
        "Expect: something",
        "Connection: close", "Connection: keep-alive", "Connection: TE, Close",
        "Authorization: Bearer x",
        "Content-Type: application/json", " folded", "NoColon", "Bad Name: x", "X-Control: a\u{1}b",
        "X-Big: " + String(repeating: "v", count: 6000), ":empty", "X-Tab:\tvalue\t",
        "X-UTF8: ünïcödé",
    ]

    static func target(_ random: inout FuzzRandom) -> String {
        var target = random.pick(paths)
        if random.chance(0.1) {
            target += String(decoding: random.bytes(count: random.int(1...6)), as: UTF8.self)
        }
        return target
    }

    static func version(_ random: inout FuzzRandom) -> String {
        random.chance(0.85)
            ? random.pick(["HTTP/1.1", "HTTP/1.1", "HTTP/1.0"])
            : random.pick([
                "HTTP/2.0", "HTTP/1.1x", "HTTP/1", "", "http/1.1", "HTTP/9.9", "HTTP/1.12",
            ])
    }

    static func headers(_ random: inout FuzzRandom, bodyLength: Int) -> [String] {
        var lines: [String] = []
        for _ in 0..<(random.chance(0.9) ? 1 : random.int(0...2)) {
            lines.append(
                random.pick(["Host: 127.0.0.1", "Host: example.com", "host:localhost:80", "Host:"]))
        }
        if bodyLength > 0 || random.chance(0.2) {
            lines.append(
                "Content-Length: "
                    + random.pick([
                        String(bodyLength), String(bodyLength), String(bodyLength + 5), "-1",
                        "5, 5", " 3", "1e3", "",
                        "99999999999999999999999", "0007",
                    ]))
            if random.chance(0.05) { lines.append("Content-Length: \(bodyLength + 1)") }
        }
        for _ in 0..<random.int(0...3) {
            lines.append(random.pick(optionalHeaders))
        }
        return lines
    }

    /// One request's bytes.
    static func request(_ random: inout FuzzRandom) -> [UInt8] {
        let body = random.chance(0.4) ? random.bytes(count: random.int(0...64)) : []
        let newline = random.chance(0.95) ? "\r\n" : random.pick(["\n", "\r", "\r\r\n"])
        var text = "\(method(&random)) \(target(&random)) \(version(&random))\(newline)"
        for line in headers(&random, bodyLength: body.count) {
            text += line + (random.chance(0.97) ? "\r\n" : newline)
        }
        text += random.chance(0.97) ? "\r\n" : newline
        let bytes = Array(text.utf8) + body
        return random.chance(0.25) ? random.mutate(bytes) : bytes
    }

    /// One to three requests on one connection, sometimes after empty lines or binary noise.
    static func stream(_ random: inout FuzzRandom) -> [UInt8] {
        var bytes: [UInt8] = random.chance(0.05) ? Array("\r\n\r\n".utf8) : []
        if random.chance(0.03) { bytes += random.bytes(count: random.int(1...32)) }
        for _ in 0..<random.int(1...3) {
            bytes += request(&random)
        }
        return bytes
    }

    /// `bytes` cut into one to five pieces, as TCP may deliver them.
    static func pieces(of bytes: [UInt8], _ random: inout FuzzRandom) -> [[UInt8]] {
        guard bytes.count > 1 else { return [bytes] }
        let cuts = (0..<random.int(0...4)).map { _ in random.int(1...bytes.count - 1) }.sorted()
        var pieces: [[UInt8]] = []
        var start = 0
        for cut in cuts where cut > start {
            pieces.append(Array(bytes[start..<cut]))
            start = cut
        }
        pieces.append(Array(bytes[start...]))
        return pieces
    }
}
