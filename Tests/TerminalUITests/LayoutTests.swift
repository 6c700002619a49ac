import Testing

@testable import TerminalUI

@Suite struct LayoutTests {
    @Test func columnWidthsShareSpareWidthByWeight() {
        let columns = [
            TableColumn("Name", width: .flexible(minimum: 10, weight: 2)),
            TableColumn("Type", width: .fixed(8)),
            TableColumn("Value", width: .flexible(minimum: 6, weight: 1)),
        ]
        // 78 - 2 gaps = 76; fixed 8, minimums 16, spare 52 → +34 and +17, +1 rounding.
        #expect(TableColumn.widths(for: columns, totalWidth: 78) == [45, 8, 23])
        #expect(TableColumn.widths(for: columns, totalWidth: 26) == [10, 8, 6])
    }

    @Test func columnsNarrowFromTheRightWhenSpaceRunsOut() {
        let columns = [
            TableColumn("Name", width: .flexible(minimum: 10, weight: 1)),
            TableColumn("Type", width: .fixed(8)),
            TableColumn("Value", width: .fixed(6)),
        ]
        #expect(TableColumn.widths(for: columns, totalWidth: 22) == [10, 8, 2])
        #expect(TableColumn.widths(for: columns, totalWidth: 19) == [10, 8, 0])
        #expect(TableColumn.widths(for: columns, totalWidth: 12) == [10, 1, 0])
        #expect(TableColumn.widths(for: columns, totalWidth: 3) == [3, 0, 0])
        #expect(TableColumn.widths(for: columns, totalWidth: 0) == [0, 0, 0])
    }

    @Test func listAndDetailFollowTheSpace() {
        let wide = PaneLayout.listAndDetail(in: Rect(x: 0, y: 1, width: 120, height: 38))
        #expect(wide.arrangement == .sideBySide)
        #expect(wide.list == Rect(x: 0, y: 1, width: 72, height: 38))
        #expect(wide.detail == Rect(x: 72, y: 1, width: 48, height: 38))

        let tall = PaneLayout.listAndDetail(in: Rect(x: 0, y: 0, width: 80, height: 40))
        #expect(tall.arrangement == .stacked)
        #expect(tall.list == Rect(x: 0, y: 0, width: 80, height: 28))
        #expect(tall.detail == Rect(x: 0, y: 28, width: 80, height: 12))

        let small = PaneLayout.listAndDetail(in: Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(small.arrangement == .listOnly)
        #expect(small.detail == nil)
    }

    @Test func rectSplitsNeverGoNegative() {
        let rect = Rect(x: 2, y: 2, width: 3, height: 2)
        #expect(rect.splitTop(5).rest.height == 0)
        #expect(rect.splitRight(9).right == rect)
        #expect(rect.inset(dx: 4, dy: 4).isEmpty)
        #expect(rect.centered(width: 10, height: 10) == rect)
        #expect(rect.intersection(Rect(x: 10, y: 10, width: 1, height: 1)).isEmpty)
    }
}
