import Foundation
import Testing

/// Checks shared by every surface: the message says what happened, quotes the trackingId, and
/// never holds the token.
enum FaultExpectations {
    /// Expects `text` to report `fault`: its words, its trackingId, and no token.
    static func expectReported(
        _ fault: Fault, in text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for words in fault.expectedWords {
            #expect(
                text.contains(words), "missing '\(words)' in: \(text)",
                sourceLocation: sourceLocation)
        }
        #expect(
            text.contains(fault.shownTrackingId), "missing the trackingId in: \(text)",
            sourceLocation: sourceLocation)
        expectNoToken(in: text, sourceLocation: sourceLocation)
    }

    static func expectNoToken(
        _ what: String = "", in text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            !text.contains(FaultEnvironment.token),
            "the token leaked\(what.isEmpty ? "" : " into \(what)")",
            sourceLocation: sourceLocation)
    }
}
