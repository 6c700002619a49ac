import Foundation
import WebexAPI

/// The current site's tracking codes as a sortable, filterable table with a cursor and marks.
///
/// - Filter: case-insensitive substring of the name or of any option value. It stays when the
///   list is refreshed, the site changes or another screen is shown.
/// - Sort: any column, either way; ties go by name, then id.
/// - Cursor: follows the code (by id) across refresh, filter and sort; when that code is gone it
///   stays at the same place in the list.
/// - Marks: by id, so they survive filtering; codes that disappear lose their mark.
///
/// Built for 10,000 codes: row texts and search keys are made once per load, sorting happens
/// only on load or sort change, and a filter keystroke is one pass of `SearchIndex`.
@MainActor
public final class CodeList {
    public let session: Session
    /// The site the rows belong to (nil before the first load).
    public private(set) var siteUrl: String?
    public private(set) var isLoaded = false
    public private(set) var loadError: OperationError?
    public private(set) var filterText = ""
    public private(set) var sort = CodeSort(column: .name)
    /// Index of the highlighted row in `shownRows`.
    public private(set) var cursor = 0
    public private(set) var markedIDs: Set<String> = []
    /// Where a range mark starts: the last row marked or unmarked one by one, or set explicitly.
    public private(set) var markAnchorID: String?
    public private(set) var revision = 0
    /// Added to the message of a failed load: how this front end tries again ("Press r to
    /// retry."), which only it knows.
    public var retryHint: String?

    private var sortedRows: [CodeRow] = []
    private var positionByID: [String: Int] = [:]
    private var index = SearchIndex()
    private var shownPositions: [Int] = []
    /// The code under the cursor, which the list follows.
    private var selectedID: String?

    public init(session: Session) {
        self.session = session
        session.observeSiteChanges { [weak self] site in self?.siteDidChange(to: site) }
        session.observeCodeChanges { [weak self] change in self?.apply(change) }
    }

    // MARK: - What the screen reads

    public var shownRows: ShownCodeRows { ShownCodeRows(sorted: sortedRows, positions: shownPositions) }
    /// Every code of the site, in the list's sort order, whatever the filter.
    public var allCodes: [TrackingCode] { sortedRows.map(\.code) }
    public var totalCount: Int { sortedRows.count }
    public var shownCount: Int { shownPositions.count }
    public var markedCount: Int { markedIDs.count }
    /// Marked codes the filter hides: a bulk action would include them, so say so.
    public var hiddenMarkedCount: Int {
        markedIDs.count - shownRows.filter { markedIDs.contains($0.id) }.count
    }
    public var selectedRow: CodeRow? { shownPositions.indices.contains(cursor) ? shownRows[cursor] : nil }
    public var selectedCode: TrackingCode? { selectedRow?.code }
    public var isBusy: Bool { session.activity.isBusy(self) }

    public func isMarked(_ id: String) -> Bool { markedIDs.contains(id) }

    /// The marked codes, in list order (including ones the filter hides).
    public var markedCodes: [TrackingCode] {
        sortedRows.filter { markedIDs.contains($0.id) }.map(\.code)
    }

    public func code(id: String) -> TrackingCode? {
        positionByID[id].map { sortedRows[$0].code }
    }

    /// "12 of 340 codes · 3 marked" for a header or status line.
    public var countsText: String {
        let codes = CountedNoun.text(totalCount, "code")
        var text = shownCount == totalCount ? codes : "\(shownCount) of \(codes)"
        if markedCount > 0 {
            text += " · \(markedCount) marked"
            if hiddenMarkedCount > 0 { text += " (\(hiddenMarkedCount) hidden by the filter)" }
        }
        return text
    }

    // MARK: - Loading

