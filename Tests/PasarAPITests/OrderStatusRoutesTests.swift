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

    @Test func shippingRecordsTheParcelsCarrierAndTrackingNumber() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "leipzig-lager", units: 5)
            let ship: [String: Any] = [
                "type": "ship", "shipping_method": "standard",
                "address": ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"],
            ]
            let order = try orders.placed(try await orders.checkout(try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2)]).id, fulfilment: ship, key: "t-1"))
            let status = { (body: [String: Any]) in
                try await client.execute(uri: "/v1/admin/orders/\(order.id)/status", method: .post, headers: OrderClient.admin, body: try CartClient.json(body))
            }
            #expect(try await status(["status": "paid", "carrier": "DHL", "tracking_number": "1"]).status == .badRequest, "tracking belongs to shipping")
            #expect(try await status(["status": "paid"]).status == .ok)
            for (body, field) in [
                (["status": "shipped", "carrier": "DHL"], "tracking_number"), (["status": "shipped", "carrier": "DHL", "tracking_number": "00 34"], "tracking_number"),
                (["status": "shipped", "carrier": "DHL", "tracking_number": "0034", "tracking_url": "ftp://dhl.de/0034"], "tracking_url"),
                (["status": "shipped", "tracking_number": "0034"], "carrier"),
            ] {
                let refused = try await status(body)
                #expect(refused.status == .badRequest && (try? refused.json(ProblemBody.self).field) == field, "\(body): \(refused.text)")
            }
            let shipped = try await status(["status": "shipped", "carrier": "DHL", "tracking_number": "00340434161094042557", "tracking_url": "https://dhl.example/t/0034"])
            #expect(shipped.status == .ok, "\(shipped.text)")
            #expect(try await status(["status": "delivered"]).status == .ok)
            let read = try await client.execute(uri: "/v1/orders/\(order.id)", method: .get) { try $0.json(ShippedOrderBody.self) }
            #expect(read.shipments.map(\.carrier) == ["DHL"] && read.shipments.first?.tracking_number == "00340434161094042557")
            #expect(read.shipments.first?.location == "leipzig-lager" && read.shipments.first?.tracking_url == "https://dhl.example/t/0034")
            let event = try await orders.events().events.first { $0.type == "order_shipped" && $0.order_id == order.id }
            #expect(event?.carrier == "DHL" && event?.tracking_number == "00340434161094042557")
        }
    }

    @Test func aShipOrderDrawsFromTheNearestLocationThatHasEveryLine() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 10)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "geneve-rive", units: 5)
            func ship(_ address: [String: Any], key: String, quantity: Int = 1) async throws -> TestResponse {
                var full: [String: Any] = ["name": "Léa Martin", "line1": "Rue du Rhône 1", "city": "Genève", "country": "CH", "postal_code": "1204"]
                full.merge(address) { $1 }
                return try await orders.checkout(
                    try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", quantity)]).id,
                    fulfilment: ["type": "ship", "shipping_method": "standard", "address": full], key: key)
            }
            // Coordinates decide: Lausanne is nearer Geneva, Winterthur nearer Zürich, whatever the postal code says.
            #expect(try orders.placed(try await ship(["latitude": 46.5197, "longitude": 6.6323, "postal_code": "1003"], key: "r-1")).stock_location == "geneve-rive")
            #expect(try orders.placed(try await ship(["latitude": 47.4988, "longitude": 8.7237, "postal_code": "1204"], key: "r-2")).stock_location == "zurich-hb")
            // Without coordinates the postal code's prefix decides; with none matching, the market's order (Zürich first).
            #expect(try orders.placed(try await ship(["postal_code": "1204"], key: "r-3")).stock_location == "geneve-rive")
            #expect(try orders.placed(try await ship(["postal_code": "3011"], key: "r-4")).stock_location == "zurich-hb")
            // The nearest that has every line: Geneva has 3 of its 5 left, so 4 units come from Zürich (8 of 10 left).
            #expect(try orders.placed(try await ship(["latitude": 46.2, "longitude": 6.15], key: "r-5", quantity: 4)).stock_location == "zurich-hb")
            let half = try await ship(["latitude": 46.2], key: "r-6")
            #expect(half.status == .badRequest && (try? half.json(ProblemBody.self).field) == "fulfilment.address.longitude", "\(half.text)")
            let far = try await ship(["latitude": 146.2, "longitude": 6.15], key: "r-7")
            #expect(far.status == .badRequest && (try? far.json(ProblemBody.self).field) == "fulfilment.address.latitude", "\(far.text)")
        }
    }

    private func expect(_ response: TestResponse, code: String, _ why: String) throws {
        #expect(response.status == .conflict, "\(why): \(response.text)")
        #expect(try response.json(ProblemBody.self).code == code, "\(why)")
    }
}

private struct ShippedOrderBody: Decodable {
    struct Shipment: Decodable {
        let location: String
        let carrier: String
        let tracking_number: String
        let tracking_url: String?
    }

    let shipments: [Shipment]
}
