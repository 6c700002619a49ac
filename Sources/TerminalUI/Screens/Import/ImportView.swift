import Foundation
import TrackingCodesCore
import WebexAPI

/// The import pane: a file of tracking codes or of users' values into the current site.
///
/// 1. Type (Tab completes) the file's path; Enter reads it. The file's columns say which
///    import it is; a header that fits both asks (`c` codes, `u` users).
/// 2. The preview, sending no write: for codes `CodesImport.makePlan()` (create, change,
///    unchanged, invalid with reasons, and with prune, `p`, delete); for users a dry run of
///    `UsersImport` (per user what would change, invalid rows with reasons).
/// 3. `y` applies, with a progress bar; Esc there stops starting rows. Esc before `y` closes the
///    pane and nothing is sent. A read-only site shows the preview and refuses `y` with the reason.
/// 4. The per-row report; a users import also writes `FILE.report.csv` beside the file. The
///    import is one step in the history, so `z` on the code list undoes all of it.
@MainActor
public final class ImportView: PaneView {
    enum Stage: Equatable {
        case choosingFile
        /// The header fits both imports; the user says which.
        case choosingKind
        /// Reading the site's codes, and for users each user's values (a dry run).
        case previewing
        case preview
        case applying
        case report
    }

    /// The import under way: its model, and for users the dry run that made the preview.
    enum Job {
        case codes(CodesImport)
        case users(preview: UsersImport, run: UsersImport?)
    }

    public let session: Session
    public let siteUrl: String
    var stage = Stage.choosingFile
    var pathField = TextField(hint: "a CSV, TSV or JSON file (Tab completes)")
    /// Where a relative path starts.
    let directory: URL
    /// Why the file cannot be used, or what went wrong reading it.
    var fileProblem: String?
    /// The entries Tab found when it could not complete to one.
    var completions: [String] = []
    var file: ImportFile?
    var job: Job?
    var prune = false
    /// Where the users report was written, or why it was not.
    var reportOutcome: Result<String, ImportFileProblem>?
    var table = TableView(
        columns: [
            TableColumn("Line", width: .fixed(5), alignment: .trailing),
            TableColumn("Code or user", width: .flexible(minimum: 25, weight: 1)),
            TableColumn("Action", width: .fixed(12)),
            TableColumn("Detail", width: .flexible(minimum: 10, weight: 3)),
        ],
        emptyMessage: "The file has no rows.")
    let listing: PathCompletion.Listing
    /// The preview, apply or run in flight, if any; tests await it.
    private(set) var runningWork: Task<Void, Never>?

    /// - Parameter directory: where a relative path starts; the working folder when nil.
    public convenience init(session: Session, siteUrl: String, directory: URL? = nil) {
        self.init(
            session: session, siteUrl: siteUrl,
            directory: directory
                ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            listing: PathCompletion.listFolder)
    }

    /// - Parameter listing: how Tab lists a folder; tests pass a fixed one.
    init(
        session: Session, siteUrl: String, directory: URL,
        listing: @escaping PathCompletion.Listing
    ) {
        self.session = session
        self.siteUrl = siteUrl
        self.directory = directory
        self.listing = listing
    }

    // MARK: - What the drawing reads

    var readOnlyReason: String? { session.readOnlyReason(for: siteUrl) }

    var rows: [ImportRow] {
        switch job {
        case .codes(let codes)?: ImportRow.rows(of: codes)
        case .users(let preview, let run)?: ImportRow.rows(of: run ?? preview)
        case nil: []
        }
    }

    /// Requests `y` would send: nothing to confirm when zero.
    var changesToSend: Int {
        switch job {
        case .codes(let codes)?: codes.changeCount
        case .users(let preview, _)?: preview.count(.wouldChange)
        case nil: 0
        }
    }

    var kind: ImportKind? {
        switch job {
        case .codes?: .codes
        case .users?: .users
        case nil: nil
        }
    }

    // MARK: - PaneView

