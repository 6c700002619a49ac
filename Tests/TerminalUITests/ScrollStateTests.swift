import Testing

@testable import TerminalUI

@Suite struct ScrollStateTests {
    @Test func movingDownPastTheViewportScrollsByOne() {
        var scroll = ScrollState(count: 100, viewportHeight: 10)
        for _ in 0..<9 { _ = scroll.perform(.moveDown) }
        #expect(scroll.selection == 9)
        #expect(scroll.offset == 0)
        _ = scroll.perform(.moveDown)
        #expect(scroll.selection == 10)
        #expect(scroll.offset == 1)
        #expect(scroll.visibleRange == 1..<11)
    }

    @Test func movingBackUpKeepsTheOffsetUntilTheTop() {
        var scroll = ScrollState(count: 100, selection: 20, viewportHeight: 10)
        #expect(scroll.offset == 11)
        _ = scroll.perform(.moveUp)
        #expect(scroll.offset == 11)
        scroll.select(5)
        #expect(scroll.offset == 5)
    }

    @Test func pagesMoveViewAndSelectionTogether() {
        var scroll = ScrollState(count: 100, selection: 3, viewportHeight: 10)
        _ = scroll.perform(.pageDown)
        #expect(scroll.selection == 13)
        #expect(scroll.offset == 10)
        _ = scroll.perform(.halfPageDown)
        #expect(scroll.selection == 18)
        #expect(scroll.offset == 15)
        _ = scroll.perform(.halfPageUp)
        _ = scroll.perform(.pageUp)
        #expect(scroll.selection == 3)
        #expect(scroll.offset == 0)
    }

    @Test func topBottomAndClamping() {
        var scroll = ScrollState(count: 50, viewportHeight: 10)
        _ = scroll.perform(.bottom)
        #expect(scroll.selection == 49)
        #expect(scroll.offset == 40)
        _ = scroll.perform(.pageDown)
        #expect(scroll.selection == 49)
        _ = scroll.perform(.top)
        #expect(scroll.selection == 0)
        let isMovement = scroll.perform(.filter)
        #expect(!isMovement)
    }

    @Test func shrinkingTheListKeepsTheSelectionValid() {
        var scroll = ScrollState(count: 50, selection: 45, viewportHeight: 10)
        scroll.setCount(20)
        #expect(scroll.selection == 19)
        #expect(scroll.offset == 10)
        scroll.setCount(0)
        #expect(scroll.selectedIndex == nil)
        #expect(scroll.visibleRange.isEmpty)
        #expect(scroll.positionLabel == "0/0")
        _ = scroll.perform(.moveDown)
        #expect(scroll.selectedIndex == nil)
    }

    @Test func growingTheViewportPullsTheOffsetBack() {
        var scroll = ScrollState(count: 30, selection: 29, viewportHeight: 5)
        #expect(scroll.offset == 25)
        scroll.setViewportHeight(20)
        #expect(scroll.offset == 10)
        #expect(scroll.positionLabel == "30/30")
    }
}