    /// Loads the current site's codes again, keeping filter, sort, cursor and marks.
    @discardableResult
    public func refresh() async -> Bool {
        guard let site = session.siteUrl else {
            loadError = .noSiteSelected
            changed()
            return false
        }
        let result: Result<[TrackingCode], WebexError> = await session.activity.run(for: self) { [session] in
            do throws(WebexError) {
                return .success(try await session.client.listTrackingCodes(siteUrl: site))
            } catch {
                return .failure(error)
            }
        }
        // The user may have switched sites while this was loading; then it is stale.
        guard site == session.siteUrl else { return false }
        switch result {
        case .success(let codes):
            load(codes, siteUrl: site)
            return true
        case .failure(.cancelled) where isLoaded:
            loadError = .webex(.cancelled)
            session.report("Reload of \(site) cancelled; the list shows the codes loaded before.",
                           severity: .warning)
            changed()
            return false
        case .failure(let error):
            loadError = .webex(error)
            let doing = "Could not load the tracking codes of \(site)"
            let failure = OperationError.webex(error)
            if let retryHint, !failure.isCancelled {
                session.report("\(doing): \(failure.localizedDescription) \(retryHint)",
                               severity: .error)
            } else {
                session.report(failure, doing: doing)
            }
            changed()
            return false
        }
    }

    /// Shows `codes` as the codes of `siteUrl`, as if just loaded.
    public func load(_ codes: [TrackingCode], siteUrl: String) {
        if siteUrl != self.siteUrl {
            markedIDs = []
            markAnchorID = nil
        }
        self.siteUrl = siteUrl
        isLoaded = true
        loadError = nil
        rebuild(rows: codes.map(CodeRow.init))
    }

    private func rebuild(rows: consuming [CodeRow]) {
        let selectedPosition = selectedID.flatMap { positionByID[$0] }
        sortedRows = Self.sorted(rows, by: sort)
        positionByID = Dictionary(sortedRows.enumerated().map { ($1.id, $0) }) { first, _ in first }
        index = SearchIndex(keys: sortedRows.lazy.map(\.searchKey))
        markedIDs = markedIDs.filter { positionByID[$0] != nil }
        if let anchor = markAnchorID, positionByID[anchor] == nil { markAnchorID = nil }
        applyFilter(fallbackPosition: selectedPosition)
    }

    private func siteDidChange(to site: Site) {
        guard site.siteUrl != siteUrl else { return }
        siteUrl = site.siteUrl
        isLoaded = false
        loadError = nil
        markedIDs = []
        markAnchorID = nil
        selectedID = nil
        rebuild(rows: [])
    }

    private func apply(_ change: CodeChange) {
        switch change {
        case .saved(let code) where code.siteUrl == siteUrl:
            var rows = sortedRows.filter { $0.id != code.id }
            rows.append(CodeRow(code: code))
            rebuild(rows: rows)
        case .deleted(let id, let site) where site == siteUrl && positionByID[id] != nil:
            rebuild(rows: sortedRows.filter { $0.id != id })
        default:
            break
        }
    }

    // MARK: - Filter and sort

    public func setFilter(_ text: String) {
        guard text != filterText else { return }
        filterText = text
        applyFilter(fallbackPosition: selectedID.flatMap { positionByID[$0] })
    }

    /// Sorts by `column`; choosing the column already sorted by flips the direction.
    public func sort(by column: CodeColumn) {
        setSort(CodeSort(column: column, ascending: sort.column == column ? !sort.ascending : true))
    }

    public func setSort(_ newSort: CodeSort) {
        guard newSort != sort else { return }
        sort = newSort
        rebuild(rows: sortedRows)
    }

    /// Shows the rows matching the filter and puts the cursor back on the selected code, or
    /// on the nearest shown row after where it was.
    private func applyFilter(fallbackPosition: Int?) {
        var needle = Array(filterText.lowercased().utf8)
        for index in needle.indices where needle[index] == SearchIndex.rowSeparator { needle[index] = 0x20 }
        shownPositions = index.positions(containing: needle)

        if let selectedID, let position = positionByID[selectedID], let shown = shownIndex(of: position) {
            cursor = shown
        } else if let fallbackPosition {
            cursor = firstShownIndex(atOrAfter: fallbackPosition)
        } else {
            cursor = 0
        }
        cursor = shownPositions.isEmpty ? 0 : min(cursor, shownPositions.count - 1)
        selectedID = selectedRow?.id
        changed()
    }

    private func shownIndex(of position: Int) -> Int? {
        let index = firstShownIndex(atOrAfter: position)
        return shownPositions.indices.contains(index) && shownPositions[index] == position ? index : nil
    }

