import Foundation
import Testing

@testable import TrackingCodesCore

@Suite("RequestSlots: a bulk job's in-flight limit")
struct RequestSlotsTests {
    /// Lets other tasks run until `slots` has `count` waiters; yields, never sleeps.
    static func waitForWaiters(_ slots: RequestSlots, _ count: Int) async {
        while slots.waiting < count { await Task.yield() }
    }

    @Test(.timeLimit(.minutes(1)))
    func grantsUpToTheLimitThenServesWaitersInOrder() async {
        let slots = RequestSlots(limit: 2)
        #expect(await slots.acquire())
        #expect(await slots.acquire())
        #expect(slots.inFlight == 2)

        let first = Task { await slots.acquire() }
        await Self.waitForWaiters(slots, 1)
        let second = Task { await slots.acquire() }
        await Self.waitForWaiters(slots, 2)
        #expect(slots.inFlight == 2)

        // The slot passes to the oldest waiter; the other keeps waiting.
        slots.release()
        #expect(await first.value)
        #expect(slots.waiting == 1)
        #expect(slots.inFlight == 2)

        slots.release()
        #expect(await second.value)
        slots.release()
        slots.release()
        #expect(slots.inFlight == 0)
        #expect(slots.rowsInProgress == 4)
    }

    @Test(.timeLimit(.minutes(1)))
    func closingTurnsAwayWaitersAndLaterCallersButNotTheHolders() async {
        let slots = RequestSlots(limit: 1)
        #expect(await slots.acquire())
        let waiter = Task { await slots.acquire() }
        await Self.waitForWaiters(slots, 1)

        slots.close()

        #expect(await waiter.value == false)
        #expect(await slots.acquire() == false)
        #expect(slots.inFlight == 1)
        slots.release()
        #expect(slots.inFlight == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aCancelledWaiterIsTurnedAwayAndTakesNoSlot() async {
        let slots = RequestSlots(limit: 1)
        #expect(await slots.acquire())
        let waiter = Task { await slots.acquire() }
        await Self.waitForWaiters(slots, 1)

        waiter.cancel()

        #expect(await waiter.value == false)
        #expect(slots.waiting == 0)
        slots.release()
        #expect(slots.inFlight == 0)
        #expect(await slots.acquire())
    }
}
