/// The code editor's keys, as the `?` help lists them. The view matches keys itself (what a key
/// does depends on the focused field); these maps say the same for people.
enum EditorKeyMaps {
    static let form = KeyMap(title: "Code editor", bindings: [
        KeyBinding([.ctrl("s"), .function(2)], "save", help: "Save the code to Webex"),
        KeyBinding([.tab, .down], "nextField", help: "Next field"),
        KeyBinding([.backTab, .up], "previousField", help: "Previous field"),
        KeyBinding([.left, .right], "changeChoice", help: "Change a choice (also h / l)"),
        KeyBinding([.enter], "pickChoice", help: "Pick a choice from a list"),
        KeyBinding([.escape], .back, help: "Back (asks before dropping changes); cancel a save"),
    ])

    static let options = KeyMap(title: "Options list", bindings: [
        KeyBinding([.char("a"), .insert], "addOption", help: "Add an option"),
        KeyBinding([.enter, .char("e")], "editOption", help: "Edit the option"),
        KeyBinding([.char("x"), .delete], "deleteOption", help: "Delete the option"),
        KeyBinding([.char("J")], "moveOptionDown", help: "Move the option down"),
        KeyBinding([.char("K")], "moveOptionUp", help: "Move the option up"),
        KeyBinding([.char(" "), .char("*")], "toggleDefault", help: "Make it the default, or not"),
    ])

    static let all = [form, options, KeyMap.listNavigation]
}
