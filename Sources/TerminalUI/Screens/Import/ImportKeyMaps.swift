/// The import pane's keys, as the `?` help lists them and as the pane matches them.
extension Action {
    static let importCodes = Action("importCodes")
    static let importUsers = Action("importUsers")
    static let applyImport = Action("applyImport")
    static let togglePrune = Action("togglePrune")
    static let chooseFile = Action("chooseFile")
}

enum ImportKeyMaps {
    static let file = KeyMap(title: "Import: the file", bindings: [
        KeyBinding([.enter], "readFile", help: "Read the file and show what the import would do"),
        KeyBinding([.tab], "completePath", help: "Complete the path"),
        KeyBinding([.escape], .back, help: "Back to the code list"),
    ])

    static let kindChoice = KeyMap(title: "Import: which import", bindings: [
        KeyBinding([.char("c")], .importCodes, help: "Import the file as tracking codes"),
        KeyBinding([.char("u")], .importUsers, help: "Import the file as users' values"),
        KeyBinding([.escape], .back, help: "Back to the path"),
    ])

    static let preview = KeyMap(title: "Import: preview", bindings: [
        KeyBinding([.char("y")], .applyImport, help: "Send the changes shown"),
        KeyBinding([.char("p")], .togglePrune, help: "Codes: also delete codes not in the file"),
        KeyBinding([.char("f")], .chooseFile, help: "Choose another file"),
        KeyBinding([.escape], .back, help: "Cancel: close the pane, nothing is sent"),
    ])

    static let running = KeyMap(title: "Import: progress and report", bindings: [
        KeyBinding([.escape], "stopImport", help: "While importing: start no more rows"),
        KeyBinding([.enter, .escape], "closeReport", help: "After: back to the code list "
            + "(z there undoes the whole import)"),
    ])

    static let all = [file, kindChoice, preview, running, KeyMap.listNavigation]
}
