import Foundation
import Testing
@testable import WebexAPI

/// The scanner that lets a long list be decoded code by code: it finds exactly the elements,
/// and gives up on anything but `{"items": [...]}`.
@Suite struct JSONItemsScannerTests {
    func elements(_ json: String) -> [String]? {
        let data = Data(json.utf8)
        return JSONItemsScanner.elementRanges(ofArrayAt: "items", in: data)?
            .map { String(decoding: data[$0], as: UTF8.self) }
    }

    @Test func findsEachElementWhateverItHolds() {
        let json = #" { "items" : [ {"a":"x]}\"y","b":[1,{"c":[]}]} ,{"d":"\\"}, 12, "s,]" ,null ] } "#
        #expect(elements(json) == [#"{"a":"x]}\"y","b":[1,{"c":[]}]}"#, #"{"d":"\\"}"#, "12", #""s,]""#, "null"])
        #expect(elements(#"{"items":[]}"#) == [])
        #expect(elements("{\"items\":\n\t[{}]\r\n}") == ["{}"])
    }

    @Test func leavesEverythingElseToTheDecoder() {
        for json in [
            "", " ", "[]", "{}", #"{"items":{}}"#, #"{"items":[1,]}"#, #"{"items":[,1]}"#,
            #"{"items":[1] "x":2}"#, #"{"items":[1]} x"#, #"{"items":[1]}}"#, #"{"items":[{"a":1}"#,
            #"{"items":["unterminated]}"#, #"{"other":1,"items":[1]}"#, #"{"items":[1],"other":1}"#,
            #"{"items":[1],"items":[2]}"#, #"{"it\u0065ms":[1]}"#, "\u{FEFF}{\"items\":[]}",
            #"{"items":[{"a":1}}]}"#,
        ] {
            #expect(elements(json) == nil, "\(json)")
        }
    }

    @Test func rangesIndexTheDataTheyCameFrom() throws {
        // A slice of a larger buffer: ranges must be in the slice's own indices.
        let whole = Data(#"xxxx{"items":[{"id":"1"},{"id":"2"}]}"#.utf8)
        let slice = whole[4...]
        let ranges = try #require(JSONItemsScanner.elementRanges(ofArrayAt: "items", in: slice))
        #expect(ranges.map { String(decoding: slice[$0], as: UTF8.self) } == [#"{"id":"1"}"#, #"{"id":"2"}"#])
    }
}
