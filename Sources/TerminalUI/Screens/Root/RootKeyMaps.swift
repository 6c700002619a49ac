import TrackingCodesCore

/// The actions and key maps of the root screen: what the `?` help lists and what the code
/// list, history and log views answer to.
extension Action {
    static let newCode = Action("newCode")
    static let editCode = Action("editCode")
    static let userCodes = Action("userCodes")
    static let importFile = Action("importFile")
    static let deleteCodes = Action("deleteCodes")
    static let toggleMark = Action("toggleMark")
    static let markRange = Action("markRange")
    static let markAllShown = Action("markAllShown")
    static let clearMarks = Action("clearMarks")
    static let sortNext = Action("sortNext")
    static let sortReverse = Action("sortReverse")
    static let refresh = Action("refresh")
    static let toggleDetail = Action("toggleDetail")
    static let pickSite = Action("pickSite")
    static let undo = Action("undo")
    static let redo = Action("redo")
    static let showHistory = Action("showHistory")
    static let showLog = Action("showLog")
}

enum RootKeyMaps {
    static let codes = KeyMap(title: "Tracking codes", bindings: [
        KeyBinding([.char("n")], .newCode, help: "New code"),
        KeyBinding([.char("e"), .enter], .editCode, help: "Edit the highlighted code"),
        KeyBinding([.char("d")], .deleteCodes, help: "Delete the marked codes (or the highlighted one)"),
        KeyBinding([.char("u")], .userCodes, help: "A user's codes (look up by email or personId)"),
        KeyBinding([.char("I")], .importFile, help: "Import codes or users' values from a file"),
        KeyBinding([.char("i")], .toggleDetail, help: "Show or hide the detail of the code"),
        KeyBinding([.char("o")], .sortNext, help: "Sort by the next column"),
        KeyBinding([.char("O")], .sortReverse, help: "Reverse the sort"),
        KeyBinding([.char("r"), .ctrl("l")], .refresh, help: "Reload the codes (keeps filter and marks)"),
        KeyBinding([.char("s")], .pickSite, help: "Choose another site"),
    ])

    static let sortColumns = KeyMap(title: "Sorting", bindings: CodeColumnKeys.bindings)

    static let marks = KeyMap(title: "Marks", bindings: [
        KeyBinding([.char(" ")], .toggleMark, help: "Mark or unmark, then move down"),
        KeyBinding([.char("v")], .markRange, help: "Mark from the last marked row to here"),
        KeyBinding([.char("a")], .markAllShown, help: "Mark every code the filter shows"),
        KeyBinding([.char("c")], .clearMarks, help: "Clear all marks"),
    ])

    static let changes = KeyMap(title: "Changes and views", bindings: [
        KeyBinding([.char("z")], .undo, help: "Undo the last change"),
        KeyBinding([.char("Z"), .ctrl("r")], .redo, help: "Redo"),
        KeyBinding([.char("H")], .showHistory, help: "History of changes (what, when, which site)"),
        KeyBinding([.char("L")], .showLog, help: "Log of API calls"),
    ])
}

/// `1`…`6` sort by a column of the code list; the same key again reverses.
enum CodeColumnKeys {
    static let bindings: [KeyBinding] = CodeColumn.allCases.map { column in
        KeyBinding([.char(Character(String(column.rawValue + 1)))],
                   Action("sortBy\(column.title)"), help: "Sort by \(column.title) (again: reverse)")
    }

    /// The column a sort key stands for.
    static func column(for key: Key) -> CodeColumn? {
        guard case .char(let character) = key, let digit = character.wholeNumberValue else {
            return nil
        }
        return CodeColumn(rawValue: digit - 1)
    }
}
