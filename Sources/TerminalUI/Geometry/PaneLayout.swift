/// Where a list and its detail pane go for a given space: side by side when wide, the detail
/// under the list when tall enough, otherwise the list alone (the screen then shows the
/// detail on its own when asked).
public struct PaneLayout: Hashable, Sendable {
    public enum Arrangement: Hashable, Sendable {
        case sideBySide
        case stacked
        case listOnly
    }

    public var arrangement: Arrangement
    public var list: Rect
    /// Nil when there is no room for the detail pane.
    public var detail: Rect?

    /// Lays out a list and a detail pane in `rect`.
    ///
    /// The thresholds keep the list usable: side by side needs `sideBySideWidth` columns
    /// (100 leaves a 60-column list beside a 40-column detail); stacked needs
    /// `stackedHeight` rows (30 leaves 18 list rows above a 12-row detail). At 80×24 the
    /// list is shown alone. Side by side, the detail takes `detailPercent` of the width (at
    /// least `detailWidth`, at most half).
    public static func listAndDetail(
        in rect: Rect,
        sideBySideWidth: Int = 100,
        stackedHeight: Int = 30,
        detailWidth: Int = 40,
        detailHeight: Int = 12,
        detailPercent: Int = 40
    ) -> PaneLayout {
        if rect.width >= sideBySideWidth {
            let wanted = max(detailWidth, rect.width * detailPercent / 100)
            let (list, detail) = rect.splitRight(min(wanted, rect.width / 2))
            return PaneLayout(arrangement: .sideBySide, list: list, detail: detail)
        }
        if rect.height >= stackedHeight {
            let (list, detail) = rect.splitBottom(detailHeight)
            return PaneLayout(arrangement: .stacked, list: list, detail: detail)
        }
        return PaneLayout(arrangement: .listOnly, list: rect, detail: nil)
    }
}
