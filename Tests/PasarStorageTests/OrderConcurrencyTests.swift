import Foundation
import PasarCore
import PasarStorage
import Synchronization
import Testing

/// Orders, stock and the outbox written at once by two processes sharing one database.
@Suite("Orders and stock: two processes, one database")
struct OrderConcurrencyTests {
    /// Checkouts racing for scarce stock from both processes sell exactly what is on hand; a refused one leaves its cart open.
    @Test(arguments: StorageBackend.all)
    func scarceStockIsNeverOversold(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            try await StorageFixtures.receive("LAMP", units: 10, on: processes.first)
            var cartIDs: [String] = []
            for _ in 0..<40 { cartIDs.append(try await StorageFixtures.cart(on: processes.first).id) }
            let outcomes = await processes.concurrently(40) { [cartIDs] stores, index in
                try await stores.orders.place(
                    StorageFixtures.draft(cartID: cartIDs[index], sku: "LAMP"), idempotencyKey: "checkout-\(index)")
            }
            let placed: [PlacedOrder] = outcomes.successes()
            #expect(placed.count == 10)
            #expect(placed.allSatisfy { $0.created })
            let failures = outcomes.failures()
            #expect(failures.count == 30)
            for error in failures {
                #expect(error as? OrderStoreError == .outOfStock(sku: "LAMP", location: StorageFixtures.store), "\(error)")
            }
            let level = StockLevel(location: StorageFixtures.store, sku: "LAMP", onHand: 10, reserved: 10)
            for stores in [processes.first, processes.second] {
                #expect(try await stores.inventory.levels(sku: "LAMP") == [level])
            }
            for (index, outcome) in outcomes.enumerated() {
                let cart = try #require(try await processes.second.carts.cart(id: cartIDs[index]))
                #expect(cart.status == ((try? outcome.get()) == nil ? .active : .checkedOut))
            }
        }
    }

    /// A checkout retried at once under one idempotency key places one order, reserves once, and every retry gets that order.
    @Test(arguments: StorageBackend.all)
    func sameIdempotencyKeyPlacesOneOrder(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            try await StorageFixtures.receive("LAMP", units: 100, on: processes.first)
            let cart = try await StorageFixtures.cart(on: processes.first)
            let outcomes = await processes.concurrently(10) { stores, _ in
                try await stores.orders.place(StorageFixtures.draft(cartID: cart.id, sku: "LAMP", quantity: 3), idempotencyKey: "checkout-once")
            }
            #expect(outcomes.failures().isEmpty, "\(outcomes.failures())")
            let placed: [PlacedOrder] = outcomes.successes()
            #expect(placed.filter(\.created).count == 1)
            #expect(Set(placed.map(\.order.id)).count == 1)
            #expect(try await processes.second.inventory.levels(sku: "LAMP").map(\.reserved) == [3])
            let events = try await processes.second.orders.events(after: 0, limit: 100)
            #expect(events.filter { $0.kind == .orderPlaced }.map(\.orderID) == [placed[0].order.id])
        }
    }

    /// Checkouts of one cart under different keys, at once: one order, every other one is told the cart is no longer active.
    @Test(arguments: StorageBackend.all)
    func oneOrderPerCart(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            try await StorageFixtures.receive("LAMP", units: 100, on: processes.first)
            let cart = try await StorageFixtures.cart(on: processes.first)
            let outcomes = await processes.concurrently(10) { stores, index in
                try await stores.orders.place(StorageFixtures.draft(cartID: cart.id, sku: "LAMP"), idempotencyKey: "checkout-\(index)")
            }
            let placed: [PlacedOrder] = outcomes.successes()
            #expect(placed.count == 1)
            #expect(outcomes.failures().map { $0 as? OrderStoreError } == Array(repeating: .cartNotActive(cart.id), count: 9))
            #expect(try await processes.second.inventory.levels(sku: "LAMP").map(\.reserved) == [1])
        }
    }

    /// One status step asked for at once from both processes happens once; the others get the same `transition` error anywhere.
    @Test(arguments: StorageBackend.all)
    func statusStepHappensOnce(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            try await StorageFixtures.receive("LAMP", units: 5, on: processes.first)
            let order = try await processes.first.orders.place(StorageFixtures.draft(sku: "LAMP"), idempotencyKey: "checkout").order
            let outcomes = await processes.concurrently(10) { stores, index in
                try await stores.orders.changeStatus(
                    OrderStatusChangeRequest(orderID: order.id, target: .paid, actor: "admin", note: nil, captureReference: "capture-\(index)"))
            }
            let moved: [Order] = outcomes.successes()
            #expect(moved.count == 1)
            let refusal = OrderStoreError.transition(OrderTransitionError(from: .paid, to: .paid, reason: .alreadyThere))
            #expect(outcomes.failures().map { $0 as? OrderStoreError } == Array(repeating: refusal, count: 9))
            let stored = try #require(try await processes.second.orders.order(id: order.id))
            #expect(stored.history.map(\.status) == [.placed, .paid])
            let events = try await processes.second.orders.events(after: 0, limit: 100)
            #expect(events.map(\.kind) == [.orderPlaced, .orderPaid])
        }
    }

    /// Returns racing for more units than were bought stop at what was bought, refunded to the minor unit and back on the shelf.
    @Test(arguments: StorageBackend.all)
    func returnsNeverExceedWhatWasBought(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            try await StorageFixtures.receive("LAMP", units: 20, on: processes.first)
            let draft = try StorageFixtures.draft(sku: "LAMP", quantity: 7, discount: 100)
            let order = try await processes.first.orders.place(draft, idempotencyKey: "checkout").order
            try await StorageFixtures.collect(order.id, on: processes.first)
            let outcomes = await processes.concurrently(10) { stores, index in
                try await stores.orders.recordReturn(
                    ReturnRequest(
                        id: "return-\(index)", orderID: order.id, channel: "pos", location: StorageFixtures.store, reason: nil,
                        lines: [.init(lineNumber: 1, quantity: 2)]))
            }
            let returns: [OrderReturn] = outcomes.successes()
            #expect(returns.count == 3)
            let refusal = OrderStoreError.refund(line: 1, .moreThanBought(remaining: 1))
            #expect(outcomes.failures().map { $0 as? OrderStoreError } == Array(repeating: refusal, count: 7))
            let line = draft.lines[0].paid(pricesIncludeTax: true)
            let owed = try RefundCalculator.refund(line, alreadyReturned: 0, returning: 6).gross
            let stored = try #require(try await processes.second.orders.order(id: order.id))
            #expect(stored.lines[0].returnedQuantity == 6)
            #expect(stored.refunded == owed)
            #expect(stored.refunded.minorUnits <= stored.totals.total.minorUnits)
            #expect(returns.reduce(0) { $0 + $1.refund.minorUnits } == owed.minorUnits)
            #expect(try await processes.second.orders.returns(orderID: order.id).count == 3)
            #expect(
                try await processes.second.inventory.levels(sku: "LAMP")
                    == [StockLevel(location: StorageFixtures.store, sku: "LAMP", onHand: 20 - 7 + 6, reserved: 0)])
        }
    }

    /// Concurrent placements append one `order_placed` each, in increasing sequence, and a reader following the cursor misses none.
    @Test(arguments: StorageBackend.all)
    func outboxKeepsEveryEventInOrder(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            try await StorageFixtures.receive("LAMP", units: 100, on: processes.first)
            let count = 30
            let placing = RunningFlag()
            async let followed = Self.follow(processes.second.orders, while: { placing.isRunning })
            let outcomes = await processes.concurrently(count) { stores, index in
                try await stores.orders.place(StorageFixtures.draft(sku: "LAMP"), idempotencyKey: "checkout-\(index)")
            }
            placing.stop()
            let seen = try await followed
            #expect(outcomes.failures().isEmpty, "\(outcomes.failures())")
            let placed: [PlacedOrder] = outcomes.successes()
            for stores in [processes.first, processes.second] {
                let events = try await stores.orders.events(after: 0, limit: 1000)
                #expect(zip(events, events.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
                let placedEvents = events.filter { $0.kind == .orderPlaced }
                #expect(placedEvents.count == count)
                #expect(Set(placedEvents.map(\.orderID)) == Set(placed.map(\.order.id)))
                #expect(seen == events.map(\.sequence))
            }
        }
    }

    /// Reads the outbox page by page after its cursor while `isRunning`, then once more to the end;
    /// returns every sequence number seen, in reading order.
    private static func follow(_ orders: any OrderStore, while isRunning: @escaping @Sendable () -> Bool) async throws -> [Int64] {
        var seen: [Int64] = []
        var running = true
        while true {
            let page = try await orders.events(after: seen.last ?? 0, limit: 7)
            seen += page.map(\.sequence)
            if page.isEmpty {
                if !running { return seen }
                running = isRunning()
                await Task.yield()
            }
        }
    }
}

/// Tells a reader whether the writers it watches are still at work.
private final class RunningFlag: Sendable {
    private let running = Mutex(true)

    var isRunning: Bool { running.withLock { $0 } }

    func stop() { running.withLock { $0 = false } }
}
