import Foundation
import WebexAPI

/// The list of the caller's Webex sites, to choose the one to work on.
///
/// The preferred (default) site comes first and the cursor starts on it; read-only sites carry
/// the reason, so the screen can say why editing will be refused before the user tries.
@MainActor
public final class SitePicker {
    /// One site as the picker shows it.
    public struct Row: Identifiable, Hashable, Sendable {
        public var site: Site
        /// Why the site cannot be written to, or nil when it can.
        public var readOnlyReason: String?
        /// True for the site the session works on now.
        public var isCurrent: Bool

        public var id: String { site.siteUrl }
        public var siteUrl: String { site.siteUrl }
        public var isDefault: Bool { site.isDefault }
        public var isReadOnly: Bool { readOnlyReason != nil }
    }

    public let session: Session
    /// The sites, preferred first, in the order Webex listed the rest.
    public private(set) var sites: [Site] = []
    /// Index of the highlighted row.
    public private(set) var cursor = 0
    public private(set) var loadError: OperationError?
    public private(set) var isLoaded = false
    public private(set) var revision = 0

    public init(session: Session) {
        self.session = session
    }

    /// The sites as the picker shows them. Read-only state is looked up each time, because a
    /// refused write can make a site read-only at any moment.
    public var rows: [Row] {
        sites.map { site in
            Row(site: site, readOnlyReason: session.readOnlyReason(for: site.siteUrl),
                isCurrent: site.siteUrl == session.siteUrl)
        }
    }

    public var isBusy: Bool { session.activity.isBusy(self) }
    public var highlightedRow: Row? {
        guard sites.indices.contains(cursor) else { return nil }
        return rows[cursor]
    }

    /// Loads the sites. When no site is chosen yet, the preferred one becomes current.
    @discardableResult
    public func load() async -> Bool {
        let result: Result<[Site], WebexError> = await session.activity.run(for: self) { [session] in
            do throws(WebexError) {
                return .success(try await session.client.listSites())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let sites):
            loadError = nil
            isLoaded = true
            self.sites = sites.filter(\.isDefault) + sites.filter { !$0.isDefault }
            if session.currentSite == nil, let first = self.sites.first {
                session.select(first)
            }
            cursor = self.sites.firstIndex { $0.siteUrl == session.siteUrl } ?? 0
            if sites.isEmpty {
                session.report("This account has no Webex Meetings sites.", severity: .warning)
            }
            changed()
            return true
        case .failure(let error):
            loadError = .webex(error)
            if case .unauthorized = error {
                // Webex's words and the whole story are too long for the status line; the
                // screen has room for them where the list would be.
                session.report(
                    "Webex refused the access token (HTTP 401). Set WEBEX_API_KEY to a valid "
                        + "token (or use --token-file PATH) and start trackcodes again.",
                    severity: .error)
            } else {
                session.report(.webex(error), doing: "Could not list the sites")
            }
            changed()
            return false
        }
    }

    public func moveCursor(by offset: Int) {
        moveCursor(to: cursor + offset)
    }

    public func moveCursor(to index: Int) {
        guard !sites.isEmpty else { return }
        cursor = min(max(0, index), sites.count - 1)
        changed()
    }

    /// Makes the highlighted site current. Reload the code list afterwards.
    @discardableResult
    public func chooseHighlighted() -> Site? {
        guard let row = highlightedRow else { return nil }
        session.select(row.site)
        return row.site
    }

    /// Makes the site `siteUrl` current (for `--site`). False when the account has no such site.
    @discardableResult
    public func choose(siteUrl: String) -> Bool {
        let index = sites.firstIndex { $0.siteUrl.caseInsensitiveCompare(siteUrl) == .orderedSame }
        guard let index else {
            session.report("No site '\(siteUrl)' in this account; choose one of: "
                           + sites.map(\.siteUrl).joined(separator: ", "), severity: .error)
            return false
        }
        cursor = index
        session.select(sites[index])
        changed()
        return true
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
