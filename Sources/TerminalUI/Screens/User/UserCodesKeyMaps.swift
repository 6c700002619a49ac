/// The user pane's keys, as the `?` help lists them.
enum UserCodesKeyMaps {
    static let pane = KeyMap(title: "User's codes", bindings: [
        KeyBinding([.enter], "lookUpOrEdit", help: "Look the user up (query) / edit the value"),
        KeyBinding([.char("/"), .char("f")], "findUser", help: "Look up another user"),
        KeyBinding([.char("x")], "revertValue", help: "Drop the edit of the value"),
        KeyBinding([.char("r")], "reload", help: "Load the user's values again"),
        KeyBinding([.ctrl("s"), .function(2)], "save", help: "Save the user's full list"),
        KeyBinding([.escape], .back, help: "Back (asks before dropping edits); cancel a call"),
    ])

    static let all = [pane, KeyMap.listNavigation]
}
