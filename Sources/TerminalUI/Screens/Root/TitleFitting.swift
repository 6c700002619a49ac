/// Shortening a title row's text to fit beside the tags and hints that must stay whole.
enum TitleFitting {
    /// Below this many columns a title says too little; the help hint gives way instead.
    static let shortestTitle = 16

    /// `title` in at most `width` columns. Its longest word is cut first (with `ellipsis`):
    /// that is usually an email address or an id, whose start says enough, while the words
    /// around it say what the view is. The end is cut only when that is not enough.
    static func fitted(_ title: String, toWidth width: Int, ellipsis: TerminalText) -> TerminalText {
        let whole = TerminalText(title)
        guard whole.width > width else { return whole }

        var words = title.split(separator: " ", omittingEmptySubsequences: false)
            .map { TerminalText(String($0)) }
        // Keep at least a few characters of the word, or it no longer names anything.
        let keptAtLeast = 4 + ellipsis.width
        if let longest = words.indices.max(by: { words[$0].width < words[$1].width }),
           words[longest].width - (whole.width - width) >= keptAtLeast
        {
            words[longest] = words[longest].truncated(
                toWidth: words[longest].width - (whole.width - width), ellipsis: ellipsis)
            return words.dropFirst().reduce(words[0]) { $0 + " " + $1 }
        }
        return whole.truncated(toWidth: width, ellipsis: ellipsis)
    }
}
