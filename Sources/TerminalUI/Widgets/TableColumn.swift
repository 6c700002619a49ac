/// A column of a `TableView`.
public struct TableColumn: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Always this many columns (unless the table is too narrow for it).
        case fixed(Int)
        /// At least `minimum` (and at least 1); shares the spare width with other flexible
        /// columns by weight.
        case flexible(minimum: Int, weight: Int)
    }

    public var title: String
    public var width: Width
    public var alignment: TextAlignment

    public init(_ title: String, width: Width, alignment: TextAlignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    /// Widths for `columns` sharing `totalWidth` with one-column gaps between them.
    ///
    /// Fixed columns get their width and flexible ones their minimum; spare width goes to the
    /// flexible columns by weight. When even that does not fit, columns are narrowed from the
    /// last one backwards, down to zero (a zero-width column is not drawn, nor its gap).
    public static func widths(for columns: [TableColumn], totalWidth: Int) -> [Int] {
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(let minimum, _): return max(1, minimum)
            }
        }
        func used() -> Int {
            let visible = widths.filter { $0 > 0 }
            return visible.reduce(0, +) + max(0, visible.count - 1)
        }

        var index = widths.count - 1
        while used() > max(0, totalWidth), index >= 0 {
            let excess = used() - max(0, totalWidth)
            // Dropping a column to zero also frees its gap.
            widths[index] = widths[index] > excess ? widths[index] - excess : 0
            index -= 1
        }

        let spare = max(0, totalWidth) - used()
        let weights = columns.map { column -> Int in
            if case .flexible(_, let weight) = column.width { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard spare > 0, totalWeight > 0 else { return widths }

        var given = 0
        for position in widths.indices where weights[position] > 0 {
            let share = spare * weights[position] / totalWeight
            widths[position] += share
            given += share
        }
        // Rounding leftovers go to the first flexible column. Nothing was narrowed to zero
        // above when there is spare width, so every column here is shown.
        if let first = weights.firstIndex(where: { $0 > 0 }) {
            widths[first] += spare - given
        }
        return widths
    }
}
