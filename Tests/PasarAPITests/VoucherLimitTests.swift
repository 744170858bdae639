import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Vouchers limited to groups, channels and a number of uses")
struct VoucherLimitTests {
    static var collectInBerlin: [String: Any] { ["type": "collect", "store": "berlin-mitte"] }

    func putVoucher(_ client: some TestClientProtocol, _ code: String, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: "/v1/admin/vouchers/\(code)", method: .put, headers: OrderClient.admin, body: ByteBuffer(string: body))
    }

    /// 100 carts with a voucher limited to 10 uses check out at once: exactly 10 orders, 90 refusals
    /// naming the voucher; cancelling an order gives its use back.
    @Test func hundredConcurrentCheckoutsRedeemAVoucherLimitedToTenExactlyTenTimes() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            #expect(try await putVoucher(client, "TEN10", #"{"kind": "percentage", "percent": "10", "max_uses": 10}"#).status == .created)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 200)
            var cartIDs: [String] = []
            for _ in 0..<101 {
                let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
                #expect(try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": "ten10"]).status == .ok)
                cartIDs.append(cart.id)
            }
            let spare = cartIDs.removeLast()
            let outcomes = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?, String?, String).self) { group in
                for (index, cart) in cartIDs.enumerated() {
                    group.addTask {
                        let response = try await orders.checkout(cart, fulfilment: Self.collectInBerlin, key: "ten-\(index)")
                        if response.status == .created { return (response.status, try response.json(OrderBody.self).id, nil, cart) }
                        let problem = try response.json(ProblemBody.self)
                        return (response.status, problem.code, problem.field, cart)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let placed = outcomes.filter { $0.0 == .created }
            #expect(placed.count == 10)
            let refused = outcomes.filter { $0.0 != .created }
            #expect(refused.count == 90)
            #expect(refused.allSatisfy { $0.0 == .unprocessableContent && $0.1 == "voucher_used_up" && $0.2 == "vouchers" }, "\(refused.prefix(3))")
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "berlin-mitte")?.reserved == 10, "refused orders reserve nothing")

            // Adding the used-up code to another cart is refused at once.
            let late = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let refusedAdd = try await carts.send(.post, "/v1/carts/\(late.id)/vouchers", body: ["code": "ten10"], language: "de")
            #expect(refusedAdd.status == .unprocessableContent)
            #expect(try refusedAdd.json(ProblemBody.self).detail == "Der Gutschein TEN10 ist bereits vollständig eingelöst.")

            // A cancelled order gives its use back, once.
            let cancelled = try #require(placed.first?.1)
            #expect(try await orders.setStatus(cancelled, "cancelled").status == .ok)
            #expect(try await orders.checkout(spare, fulfilment: Self.collectInBerlin, key: "spare").status == .created)
            let refusedCart = try #require(refused.first?.3)
            let another = try await orders.checkout(refusedCart, fulfilment: Self.collectInBerlin, key: "after")
            #expect(another.status == .unprocessableContent, "the use given back was taken again")
        }
    }

    @Test func aVoucherForStudentsOnTheWebOncePerCustomer() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            let groups = GroupClient(client: client)
            let body = #"{"kind": "fixed", "amounts": {"EUR": "2.00"}, "customer_groups": ["students"], "channels": ["web"], "max_uses_per_customer": 1}"#
            #expect(try await putVoucher(client, "STUDI2", body).status == .created)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 10)
            let customer = try await groups.customer(email: "studi@example.com")

            // Not a student yet: refused when added, naming the reason.
            let first = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: customer)
            let notMember = try await carts.send(.post, "/v1/carts/\(first.id)/vouchers", body: ["code": "studi2"])
            #expect(notMember.status == .unprocessableContent)
            #expect(try notMember.json(ProblemBody.self).code == "voucher_wrong_group")

            #expect(try await groups.setGroup(customer, "students").status == .ok)
            #expect(try await carts.send(.post, "/v1/carts/\(first.id)/vouchers", body: ["code": "studi2"]).status == .ok)
            // At the till the web-only code stops the checkout.
            let atTill = try await orders.checkout(first.id, fulfilment: Self.collectInBerlin, key: "studi-pos", email: nil, channel: "pos")
            #expect(atTill.status == .unprocessableContent)
            #expect(try atTill.json(ProblemBody.self).code == "voucher_wrong_channel")
            let order = try orders.placed(try await orders.checkout(first.id, fulfilment: Self.collectInBerlin, key: "studi-1", email: nil))
            #expect(order.totals.discount.amount == "2.00")

            // Once per customer.
            let second = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: customer)
            let again = try await carts.send(.post, "/v1/carts/\(second.id)/vouchers", body: ["code": "studi2"])
            #expect(try again.json(ProblemBody.self).code == "voucher_already_used")
        }
    }

    @Test(arguments: [
        (#"{"kind": "free_shipping", "customer_groups": ["vip"]}"#, "customer_groups[0]"),
        (#"{"kind": "free_shipping", "customer_groups": []}"#, "customer_groups"),
        (#"{"kind": "free_shipping", "channels": ["fax"]}"#, "channels[0]"),
        (#"{"kind": "free_shipping", "max_uses": 0}"#, "max_uses"),
        (#"{"kind": "free_shipping", "max_uses_per_customer": -1}"#, "max_uses_per_customer"),
        (#"{"kind": "free_shipping", "markets": ["jp"], "customer_groups": ["students"]}"#, "customer_groups[0]"),
    ])
    func badLimitsNameTheField(_ body: String, _ field: String) async throws {
        try await TestServer().run { client in
            let response = try await putVoucher(client, "BADLIMIT", body)
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(try response.json(ProblemBody.self).field == field)
        }
    }
}
