/// The selection and scroll offset of a vertical list or table, kept consistent: the
/// selection is always a valid row (when there are rows) and always inside the viewport.
///
/// The viewport height is learnt when the owning widget is drawn (`setViewportHeight`), so
/// page keys move by what the user last saw.
public struct ScrollState: Hashable, Sendable {
    public private(set) var count: Int
    /// The selected row; 0 when there are no rows (see `selectedIndex`).
    public private(set) var selection: Int
    /// The first visible row.
    public private(set) var offset: Int
    public private(set) var viewportHeight: Int

    public init(count: Int = 0, selection: Int = 0, viewportHeight: Int = 10) {
        self.count = max(0, count)
        self.selection = 0
        self.offset = 0
        self.viewportHeight = max(1, viewportHeight)
        select(selection)
    }

    /// The selected row, or nil when there are none.
    public var selectedIndex: Int? { count > 0 ? selection : nil }

    /// The rows the viewport shows.
    public var visibleRange: Range<Int> { offset..<min(count, offset + viewportHeight) }

    /// "12/345" for status bars; "0/0" when empty.
    public var positionLabel: String {
        count > 0 ? "\(selection + 1)/\(count)" : "0/0"
    }

    /// Changes the number of rows, keeping the selection on the same index where possible.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        select(selection)
    }

    /// Selects a row (clamped) and scrolls it into view.
    public mutating func select(_ index: Int) {
        selection = count > 0 ? min(max(0, index), count - 1) : 0
        keepSelectionVisible()
    }

    public mutating func setViewportHeight(_ height: Int) {
        viewportHeight = max(1, height)
        keepSelectionVisible()
    }

    /// Applies a movement action; returns false for actions that are not movements.
    public mutating func perform(_ action: Action) -> Bool {
        let half = max(1, viewportHeight / 2)
        switch action {
        case .moveUp: select(selection - 1)
        case .moveDown: select(selection + 1)
        case .pageUp: scrollAndSelect(by: -viewportHeight)
        case .pageDown: scrollAndSelect(by: viewportHeight)
        case .halfPageUp: scrollAndSelect(by: -half)
        case .halfPageDown: scrollAndSelect(by: half)
        case .top: select(0)
        case .bottom: select(count - 1)
        default: return false
        }
        return true
    }

    /// Moves the view and the selection together, as vim's Ctrl-D and Ctrl-F do, so the
    /// selection keeps its place on screen.
    private mutating func scrollAndSelect(by delta: Int) {
        offset = clampedOffset(offset + delta)
        select(selection + delta)
    }

    private mutating func keepSelectionVisible() {
        if selection < offset {
            offset = selection
        } else if selection >= offset + viewportHeight {
            offset = selection - viewportHeight + 1
        }
        offset = clampedOffset(offset)
    }

    private func clampedOffset(_ value: Int) -> Int {
        min(max(0, value), max(0, count - viewportHeight))
    }
}
