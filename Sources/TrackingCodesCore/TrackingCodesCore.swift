/// # TrackingCodesCore: the view models of trackcodes
///
/// Everything the terminal UI shows and decides lives here; the CLI and the REST/MCP adapters use
/// the same models. Nothing here draws, reads keys or knows about terminals.
///
/// ## Shape
///
/// - **`Session`** (one per run) holds the `WebexClient`, the chosen site, read-only state,
///   the API call log, the status line, the `Journal`, the `JournaledWriter` and the
///   `ChangeHistory`.
/// - **Models** are `@MainActor final class`es built on a session: `SitePicker`, `CodeList`,
///   `TrackingCodeEditor`, `UserCodesPane`, `BulkDeleteJob`, `JournalRecovery`. Each exposes
///   plain state (structs, arrays, enums) for a renderer to read, and methods for user intents.
/// - **Intents** that need the API are `async` methods. They record their own errors in the
///   model (`loadError`, `saveError`, item states) and on the status line, and return whether
///   they worked, so a UI fires them in a `Task` and forgets them; tests and the CLI await them.
/// - **Change signal**: every state change bumps the model's `revision` and calls
///   `session.noteChange()`, which bumps `session.revision` and calls `session.onChange`. A UI
///   redraws on that callback (or polls `revision`).
/// - **Busy and idle**: API work runs through `session.activity` (`ActivityTracker`).
///   `session.isBusy` is false when nothing is in flight; end-to-end tests wait on it.
/// - **Cancel** (Esc): `session.cancelRunningWork()`, or `cancel()` on one model, cancels the
///   task of the work in flight; cancelling the task that awaits an intent does the same.
///   `BulkDeleteJob.cancel()` is gentler: it stops starting new deletes and lets the ones in
///   flight finish.
/// - **Writes** all go through `JournaledWriter`: read-only check, journal intent flushed to
///   disk, request, journal outcome, then `CodeChange` broadcast so the code list updates
///   without reloading. The model that made the change records it in `ChangeHistory`; undo and
///   redo write through the same writer without recording themselves.
/// - **Sites and codes** changes reach models through `Session.observeSiteChanges` and
///   `Session.observeCodeChanges`; the session holds no reference to a model.
///
/// Pure helpers for screens: `ScheduleSummary`, the `label`/`shortLabel` of the API enums,
/// `CodeRow`'s column texts.
///
/// Files on disk: `Paths` (XDG locations), `Settings` (config.json), `LearnedReadOnlySites`,
/// `Journal` (journal.jsonl).
///
/// Bulk work from files (`Import/`): `CodesImport` (plan a diff, apply, one undo step),
/// `UsersImport` (check, run with bounded concurrency, per-row report) and `UsersExport`, over
/// the file formats `CodesFile`, `UsersFile` and `UserList`, read and written by
/// `DelimitedTable` (CSV/TSV, `SpreadsheetSafety`) and `TextFileDecoding` (UTF-8, UTF-16).
public enum TrackingCodesCore {}
