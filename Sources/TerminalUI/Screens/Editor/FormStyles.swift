/// The styles the two forms (code editor, user pane) give rule messages and advisories, so the
/// two read alike: broken rules in the theme's error style (red), advisories in its marked
/// style (yellow in colour, bold without).
extension Theme {
    var ruleMessage: Style { errorText }
    var advisoryMessage: Style { marked }

    /// The mark before a broken rule and before an advisory.
    var ruleGlyph: String { glyphs == .ascii ? "x" : "✗" }
    var advisoryGlyph: String { "!" }

    /// The arrows around a choice that Left and Right change.
    var choiceArrows: (left: String, right: String) {
        glyphs == .ascii ? ("<", ">") : ("◂", "▸")
    }
}
