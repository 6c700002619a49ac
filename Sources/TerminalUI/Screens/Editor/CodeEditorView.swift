import TrackingCodesCore
import WebexAPI

/// The form to create a tracking code or edit one, over `TrackingCodeEditor`.
///
/// Fields run top to bottom: name, input mode, host profile use, the type for each service, then
/// the options list. Every rule is checked as the user types and explained under its field;
/// broken rules (red) block saving, advisories (yellow) do not. Ctrl-S or F2 saves. A save that
/// Webex refuses leaves every field as typed and shows the HTTP status, Webex's message and the
/// trackingId above the form. Esc with unsaved changes asks before discarding them.
///
/// Keys: Tab/Shift-Tab or Up/Down move between fields; the name takes typing directly; choices
/// change with Left/Right (or h/l) or from a list (Enter); in the options list `a` adds, Enter
/// edits, `x` deletes, `J`/`K` move, Space or `*` makes the default.
@MainActor
public final class CodeEditorView: PaneView {
    /// An option value being typed, and what to restore if the edit is abandoned.
    struct OptionEdit {
        var index: Int
        var field: TextField
        var originalValue: String
        var isNew: Bool
    }

    /// The small list a choice field is picked from.
    struct ChoicePicker {
        var field: EditorField
        var picker: ListPicker
    }

    public let editor: TrackingCodeEditor
    var focus: EditorField = .name
    var nameField: TextField
    var optionScroll: ScrollState
    var optionEdit: OptionEdit?
    var choicePicker: ChoicePicker?
    var discardDialog: Dialog?
    /// A one-off explanation for the last key (a locked field, say), cleared by the next key.
    var notice: String?
    /// The first line of the form's scrolling part that is shown.
    var formOffset = 0
    /// What a new form holds before any input, so leaving an untouched one asks nothing.
    private let initialDraft: TrackingCodeDraft
    /// The save in flight, if any; tests await it.
    private(set) var runningSave: Task<Void, Never>?

    public init(editor: TrackingCodeEditor) {
        self.editor = editor
        nameField = TextField(text: editor.name, hint: "the name hosts see")
        optionScroll = ScrollState(count: editor.options.count)
        initialDraft = editor.draft
    }

    // MARK: - PaneView

    public var title: String {
        if let original = editor.original {
            return "Edit '\(original.name)' on \(editor.siteUrl)"
        }
        return "New tracking code on \(editor.siteUrl)"
    }

    public var keyMaps: [KeyMap] { EditorKeyMaps.all }

    public var statusText: String? {
        if editor.isBusy { return "saving…" }
        let problems = editor.violations.count
        if problems > 0 { return problems == 1 ? "1 problem" : "\(problems) problems" }
        return hasUnsavedChanges ? "unsaved changes" : nil
    }

    public var isEditingText: Bool {
        guard discardDialog == nil, choicePicker == nil else { return false }
        return focus == .name || optionEdit != nil
    }

    /// True when leaving would lose input: any change to a loaded code, any input in a new one.
    var hasUnsavedChanges: Bool {
        editor.isCreating ? editor.draft != initialDraft : editor.hasChanges
    }

    // MARK: - Keys

    public func handle(key: Key) -> PaneOutcome {
        notice = nil
        if discardDialog != nil { return handleDiscardDialog(key) }
        if choicePicker != nil { return handlePicker(key) }
        if optionEdit != nil { return handleOptionEdit(key) }

        switch key {
        case .ctrl("s"), .function(2):
            save()
            return .handled
        case .escape:
            return leave()
        case .tab:
            focus = focus.cycled(by: 1)
            return .handled
        case .backTab:
            focus = focus.cycled(by: -1)
            return .handled
        default:
            break
        }
        switch focus {
        case .name: return handleName(key)
        case .options: return handleOptions(key)
        case .inputMode, .hostProfile, .schedule: return handleChoice(key)
        }
    }

