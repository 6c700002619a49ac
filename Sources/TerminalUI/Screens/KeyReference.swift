/// Every screen's keys as Markdown tables, from the same key maps the screens answer to and the
/// `?` help lists. The README's key tables are this text; a test keeps the two equal.
enum KeyReference {
    /// One screen (or a group of views sharing keys) and its key maps, in help order.
    struct Section {
        var title: String
        var keyMaps: [KeyMap]
    }

    static let sections = [
        Section(title: "Everywhere", keyMaps: [KeyMap.global]),
        Section(
            title: "Code list",
            keyMaps: [RootKeyMaps.codes, RootKeyMaps.marks, RootKeyMaps.sortColumns]),
        Section(title: "Code list, history and log", keyMaps: [RootKeyMaps.changes]),
        Section(title: "Moving around in lists and tables", keyMaps: [KeyMap.listNavigation]),
        Section(title: "Code editor", keyMaps: [EditorKeyMaps.form, EditorKeyMaps.options]),
        Section(title: "User pane", keyMaps: [UserCodesKeyMaps.pane]),
        // Each step of an import gives Esc and Enter another meaning: one table per step.
        Section(title: "Import pane: the file", keyMaps: [ImportKeyMaps.file]),
        Section(title: "Import pane: which import", keyMaps: [ImportKeyMaps.kindChoice]),
        Section(title: "Import pane: preview", keyMaps: [ImportKeyMaps.preview]),
        Section(title: "Import pane: progress and report", keyMaps: [ImportKeyMaps.running]),
    ]

    /// Every key map some section lists.
    static var allKeyMaps: [KeyMap] { sections.flatMap(\.keyMaps) }

    /// The sections as Markdown: a level-4 heading and a two-column table each.
    static func markdown() -> String {
        sections.map { section in
            var lines = ["#### \(section.title)", "", "| keys | what they do |", "|---|---|"]
            for binding in section.keyMaps.flatMap(\.bindings) {
                let keys = binding.keys.map { "`\($0.label)`" }.joined(separator: " / ")
                lines.append("| \(keys) | \(binding.help) |")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
