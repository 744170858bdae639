import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Customer group rules: lifetime spend in the market")
struct CustomerGroupRuleTests {
    /// `de` declares `gold` for a paid spend of 100.00 EUR; `gold-tea` costs 60.00, 55.00 for gold customers.
    @Test func theOrderThatCrossesTheThresholdMovesTheCustomerIntoGoldAndARefundOut() async throws {
        try await TestServer().run { client in
            let groups = GroupClient(client: client)
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await groups.product("gold-tea", prices: [["market": "de", "amount": "60.00"], ["market": "de", "amount": "55.00", "customer_group": "gold"]])
            try await orders.receive("GOLD-TEA", at: "berlin-mitte", units: 10)
            let customer = try await groups.customer(email: "gold@example.com")
            @Sendable func buy(_ key: String) async throws -> OrderBody {
                let cart = try await carts.create(market: "de", lines: [("GOLD-TEA", 1)], customer: customer)
                return try orders.placed(try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: key, email: nil))
            }
            let first = try await buy("gold-1")
            #expect(first.totals.total.amount == "60.00")
            #expect(try await orders.setStatus(first.id, "paid").status == .ok)
            #expect(try await groups.groups(customer).isEmpty, "60.00 is below the threshold")

            let second = try await buy("gold-2")
            #expect(try await groups.groups(customer).isEmpty, "an unpaid order counts nothing")
            #expect(try await orders.setStatus(second.id, "paid").status == .ok)
            let gold = try await groups.groups(customer)
            #expect(gold.map(\.code) == ["gold"] && gold.first?.source == "rule" && gold.first?.market == "de")
            // The admin routes leave a rule's membership alone.
            #expect(try await groups.removeGroup(customer, "gold").status == .notFound)

            // A gold customer's next cart has the gold price.
            let next = try await carts.create(market: "de", lines: [("GOLD-TEA", 1)], customer: customer)
            #expect(try await groups.cart(next.id).line("GOLD-TEA")?.unit_price?.amount == "55.00")

            for step in ["ready_for_pickup", "collected"] { #expect(try await orders.setStatus(second.id, step).status == .ok) }
            let returned = try await orders.returnUnits(second.id, lines: [(1, 1)], location: "berlin-mitte", channel: "pos")
            #expect(returned.status == .created, "\(returned.text)")
            #expect(try await groups.groups(customer).isEmpty, "the refund takes the spend back to 60.00")
        }
    }

    @Test func aCancelledPaidOrderCountsNothing() async throws {
        try await TestServer().run { client in
            let groups = GroupClient(client: client)
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await groups.product("gold-tea", prices: [["market": "de", "amount": "120.00"]])
            try await orders.receive("GOLD-TEA", at: "berlin-mitte", units: 2)
            let customer = try await groups.customer(email: "cancel@example.com")
            let cart = try await carts.create(market: "de", lines: [("GOLD-TEA", 1)], customer: customer)
            let order = try orders.placed(try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "c-1", email: nil))
            #expect(try await orders.setStatus(order.id, "paid").status == .ok)
            #expect(try await groups.groups(customer).map(\.code) == ["gold"])
            #expect(try await orders.setStatus(order.id, "cancelled").status == .ok)
            #expect(try await groups.groups(customer).isEmpty)
        }
    }
}
