import Foundation
import WebexAPI

/// A change to a site's codes that other models should reflect without reloading.
public enum CodeChange: Hashable, Sendable {
    /// Created or updated; Webex's copy.
    case saved(TrackingCode)
    case deleted(id: String, siteUrl: String)
}

/// What every view model shares: the API client, the chosen site, read-only state, the API call
/// log, the status line, the journal, the undo history, and the "something changed" signal.
///
/// One per program run. Models keep a strong reference to it; it keeps none to them (they
/// subscribe to site and code changes with closures), so screens can come and go.
@MainActor
public final class Session {
    public let client: WebexClient
    public let callLog: APICallLog
    public let paths: Paths
    public let journal: Journal
    public let activity = ActivityTracker()
    /// The clock for history and journal timestamps; tests pin it.
    public let clock: @Sendable () -> Date
    public private(set) var settings: Settings
    /// True when the program was started with `--read-only`: no site may be written to.
    public let startedReadOnly: Bool
    public private(set) var learnedReadOnlySites: LearnedReadOnlySites
    public private(set) var currentSite: Site?
    /// The last message for the status line.
    public private(set) var status: StatusMessage?
    /// How long an info or success message stays on the status line (`expireStatus()`).
    public var statusLifetime: TimeInterval = 5
    /// Bumped on every state change of the session or any model built on it.
    public private(set) var revision = 0
    /// Called after every state change of the session or any model built on it: redraw.
    public var onChange: (@MainActor () -> Void)?

    /// Sends every write through the journal.
    public private(set) lazy var writer = JournaledWriter(session: self)
    /// Undo and redo of everything changed in this session.
    public private(set) lazy var history = ChangeHistory(session: self)
    /// False for a one-shot command, which exits before anything could be undone: bulk jobs then
    /// keep no undo records (a 10,000-user import's came to ~8 MB). The journal has them all.
    public var keepsUndoHistory = true

    private var siteObservers: [@MainActor (Site) -> Void] = []
    private var codeObservers: [@MainActor (CodeChange) -> Void] = []

    /// - Parameters:
    ///   - client: build it with `observer: callLog.observer` so the log sees every call.
    ///   - readOnly: the global `--read-only` switch.
    public init(
        client: WebexClient, callLog: APICallLog, paths: Paths, settings: Settings = Settings(),
        readOnly: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = client
        self.callLog = callLog
        self.paths = paths
        self.journal = Journal(fileURL: paths.journalFile)
        self.settings = settings
        self.startedReadOnly = readOnly
        self.clock = clock
        do {
            learnedReadOnlySites = try LearnedReadOnlySites.load(from: paths.learnedReadOnlyFile)
        } catch {
            learnedReadOnlySites = LearnedReadOnlySites()
            status = StatusMessage(
                "Cannot read the list of read-only sites (\(error)); it will be rebuilt.",
                severity: .warning, at: clock())
        }
        activity.onChange = { [weak self] in self?.noteChange() }
    }

    /// A session on a new client whose calls go to `callLog`.
    public convenience init(
        token: AccessToken, transport: any HTTPTransport, baseURL: URL = WebexClient.defaultBaseURL,
        retryPolicy: RetryPolicy = .standard, sleeper: any Sleeper = TaskSleeper(),
        paths: Paths, settings: Settings = Settings(), readOnly: Bool = false,
        callLogCapacity: Int = 500, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        let log = APICallLog(capacity: callLogCapacity)
        let client = WebexClient(
            baseURL: baseURL, token: token, transport: transport, sleeper: sleeper,
            retryPolicy: retryPolicy, observer: log.observer)
        self.init(
            client: client, callLog: log, paths: paths, settings: settings, readOnly: readOnly,
            clock: clock)
    }

    // MARK: - Site and read-only state

    public var siteUrl: String? { currentSite?.siteUrl }

    /// Makes `site` the one every model works on. Models drop what they showed of the old site.
    public func select(_ site: Site) {
        guard site != currentSite else { return }
        currentSite = site
        for observer in siteObservers { observer(site) }
        noteChange()
    }

