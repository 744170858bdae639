import Foundation
import PasarCore
import PasarStorage
import Testing

/// Loyalty points spent at once by two processes: the ledger never goes below what was earned.
@Suite("Loyalty points: two processes, one database")
struct LoyaltyConcurrencyTests {
    static let customer = "cust-race"
    static let program = LoyaltyProgram(pointsPerUnit: 1, pointValue: Money(minorUnits: 1, currency: Currency(code: "EUR", minorUnitDigits: 2)), expiresAfterDays: 365)

    /// `StorageFixtures.draft` for the customer, spending `points` when given.
    static func draft(sku: String, quantity: Int64 = 1, points: Int64? = nil) throws -> OrderDraft {
        let base = try StorageFixtures.draft(sku: sku, quantity: quantity)
        var draft = OrderDraft(
            id: base.id, number: base.number, cartID: nil, customerID: customer, email: base.email, market: base.market, channel: base.channel,
            language: base.language, pricesIncludeTax: true, fulfilment: base.fulfilment, stockLocations: base.stockLocations, lines: base.lines,
            totals: base.totals, vouchers: [], payment: base.payment, placedAt: base.placedAt)
        if let points { draft.loyaltyRedemption = OrderDraft.LoyaltyRedemption(points: points, value: try StorageFixtures.euro(points)) }
        return draft
    }

    /// 39 points earned (two units at EUR 19.99); eight checkouts on both processes each spend 10: exactly three go through.
    @Test(arguments: StorageBackend.all)
    func concurrentRedemptionsNeverOverspend(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            try await StorageFixtures.receive("TEA", units: 20, on: processes.first)
            let earning = try await processes.first.orders.place(try Self.draft(sku: "TEA", quantity: 2), idempotencyKey: "earn")
            var paid = OrderStatusChangeRequest(orderID: earning.order.id, target: .paid, actor: "admin", note: nil, captureReference: "capture")
            paid.loyalty = Self.program
            _ = try await processes.second.orders.changeStatus(paid)
            let balance = try await processes.first.loyalty.balance(customerID: Self.customer, market: StorageFixtures.market, now: Date())
            #expect(balance.points == 39)

            let outcomes = await processes.concurrently(8) { stores, index in
                try await stores.orders.place(try Self.draft(sku: "TEA", points: 10), idempotencyKey: "spend-\(index)")
            }
            let placed: [PlacedOrder] = outcomes.successes()
            #expect(placed.count == 3)
            for error in outcomes.failures() {
                guard case .loyaltyInsufficient(let requested, let left)? = error as? OrderStoreError else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(requested == 10 && left == 9)
            }
            for stores in [processes.first, processes.second] {
                #expect(try await stores.loyalty.balance(customerID: Self.customer, market: StorageFixtures.market, now: Date()).points == 9)
            }
            let events = try await processes.first.orders.events(after: 0, limit: 100)
            #expect(events.filter { $0.kind == .loyaltyPointsRedeemed }.count == 3)
            #expect(events.filter { $0.kind == .loyaltyPointsEarned }.map(\.arguments.count) == [39])
            #expect(try await processes.first.inventory.levels(sku: "TEA").first?.reserved == 2 + 3, "a refused checkout reserved nothing")
        }
    }
}
