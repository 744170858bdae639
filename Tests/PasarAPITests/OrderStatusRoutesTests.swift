import Foundation
import HummingbirdTesting
import Testing

@Suite("Order status: invalid transitions are refused")
struct OrderStatusRoutesTests {
    @Test func forbiddenStepsAreConflictsThatSayWhy() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "leipzig-lager", units: 5)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 5)
            let ship: [String: Any] = [
                "type": "ship", "shipping_method": "standard",
                "address": ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"],
            ]
            let shipped = try orders.placed(try await orders.checkout(try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)]).id, fulfilment: ship, key: "s-1"))
            #expect(shipped.stock_location == "leipzig-lager", "ship orders draw from the warehouse first")
            #expect(shipped.payment.method == "bank_transfer")
            try await expect(orders.setStatus(shipped.id, "shipped"), code: "invalid_transition", "placed → shipped skips the payment")
            try await expect(orders.setStatus(shipped.id, "ready_for_pickup"), code: "invalid_transition", "a ship order is never ready for pickup")
            #expect(try await orders.setStatus(shipped.id, "cancelled").status == .ok)
            try await expect(orders.setStatus(shipped.id, "shipped"), code: "invalid_transition", "no shipping a cancelled order")
            try await expect(orders.setStatus(shipped.id, "paid"), code: "invalid_transition", "no paying a cancelled order")
            try await expect(orders.setStatus(shipped.id, "cancelled"), code: "invalid_transition", "cancelled is final")

            let collect = try orders.placed(
                try await orders.checkout(
                    try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)]).id, fulfilment: ["type": "collect", "store": "berlin-mitte"],
                    key: "c-1", payment: ["method": "bank_transfer"]))
            #expect(try await orders.setStatus(collect.id, "ready_for_pickup").status == .ok)
            try await expect(orders.setStatus(collect.id, "collected"), code: "payment_required", "bank transfer must arrive before collection")
            try await expect(orders.setStatus(collect.id, "shipped"), code: "invalid_transition", "a collect order is never shipped")
            let unknown = try await orders.setStatus(collect.id, "teleported")
            #expect(unknown.status == .badRequest)
            #expect(try unknown.json(ProblemBody.self).field == "status")
            let missing = try await orders.setStatus("ord_nope", "paid")
            #expect(missing.status == .notFound)
            let noKey = try await client.execute(
                uri: "/v1/admin/orders/\(collect.id)/status", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["status": "paid"]))
            #expect(noKey.status == .unauthorized)
        }
    }

    private func expect(_ response: TestResponse, code: String, _ why: String) throws {
        #expect(response.status == .conflict, "\(why): \(response.text)")
        #expect(try response.json(ProblemBody.self).code == code, "\(why)")
    }
}
