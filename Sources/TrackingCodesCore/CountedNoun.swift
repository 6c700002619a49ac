/// A count with its noun in the right number: "1 code", "12 codes", "1 of 1 code".
public enum CountedNoun {
    /// The noun alone, singular for exactly one: what follows "3 of" in "3 of 12 codes".
    public static func noun(_ singular: String, count: Int, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// "1 code", "0 codes", "2 codes".
    public static func text(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + noun(singular, count: count, plural: plural)
    }
}
