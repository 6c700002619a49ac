import Foundation
import WebexAPI

/// Answers of 50 MB that are valid JSON of the documented shape: a site with hundreds of codes
/// of 500 options each, or one code with far too many options. Built once per shape.
enum HugeAnswer {
    static let size = 50 * 1024 * 1024

    static func body(for request: HTTPRequest) -> Data {
        request.method == "GET" ? list : code
    }

    private static let list: Data = {
        var data = Data(#"{"items":["#.utf8)
        data.reserveCapacity(size + 100_000)
        var id = 1000
        while data.count < size {
            if id > 1000 { data.append(UInt8(ascii: ",")) }
            data.append(codeJSON(id: id, options: 500))
            id += 1
        }
        data.append(contentsOf: Array("]}".utf8))
        return data
    }()

    private static let code: Data = codeJSON(id: 1, options: size / 150)

    private static func codeJSON(id: Int, options: Int) -> Data {
        let value = String(repeating: "x", count: 112)
        var data = Data(
            #"{"id":"\#(id)","name":"Code \#(id)","siteUrl":"acme.webex.com","options":["#.utf8)
        let option = Data(#"{"value":"\#(value)","defaultValue":false}"#.utf8)
        for index in 0..<options {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(option)
        }
        data.append(
            contentsOf: Array(
                #"],"inputMode":"select","hostProfileCode":"optional","scheduleStartCodes":[{"service":"All","type":"optional"}]}"#
                    .utf8))
        return data
    }
}

/// Changes a healthy answer the way a newer Webex might.
enum Rewrite {
    /// Applies `change` to every code object in `data`: the list's items, or the one code.
    static func codes(in data: Data, _ change: (inout [String: Any]) -> Void) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return data
        }
        if let items = object["items"] as? [[String: Any]] {
            object["items"] = items.map { item in
                var item = item
                change(&item)
                return item
            }
        } else {
            change(&object)
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? data
    }

    /// Values no version of this program knows, in every enum field.
    static func unknownEnums(_ code: inout [String: Any]) {
        code["inputMode"] = "multiSelect"
        code["hostProfileCode"] = "inheritedFromSite"
        var schedule = code["scheduleStartCodes"] as? [[String: Any]] ?? []
        schedule.append(["service": "WebinarCenter", "type": "recommended"])
        code["scheduleStartCodes"] = schedule
    }

    /// Fields Webex might add: on each code, and beside the list.
    static func extraFields(_ data: Data) -> Data {
        let withCodeFields = codes(in: data) { code in
            code["createdBy"] = ["id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hZG1pbg", "type": "person"]
            code["lastModified"] = "2026-01-02T03:04:05.678Z"
            code["locale"] = "en_US"
        }
        guard
            var object = (try? JSONSerialization.jsonObject(with: withCodeFields))
                as? [String: Any],
            object["items"] != nil
        else { return withCodeFields }
        object["links"] = ["next": NSNull()]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            ?? withCodeFields
    }
}
