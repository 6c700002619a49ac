/// A count with its noun in the right number: "1 code", "12 codes", "1,000 codes".
public enum CountedNoun {
    /// The noun alone, singular for exactly one: what follows "3 of" in "3 of 12 codes".
    public static func noun(_ singular: String, count: Int, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// "1 code", "0 codes", "2 codes", "1,000 codes".
    public static func text(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        number(count) + " " + noun(singular, count: count, plural: plural)
    }

    /// What stands for `count` things later in the sentence: "it" for one, else "them".
    public static func pronoun(_ count: Int) -> String {
        count == 1 ? "it" : "them"
    }

    /// The count with a comma between each group of three digits: "1,000", "12,345".
    ///
    /// Always a comma, whatever the locale: the rest of every message is English, and a
    /// number written the same way on every machine can be searched for in logs and tests.
    public static func number(_ count: Int) -> String {
        let digits = Array(String(count.magnitude))
        var text = count < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}
