import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

private var collectInBerlin: [String: Any] { ["type": "collect", "store": "berlin-mitte"] }

@Suite("Checkout: idempotent, atomic with the stock, and never oversold")
struct CheckoutTests {
    @Test func retryingWithTheSameKeyReturnsTheSameOrder() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 5)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2)])
            let first = try await orders.checkout(cart.id, fulfilment: collectInBerlin, key: "retry-me")
            #expect(first.status == .created)
            #expect(first.headers[.location]?.hasPrefix("/v1/orders/ord_") == true)
            let placed = try first.json(OrderBody.self)
            let retried = try await orders.checkout(cart.id, fulfilment: collectInBerlin, key: "retry-me")
            #expect(retried.status == .ok, "\(retried.text)")
            #expect(try retried.json(OrderBody.self).id == placed.id)
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "berlin-mitte")?.reserved == 2, "reserved once")
            #expect(try await orders.events().events.filter { $0.type == "order_placed" }.count == 1)

            let otherKey = try await orders.checkout(cart.id, fulfilment: collectInBerlin, key: "another-key")
            #expect(otherKey.status == .conflict)
            #expect(try otherKey.json(ProblemBody.self).code == "cart_not_active")
            let otherCart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let reused = try await orders.checkout(otherCart.id, fulfilment: collectInBerlin, key: "retry-me")
            #expect(reused.status == .unprocessableContent)
            #expect(try reused.json(ProblemBody.self).field == "Idempotency-Key")
        }
    }

    /// 100 carts check out at once for a SKU with 10 units at the store: exactly 10 orders, and
    /// 90 clear out-of-stock problems naming the SKU.
    @Test func hundredCheckoutsForTenUnitsPlaceTenOrders() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 10)
            var cartIDs: [String] = []
            for index in 0..<100 {
                cartIDs.append(try await carts.create(market: "de", channel: ["web", "mobile", "pos"][index % 3], lines: [("TEA-RIZE-BLACK-250G", 1)]).id)
            }
            struct OutOfStock: Decodable {
                let code: String
                let sku: String?
            }
            let outcomes = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?, String?).self) { group in
                for (index, cart) in cartIDs.enumerated() {
                    group.addTask {
                        let response = try await orders.checkout(cart, fulfilment: collectInBerlin, key: "rush-\(index)")
                        let problem = response.status == .created ? nil : try? response.json(OutOfStock.self)
                        return (response.status, problem?.code, problem?.sku)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0.0 == .created }.count == 10)
            let refused = outcomes.filter { $0.0 != .created }
            #expect(refused.count == 90)
            #expect(refused.allSatisfy { $0.0 == .conflict && $0.1 == "out_of_stock" && $0.2 == "TEA-RIZE-BLACK-250G" }, "\(refused.prefix(3))")
            let level = try await orders.stock("TEA-RIZE-BLACK-250G", at: "berlin-mitte")
            #expect(level?.on_hand == 10 && level?.reserved == 10 && level?.available == 0)
            #expect(try await orders.events().events.filter { $0.type == "order_placed" }.count == 10)
            // A refused checkout leaves its cart open to try again elsewhere; a placed one closes it.
            let statuses = try await withThrowingTaskGroup(of: String.self) { group in
                for cart in cartIDs { group.addTask { try await carts.get(cart).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == "active" }.count == 90)
            #expect(statuses.filter { $0 == "checked_out" }.count == 10)
        }
    }

    /// Leipzig has one of the two lines only: its partial reservation is rolled back and the order
    /// ships from the first store that has both.
    @Test func aShipOrderComesFromTheFirstLocationWithEveryLine() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "leipzig-lager", units: 5)
            for location in ["hamburg-lager", "muenchen-maxvorstadt"] {
                try await orders.receive("TEA-RIZE-BLACK-250G", at: location, units: 1)
                try await orders.receive("TEA-RIZE-BLACK-500G", at: location, units: 1)
            }
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1), ("TEA-RIZE-BLACK-500G", 1)])
            let order = try orders.placed(
                try await orders.checkout(
                    cart.id,
                    fulfilment: [
                        "type": "ship", "shipping_method": "standard",
                        "address": ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"],
                    ], key: "split-1"))
            #expect(order.stock_location == "hamburg-lager", "market file order: warehouses, then stores")
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "leipzig-lager")?.reserved == 0, "nothing left reserved where the order could not be filled")
            #expect(try await orders.stock("TEA-RIZE-BLACK-500G", at: "hamburg-lager")?.reserved == 1)
            #expect(try await orders.stock("TEA-RIZE-BLACK-500G", at: "muenchen-maxvorstadt")?.reserved == 0)
        }
    }

    @Test(arguments: [
        (#"{"fulfilment": {"type": "teleport"}}"#, "fulfilment.type"),
        (#"{"fulfilment": {"type": "collect"}}"#, "fulfilment.store"),
        (#"{"fulfilment": {"type": "collect", "store": "hamburg-lager"}}"#, "fulfilment.store"),
        (#"{"fulfilment": {"type": "collect", "store": "london-soho"}}"#, "fulfilment.store"),
        (#"{"fulfilment": {"type": "ship", "shipping_method": "standard"}}"#, "fulfilment.address"),
        (#"{"fulfilment": {"type": "ship", "shipping_method": "zeppelin", "address": {"name": "A", "line1": "B", "postal_code": "1", "city": "C", "country": "DE"}}}"#, "fulfilment.shipping_method"),
        (#"{"fulfilment": {"type": "ship", "shipping_method": "standard", "address": {"name": "A", "line1": "B", "postal_code": "1", "city": "C", "country": "FR"}}}"#, "fulfilment.address.country"),
        (#"{"fulfilment": {"type": "ship", "shipping_method": "standard", "address": {"name": "A", "line1": "B", "city": "C", "country": "DE"}}}"#, "fulfilment.address.postal_code"),
        (#"{"fulfilment": {"type": "collect", "store": "berlin-mitte"}, "email": "a@example.com", "payment": {"method": "cheque"}}"#, "payment.method"),
        (#"{"fulfilment": {"type": "collect", "store": "berlin-mitte"}, "email": "not-an-email"}"#, "email"),
        (#"{"fulfilment": {"type": "collect", "store": "berlin-mitte"}}"#, "email"),
        (#"[1, 2]"#, "body"),
        (#"{"fulfilment": {"type": "collect", "store": "berlin-mitte"}, "emial": "a@example.com"}"#, "emial"),
        (#"{"fulfilment": {"type": "collect", "stor": "berlin-mitte"}, "email": "a@example.com"}"#, "fulfilment.stor"),
    ])
    func badCheckoutsNameTheField(_ body: String, _ field: String) async throws {
        try await TestServer().run { client in
            let cart = try await CartClient(client: client).create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let response = try await client.execute(
                uri: "/v1/carts/\(cart.id)/checkout", method: .post, headers: [.contentType: "application/json", .idempotencyKey: "bad-1"],
                body: .init(string: body))
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(try response.json(ProblemBody.self).field == field)
        }
    }

    @Test func theIdempotencyKeyIsRequired() async throws {
        try await TestServer().run { client in
            let cart = try await CartClient(client: client).create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let response = try await client.execute(
                uri: "/v1/carts/\(cart.id)/checkout", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["fulfilment": collectInBerlin, "email": "a@example.com"]))
            #expect(response.status == .badRequest)
            let problem = try response.json(ProblemBody.self)
            #expect(problem.field == "Idempotency-Key" && problem.code == "invalid_field")
        }
    }
}