    /// Why `siteUrl` may not be written to, or nil when it may.
    public func readOnlyReason(for siteUrl: String) -> String? {
        if startedReadOnly { return "trackcodes was started with --read-only" }
        if settings.listsReadOnly(siteUrl) {
            return "\(siteUrl) is listed under readOnlySites in \(paths.settingsFile.path)"
        }
        return learnedReadOnlySites.reason(for: learnedKey(siteUrl)).map {
            "\($0); remembered in \(paths.learnedReadOnlyFile.path), delete that file to try again"
        }
    }

    /// Learned sites are remembered per API server: a site refused by a sandbox, or by another
    /// Webex environment, says nothing about the same name elsewhere.
    private func learnedKey(_ siteUrl: String) -> String {
        let server = (client.baseURL.host ?? "") + (client.baseURL.port.map { ":\($0)" } ?? "")
        return "\(server)/\(siteUrl)"
    }

    /// True when the current site may not be written to (or no site is chosen under `--read-only`).
    public var isReadOnly: Bool {
        guard let siteUrl else { return startedReadOnly }
        return readOnlyReason(for: siteUrl) != nil
    }

    /// How `siteUrl` is administered, when the settings say.
    public func management(of siteUrl: String) -> SiteManagement? {
        settings.management(of: siteUrl)
    }

    /// Remembers, for this and later sessions, that `siteUrl` refuses writes.
    public func learnReadOnly(siteUrl: String, reason: String) {
        guard learnedReadOnlySites.learn(learnedKey(siteUrl), reason: reason) else { return }
        do {
            try learnedReadOnlySites.save(to: paths.learnedReadOnlyFile)
        } catch {
            report("\(siteUrl) is read-only from now on; remembering it failed: \(error)", severity: .warning)
        }
        noteChange()
    }

    // MARK: - Status line

    public func report(_ text: String, severity: StatusMessage.Severity = .info) {
        status = StatusMessage(text, severity: severity, at: clock())
        noteChange()
    }

    /// Shows `error` as "<doing>: <what went wrong>".
    public func report(_ error: OperationError, doing action: String) {
        if error.isCancelled {
            report("\(action): cancelled.", severity: .warning)
        } else {
            report("\(action): \(error.localizedDescription)", severity: .error)
        }
    }

    public func clearStatus() {
        status = nil
        noteChange()
    }

    /// When the message on the status line goes by itself; nil when there is none or it stays
    /// (a warning or an error).
    public var statusExpiry: Date? {
        guard let status, status.fades else { return nil }
        return status.at.addingTimeInterval(statusLifetime)
    }

    /// Clears an info or success message once it has been shown for `statusLifetime`, by
    /// `clock`. Screens call it as time passes. True when it cleared one.
    @discardableResult
    public func expireStatus() -> Bool {
        guard let expiry = statusExpiry, clock() >= expiry else { return false }
        clearStatus()
        return true
    }

    /// The user's next action (a key): a warning or error has been seen and goes. News that
    /// fades by itself stays for its time, so a key pressed at once does not hide it.
    public func acknowledgeStatus() {
        guard let status, !status.fades else { return }
        clearStatus()
    }

    // MARK: - Work in flight

    /// True while any model waits for the API: the idle signal for end-to-end tests.
    public var isBusy: Bool { activity.isBusy }

    /// Cancels every request in flight (Esc).
    public func cancelRunningWork() { activity.cancelAll() }

    // MARK: - Change signals

    /// Bumps `revision` and calls `onChange`. Models call it after changing their state.
    public func noteChange() {
        revision &+= 1
        onChange?()
    }

    public func observeSiteChanges(_ observer: @escaping @MainActor (Site) -> Void) {
        siteObservers.append(observer)
    }

    public func observeCodeChanges(_ observer: @escaping @MainActor (CodeChange) -> Void) {
        codeObservers.append(observer)
    }

    /// Tells every model that Webex now holds `change`.
    func publish(_ change: CodeChange) {
        for observer in codeObservers { observer(change) }
        noteChange()
    }
}
