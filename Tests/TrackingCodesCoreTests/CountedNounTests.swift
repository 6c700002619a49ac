import Testing
import TrackingCodesCore

@Suite("Counted nouns: the right number, thousands grouped")
struct CountedNounTests {
    @Test func oneIsSingularAndEveryOtherCountPlural() {
        #expect(CountedNoun.text(1, "row") == "1 row")
        #expect(CountedNoun.text(0, "row") == "0 rows")
        #expect(CountedNoun.text(2, "row") == "2 rows")
        #expect(CountedNoun.text(2, "deleted code") == "2 deleted codes")
        #expect(CountedNoun.text(3, "entry", plural: "entries") == "3 entries")
    }

    @Test func thePronounFollowsTheCount() {
        #expect(CountedNoun.pronoun(1) == "it")
        #expect(CountedNoun.pronoun(0) == "them")
        #expect(CountedNoun.pronoun(2) == "them")
    }

    @Test func thousandsAreGroupedWithCommas() {
        #expect(CountedNoun.text(999, "row") == "999 rows")
        #expect(CountedNoun.text(1000, "row") == "1,000 rows")
        #expect(CountedNoun.text(10_000, "user") == "10,000 users")
        #expect(CountedNoun.number(1_234_567) == "1,234,567")
        #expect(CountedNoun.number(100_000) == "100,000")
        #expect(CountedNoun.number(-1000) == "-1,000")
    }
}
