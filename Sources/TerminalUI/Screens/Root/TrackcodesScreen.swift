import Foundation
import TrackingCodesCore
import WebexAPI

/// The root screen of trackcodes: the code list of the current site with its detail, and
/// everything around it (site picker, filter, marks, delete dialog and progress, history,
/// API log, status bar), plus the editor and user panes it opens.
///
/// All state lives in the Core models; this screen turns keys into their intents (started
/// in the background, never awaited on a key press) and draws what they hold.
@MainActor
public final class TrackcodesScreen: Screen {
    /// What fills the area between the title and the status bar.
    enum Mode: Equatable {
        case codes
        case history
        case log
    }

    public let session: Session
    public let sites: SitePicker
    public let codes: CodeList
    let work = BackgroundWork()
    var clock: ClockFormat

    var mode = Mode.codes
    var pane: (any PaneView)?
    var sitePicker: ListPicker?
    /// Non-nil while the filter is being typed.
    var filterField: TextField?
    var deleteConfirmation: DeleteConfirmation?
    var bulkDelete: BulkDeleteView?
    /// Asks before a quit drops an open form's unsaved input.
    var quitConfirmation: QuitConfirmation?
    /// Whether the detail pane shows beside or under the list, as chosen with `i`; nil leaves
    /// it to the width (`opensDetailByItself`).
    var detailChoice: Bool?
    /// The detail has the keys (`Tab`); in windows with no room for both, it then shows
    /// instead of the list.
    var detailFocused = false
    /// How the last frame arranged the list and the detail: what `i` toggles depends on it.
    var codesLayout = PaneLayout(arrangement: .listOnly, list: .zero, detail: nil)
    /// Its columns follow the width it is drawn in (`CodeListColumns`). The selection covers
    /// the name only, so a step down the list rewrites two names rather than two rows.
    var table = TableView(
        columns: [], showsMarks: true, emptyMessage: "Loading…", selectionSpan: .leadingColumn)
    var detail = TextView(wraps: false, startsAtTop: true)
    var history = HistoryView()
    var callLog = CallLogView()
    var ticks = 0

    /// - Parameter timeZone: for the times in the history and log views; tests pin it.
    public init(session: Session, timeZone: TimeZone = .current) {
        self.session = session
        self.sites = SitePicker(session: session)
        self.codes = CodeList(session: session)
        codes.retryHint = "Press r to retry."
        self.clock = ClockFormat(timeZone: timeZone)
    }

    // MARK: - Starting and waiting

    /// Loads the sites, then the codes of `siteUrl` (`--site`) or of the preferred site.
    ///
    /// A site the account does not have is an error on the status line; the preferred site's
    /// codes load all the same and the site picker opens, so the right one is a keystroke away.
    public func start(siteUrl: String? = nil) {
        work.start { [weak self, sites, codes] in
            guard await sites.load() else { return }
            if let siteUrl, !sites.choose(siteUrl: siteUrl) {
                self?.openSitePicker()
            }
            await codes.refresh()
        }
    }

    /// Returns once everything this screen and its panes started has finished: what tests
    /// wait on instead of sleeping.
    public func settle() async {
        repeat {
            await work.settle()
            // A pane's save or look-up runs in a task of the pane's, which may not have marked
            // the session busy yet.
            await (pane as? CodeEditorView)?.runningSave?.value
            await (pane as? UserCodesView)?.runningWork?.value
            while session.isBusy { await Task.yield() }
        } while work.isRunning
    }

    /// Starts a model intent in the background and redraws as it reports.
    func run(_ operation: @escaping @MainActor () async -> Void) {
        work.start { [session] in
            await operation()
            session.noteChange()
        }
    }

    // MARK: - Screen

    public var keyMaps: [KeyMap] {
        if let pane { return pane.keyMaps }
        switch mode {
        case .codes:
            return [RootKeyMaps.codes, RootKeyMaps.marks, RootKeyMaps.changes,
                    RootKeyMaps.sortColumns, .listNavigation]
        case .history, .log:
            return [RootKeyMaps.changes, .listNavigation]
        }
    }

    /// Ticks animate the spinner while work runs, and let a message fade on time.
    public var wantsTicks: Bool { session.isBusy || work.isRunning || session.statusExpiry != nil }

    public func tick() -> ScreenOutcome<Never> {
        ticks &+= 1
        session.expireStatus()
        return .handled
    }

    public func handleQuitRequest(by key: Key) -> ScreenOutcome<Never> {
        if let job = bulkDelete?.job, job.isRunning {
            job.cancel()
            session.report("A delete is running: it stops starting new ones. Press \(key.label) "
                           + "again to quit now; the journal keeps what was deleted.",
                           severity: .warning)
            return .handled
        }
        // Asked again while the question shows: the user means it.
        if quitConfirmation != nil { return .quit }
        // q on a form's option list, or on the too-small notice, must not drop what was typed.
        // The pane's own status row would cover a status message: ask in a dialog.
        if let pane, Self.hasUnsavedWork(pane) {
            quitConfirmation = QuitConfirmation(key: key)
            return .handled
        }
        return .quit
    }

    private static func hasUnsavedWork(_ pane: any PaneView) -> Bool {
        switch pane {
        case let editor as CodeEditorView: editor.hasUnsavedChanges
        case let user as UserCodesView: user.pane.hasEdits
        default: false
        }
    }

    // MARK: - Read-only

    /// Why the current site may not be changed, or nil.
    var readOnlyReason: String? {
        guard let siteUrl = session.siteUrl else {
            return session.startedReadOnly ? "trackcodes was started with --read-only" : nil
        }
        return session.readOnlyReason(for: siteUrl)
    }

    /// True when writes are allowed; otherwise says why on the status line.
    func refuseIfReadOnly(_ what: String) -> Bool {
        guard let reason = readOnlyReason else { return false }
        session.report("Cannot \(what): \(reason).", severity: .warning)
        return true
    }
}