    public var title: String {
        // The root shows the site beside the title.
        let name = file.map { " from " + $0.url.lastPathComponent } ?? ""
        switch kind {
        case .codes?: return "Import of tracking codes\(name)"
        case .users?: return "Import of users' values\(name)"
        case nil: return "Import from a file"
        }
    }

    public var keyMaps: [KeyMap] { ImportKeyMaps.all }

    public var statusText: String? {
        switch stage {
        case .choosingFile, .choosingKind: return nil
        case .previewing: return "preview: reading…"
        case .preview:
            return changesToSend == 1 ? "1 change to send" : "\(changesToSend) changes to send"
        case .applying: return "importing…"
        case .report: return "import finished"
        }
    }

    public var isEditingText: Bool { stage == .choosingFile }

    // MARK: - Keys

    public func handle(key: Key) -> PaneOutcome {
        switch stage {
        case .choosingFile: return handlePath(key)
        case .choosingKind: return handleKindChoice(key)
        case .previewing, .applying:
            if key == .escape {
                cancel()
                return .handled
            }
            return moveInTable(key)
        case .preview: return handlePreview(key)
        case .report:
            if key == .escape || key == .enter || key == .char("q") { return .close }
            return moveInTable(key)
        }
    }

    private func handlePath(_ key: Key) -> PaneOutcome {
        switch key {
        case .escape:
            return .close
        case .enter:
            readFile()
            return .handled
        case .tab:
            let completion = PathCompletion.complete(
                pathField.text, in: directory, listing: listing)
            pathField.setText(completion.path)
            completions = completion.candidates
            return .handled
        default:
            switch pathField.handle(key) {
            case .edited:
                completions = []
            case .ignored:
                // A function key is never text: F1 goes on to open the help.
                if case .function = key { return .ignored }
            case .moved, .submitted, .cancelled:
                break
            }
            return .handled
        }
    }

    private func handleKindChoice(_ key: Key) -> PaneOutcome {
        switch ImportKeyMaps.kindChoice.action(for: key) {
        case .importCodes?: startPreview(.codes)
        case .importUsers?: startPreview(.users)
        case .back?: stage = .choosingFile
        default: return .ignored
        }
        return .handled
    }

    private func handlePreview(_ key: Key) -> PaneOutcome {
        switch ImportKeyMaps.preview.action(for: key) {
        case .applyImport?:
            apply()
        case .togglePrune?:
            guard kind == .codes else { return .handled }
            prune.toggle()
            startPreview(.codes)
        case .chooseFile?:
            job = nil
            stage = .choosingFile
        case .back?:
            session.report("Import cancelled; nothing was sent.")
            return .close
        default:
            return moveInTable(key)
        }
        return .handled
    }

    private func moveInTable(_ key: Key) -> PaneOutcome {
        table.setRowCount(rows.count)
        return table.handle(key) ? .handled : .ignored
    }

    // MARK: - Reading the file

    private func readFile() {
        completions = []
        do throws(ImportFileProblem) {
            let file = try ImportFile.read(path: pathField.text, relativeTo: directory)
            self.file = file
            fileProblem = nil
            if file.kinds.count == 1, let only = file.kinds.first {
                startPreview(only)
            } else {
                stage = .choosingKind
            }
        } catch {
            // The path as typed: the full one can be long and the user knows where it starts.
            fileProblem = "\(pathField.text): \(error.reason)"
        }
    }

    // MARK: - Preview

    private func startPreview(_ kind: ImportKind) {
        guard let file else { return }
        let title = "Import of \(file.url.lastPathComponent)"
        switch kind {
        case .codes:
            let rows: [CodesFileRow]
            do throws(ImportFileProblem) {
                rows = try file.codesRows()
            } catch {
                return refuseFile(error.reason)
            }
            let codes = CodesImport(
                session: session, siteUrl: siteUrl, rows: rows, prune: prune, title: title)
            job = .codes(codes)
            work(then: .preview) { await codes.makePlan() }
        case .users:
            guard let table = file.table else {
                return refuseFile("a JSON file holds tracking codes, not users' values")
            }
            let preview: UsersImport
            do throws(ImportFileError) {
                preview = try UsersImport(
                    session: session, siteUrl: siteUrl, table: table, title: title)
            } catch {
                return refuseFile(error.errorDescription)
            }
            job = .users(preview: preview, run: nil)
            work(then: .preview) {
                guard await preview.prepare() else { return false }
                await preview.run(dryRun: true)
                return !preview.isCancelled
            }
        }
        table.select(row: 0)
        stage = .previewing
    }