    private func leave() -> PaneOutcome {
        if editor.isBusy {
            editor.cancel()
            return .handled
        }
        guard hasUnsavedChanges else { return .close }
        let what = editor.original.map { "the changes to '\($0.name)'" } ?? "this new code"
        // A refused or cancelled save did reach Webex: do not claim otherwise.
        let sent = UnsavedChangesNote.text(afterSave: editor.saveError)
        discardDialog = .confirmation(
            title: "Unsaved changes",
            message: "Discard \(what)? \(sent)",
            confirmTitle: "Discard", confirmKey: "y")
        return .handled
    }

    private func handleDiscardDialog(_ key: Key) -> PaneOutcome {
        guard var dialog = discardDialog else { return .handled }
        let outcome = dialog.handle(key)
        discardDialog = dialog
        guard case .chose(let id) = outcome else { return .handled }
        discardDialog = nil
        return id == "confirm" ? .close : .handled
    }

    private func handleName(_ key: Key) -> PaneOutcome {
        switch key {
        case .down, .enter:
            focus = .inputMode
            return .handled
        case .up:
            return .handled
        default:
            switch nameField.handle(key) {
            case .edited:
                editor.name = nameField.text
                return .handled
            case .moved, .submitted, .cancelled:
                return .handled
            case .ignored:
                // Printable keys belong to the name even when refused (a control character).
                if case .char = key { return .handled }
                return .ignored
            }
        }
    }

    private func handleChoice(_ key: Key) -> PaneOutcome {
        switch key {
        case .left, .char("h"):
            cycleChoice(by: -1)
        case .right, .char("l"):
            cycleChoice(by: 1)
        case .enter, .char(" "):
            openPicker()
        case .up, .char("k"):
            focus = focus.moved(by: -1)
        case .down, .char("j"):
            focus = focus.moved(by: 1)
        case .home, .char("g"):
            focus = .name
        case .end, .char("G"):
            focus = .options
        default:
            return .ignored
        }
        return .handled
    }

    private func handleOptions(_ key: Key) -> PaneOutcome {
        let selected = optionScroll.selectedIndex
        switch key {
        case .char("a"), .insert:
            addOption()
        case .enter, .char("e"):
            if let selected { beginEditingOption(at: selected) }
        case .char("x"), .delete:
            if let selected {
                editor.removeOption(at: selected)
                optionScroll.setCount(editor.options.count)
            }
        case .char("J"):
            if let selected { optionScroll.select(editor.moveOptionDown(at: selected)) }
        case .char("K"):
            if let selected { optionScroll.select(editor.moveOptionUp(at: selected)) }
        case .char(" "), .char("*"):
            if let selected { toggleDefault(at: selected) }
        case .up, .char("k"):
            if (selected ?? 0) == 0 {
                focus = focus.moved(by: -1)
            } else {
                _ = optionScroll.perform(.moveUp)
            }
        default:
            guard let action = KeyMap.listNavigation.action(for: key),
                optionScroll.perform(action)
            else { return .ignored }
        }
        return .handled
    }

    // MARK: - Choices

    /// The labels of a choice field's values and the index of the current one.
    func choices(for field: EditorField) -> (labels: [String], current: Int?) {
        switch field {
        case .inputMode:
            let all = TrackingCodeEditor.inputModeChoices
            return (all.map(\.label), all.firstIndex(of: editor.inputMode))
        case .hostProfile:
            let all = TrackingCodeEditor.hostProfileChoices
            return (all.map(\.label), all.firstIndex(of: editor.hostProfileCode))
        case .schedule(let service):
            guard let row = editor.scheduleFields.first(where: { $0.service == service }) else {
                return ([], nil)
            }
            return (row.choices.map(\.label), row.choices.firstIndex(of: row.type))
        case .name, .options:
            return ([], nil)
        }
    }

    private func choose(_ index: Int, for field: EditorField) {
        switch field {
        case .inputMode:
            let all = TrackingCodeEditor.inputModeChoices
            if all.indices.contains(index) { editor.setInputMode(all[index]) }
        case .hostProfile:
            let all = TrackingCodeEditor.hostProfileChoices
            guard all.indices.contains(index) else { return }
            let converted = editor.setHostProfileCode(all[index])
            notice = Self.conversionNotice(converted, to: all[index])
        case .schedule(let service):
            guard let row = editor.scheduleFields.first(where: { $0.service == service }),
                row.choices.indices.contains(index)
            else { return }
            editor.setScheduleType(row.choices[index], for: service)
        case .name, .options:
            break
        }
    }