    /// Binary search: shown positions ascend, because the index is in sorted order.
    private func firstShownIndex(atOrAfter position: Int) -> Int {
        var low = 0
        var high = shownPositions.count
        while low < high {
            let middle = (low + high) / 2
            if shownPositions[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    nonisolated static func sorted(_ rows: consuming [CodeRow], by sort: CodeSort) -> [CodeRow] {
        var rows = rows
        // Sorts positions, then moves the rows into place in the same array: copies of 10,000
        // rows (with their keys, then sorted) were the largest allocations of a load.
        func ordered<Key: Comparable>(_ key: (CodeRow) -> Key) -> [CodeRow] {
            let keys = rows.map(key)
            let order = rows.indices.sorted { lhs, rhs in
                if keys[lhs] != keys[rhs] { return sort.ascending ? keys[lhs] < keys[rhs] : keys[lhs] > keys[rhs] }
                if rows[lhs].nameKey != rows[rhs].nameKey { return rows[lhs].nameKey < rows[rhs].nameKey }
                return idPrecedes(rows[lhs].id, rows[rhs].id)
            }
            permute(&rows, by: order)
            return rows
        }
        switch sort.column {
        case .name: return ordered { $0.nameKey }
        case .inputMode: return ordered { $0.inputMode }
        case .optionCount: return ordered { $0.optionCount }
        case .defaultOption: return ordered { $0.defaultOption.lowercased() }
        case .hostProfile: return ordered { $0.hostProfile }
        case .schedule: return ordered { $0.schedule }
        }
    }

    /// Puts the element at `order[p]` at position `p`, in place, following each cycle of the
    /// permutation once.
    nonisolated static func permute<Element>(_ elements: inout [Element], by order: [Int]) {
        var placed = [Bool](repeating: false, count: elements.count)
        for start in elements.indices where !placed[start] {
            let held = elements[start]
            var position = start
            while true {
                placed[position] = true
                let source = order[position]
                if source == start {
                    elements[position] = held
                    break
                }
                elements[position] = elements[source]
                position = source
            }
        }
    }

    /// Numeric ids in numeric order ("9" before "10").
    nonisolated static func idPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.count != rhs.count ? lhs.count < rhs.count : lhs < rhs
    }

    // MARK: - Cursor

    public func moveCursor(by offset: Int) {
        moveCursor(to: cursor + offset)
    }

    public func moveCursor(to index: Int) {
        guard !shownPositions.isEmpty else { return }
        cursor = min(max(0, index), shownPositions.count - 1)
        selectedID = selectedRow?.id
        changed()
    }

    /// Puts the cursor on code `id`; false when it is not shown.
    @discardableResult
    public func select(id: String) -> Bool {
        guard let position = positionByID[id], let shown = shownIndex(of: position) else { return false }
        moveCursor(to: shown)
        return true
    }

    // MARK: - Marks

    /// Marks or unmarks the row under the cursor; it becomes the anchor of a range.
    public func toggleMark() {
        guard let id = selectedRow?.id else { return }
        if markedIDs.remove(id) == nil { markedIDs.insert(id) }
        markAnchorID = id
        changed()
    }

    /// Makes the row under the cursor the start of the next range.
    public func setMarkAnchor() {
        markAnchorID = selectedRow?.id
        changed()
    }

    /// Marks every shown row from the anchor to the cursor, both included. Without a shown
    /// anchor, marks the cursor row and makes it the anchor.
    public func markRangeToCursor() {
        guard selectedRow != nil else { return }
        let anchorIndex = markAnchorID.flatMap { positionByID[$0] }.flatMap(shownIndex(of:)) ?? cursor
        for shown in min(anchorIndex, cursor)...max(anchorIndex, cursor) {
            markedIDs.insert(shownRows[shown].id)
        }
        markAnchorID = shownRows[anchorIndex].id
        changed()
    }

    /// Marks every row the filter shows.
    public func markAllShown() {
        for row in shownRows { markedIDs.insert(row.id) }
        changed()
    }

    public func clearMarks() {
        markedIDs = []
        markAnchorID = nil
        changed()
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