    private func refuseFile(_ reason: String?) {
        fileProblem = "\(pathField.text): \(reason ?? "cannot be imported")"
        job = nil
        stage = .choosingFile
    }

    /// Runs `operation` in the background; when it succeeds the pane moves to `next`, when it
    /// fails or is cancelled before a preview, back to the path with the reason.
    private func work(then next: Stage, _ operation: @escaping @MainActor () async -> Bool) {
        runningWork = Task { [weak self] in
            let succeeded = await operation()
            guard let self else { return }
            if succeeded || next == .report {
                stage = next
            } else {
                fileProblem = previewFailure
                job = nil
                stage = .choosingFile
            }
            session.noteChange()
        }
    }

    private var previewFailure: String {
        switch job {
        case .codes(let codes)?:
            if let failure = codes.failure { return failure.localizedDescription }
        case .users(let preview, _)?:
            if let failure = preview.failure { return failure.localizedDescription }
        case nil:
            break
        }
        return "The preview was cancelled; nothing was sent."
    }

    /// Esc while working. A preview's reads stop at once; an import starts no more rows and
    /// lets those in flight finish, so no change is left half-known.
    private func cancel() {
        switch job {
        case .codes(let codes)?: codes.cancel()
        case .users(let preview, let run)?:
            preview.cancel()
            run?.cancel()
        case nil: break
        }
        if stage == .previewing { session.cancelRunningWork() }
    }

    // MARK: - Applying

    private func apply() {
        if let reason = readOnlyReason {
            session.report("Cannot import into \(siteUrl): \(reason).", severity: .warning)
            return
        }
        guard changesToSend > 0 else {
            session.report("Nothing to send: the site already matches the file.")
            return
        }
        switch job {
        case .codes(let codes)?:
            work(then: .report) { await codes.apply() }
        case .users(let preview, _)?:
            if let reportURL = file?.reportURL {
                do throws(FileProblem) {
                    try UsersImport.checkReportCanBeWritten(to: reportURL)
                } catch {
                    // In the pane, where the preview's own status would hide the status line.
                    let problem = "Cannot write the report \(pathField.text).report.csv: "
                        + "\(error.reason). Nothing was sent; fix that and press y again."
                    fileProblem = problem
                    session.report(problem, severity: .error)
                    return
                }
                fileProblem = nil
            }
            let run: UsersImport
            do throws(ImportFileError) {
                run = try UsersImport(
                    session: session, siteUrl: siteUrl, table: preview.table,
                    title: preview.title)
            } catch {
                // The same table made the preview, so it cannot fail here.
                return refuseFile(error.errorDescription)
            }
            job = .users(preview: preview, run: run)
            let reportURL = file?.reportURL
            let shownPath = pathField.text + ".report.csv"
            work(then: .report) { [weak self] in
                if await run.prepare() { await run.run() }
                self?.writeReport(of: run, to: reportURL, shownAs: shownPath)
                return true
            }
        case nil:
            return
        }
        stage = .applying
    }

    /// Writes the report beside the file; the pane names it by the path as typed.
    private func writeReport(of run: UsersImport, to url: URL?, shownAs shownPath: String) {
        guard let url, run.phase == .finished else { return }
        do throws(FileProblem) {
            try run.writeReport(to: url)
            reportOutcome = .success(shownPath)
        } catch {
            reportOutcome = .failure(ImportFileProblem(path: error.path, reason: error.reason))
        }
    }
}