    /// What changing host-profile use to `new` did to the schedule (Webex's rule 4: a service
    /// is Admin set exactly when host-profile use is), or nil when it changed nothing.
    static func conversionNotice(_ services: [MeetingService], to new: HostProfileCode) -> String? {
        guard let last = services.last else { return nil }
        let names = services.map(\.label)
        let listed = names.count == 1 ? last.label
            : names.dropLast().joined(separator: ", ") + " and " + last.label
        if new == .adminSet {
            return "\(listed) changed to Admin set: with Host profile Admin set, "
                + "a service that uses the code must be Admin set too."
        }
        return "\(listed) changed from Admin set to Optional: a service can be Admin set "
            + "only when Host profile is Admin set."
    }

    /// Why the focused choice cannot change now, or nil when it can.
    private var lockReason: String? {
        guard case .schedule = focus, !editor.isScheduleEditable else { return nil }
        return "Host profile select codes are not asked for on schedule or start pages; "
            + "every service stays Not used."
    }

    private func cycleChoice(by offset: Int) {
        if let lockReason {
            notice = lockReason
            return
        }
        let (labels, current) = choices(for: focus)
        guard !labels.isEmpty else { return }
        let next = ((current ?? -offset) + offset + labels.count) % labels.count
        choose(next, for: focus)
    }

    private func openPicker() {
        if let lockReason {
            notice = lockReason
            return
        }
        let (labels, current) = choices(for: focus)
        guard !labels.isEmpty else { return }
        let title = focus.label.trimmingCharacters(in: .whitespaces)
        choicePicker = ChoicePicker(
            field: focus, picker: ListPicker(title: title, items: labels, selected: current ?? 0))
    }

    private func handlePicker(_ key: Key) -> PaneOutcome {
        guard var open = choicePicker else { return .handled }
        switch open.picker.handle(key) {
        case .chosen(let index):
            choose(index, for: open.field)
            choicePicker = nil
        case .cancelled:
            choicePicker = nil
        case .moved, .ignored:
            choicePicker = open
        }
        return .handled
    }

    // MARK: - Options

    private func addOption() {
        let index = editor.addOption()
        optionScroll.setCount(editor.options.count)
        optionScroll.select(index)
        optionEdit = OptionEdit(
            index: index, field: TextField(hint: "the option's value"), originalValue: "",
            isNew: true)
    }

    private func beginEditingOption(at index: Int) {
        let value = editor.options[index].value
        optionEdit = OptionEdit(
            index: index, field: TextField(text: value), originalValue: value, isNew: false)
    }

    private func toggleDefault(at index: Int) {
        if editor.options[index].defaultValue {
            editor.clearDefaultOption()
        } else {
            editor.setDefaultOption(at: index)
        }
    }

    private func handleOptionEdit(_ key: Key) -> PaneOutcome {
        guard var edit = optionEdit else { return .handled }
        switch edit.field.handle(key) {
        case .edited:
            optionEdit = edit
            editor.setOptionValue(edit.field.text, at: edit.index)
        case .moved:
            optionEdit = edit
        case .submitted:
            optionEdit = nil
        case .cancelled:
            optionEdit = nil
            if edit.isNew {
                editor.removeOption(at: edit.index)
                optionScroll.setCount(editor.options.count)
            } else {
                editor.setOptionValue(edit.originalValue, at: edit.index)
            }
        case .ignored:
            // Keys a text field has no use for finish the edit, then act as usual.
            if key == .ctrl("s") || key == .function(2) || key == .tab || key == .backTab
                || key == .up || key == .down
            {
                optionEdit = nil
                return handle(key: key)
            }
        }
        return .handled
    }

    // MARK: - Saving

    private func save() {
        guard !editor.isBusy else { return }
        runningSave = Task { [weak self, editor] in
            let saved = await editor.save()
            guard let self else { return }
            if saved {
                nameField.setText(editor.name)
                optionScroll.setCount(editor.options.count)
            }
            // The model already signalled; the view changed after that, so signal again.
            editor.session.noteChange()
        }
    }
}
