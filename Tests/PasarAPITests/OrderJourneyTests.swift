import Foundation
import HummingbirdTesting
import PasarTestSupport
import Testing

/// One journey of `Fixtures/orders/journeys.json`: a cart checked out in a market and language,
/// moved through its steps, and the customer messages its events must read as, written out by hand.
struct OrderJourney: Decodable, Sendable, CustomTestStringConvertible {
    struct Fulfilment: Decodable, Sendable {
        struct Address: Decodable, Sendable {
            let name: String
            let line1: String
            let postal_code: String
            let city: String
            let country: String
        }

        let type: String
        let store: String?
        let shipping_method: String?
        let address: Address?

        var json: [String: Any] {
            var value: [String: Any] = ["type": type]
            if let store { value["store"] = store }
            if let shipping_method { value["shipping_method"] = shipping_method }
            if let address {
                value["address"] = [
                    "name": address.name, "line1": address.line1, "postal_code": address.postal_code, "city": address.city, "country": address.country,
                ]
            }
            return value
        }
    }

    let name: String
    let market: String
    let language: String
    let channel: String
    let sku: String
    let quantity: Int
    let fulfilment: Fulfilment
    let stock_location: String
    let steps: [String]
    let total: String
    let messages: [String]

    var testDescription: String { name }
}

@Suite("Order journeys over HTTP: checkout, status steps, stock and localized notifications")
struct OrderJourneyTests {
    @Test(arguments: Fixtures.decode([OrderJourney].self, from: "orders/journeys.json"))
    func journey(_ journey: OrderJourney) async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive(journey.sku, at: journey.stock_location, units: 10)
            let cart = try await carts.create(
                market: journey.market, channel: journey.channel, lines: [(journey.sku, journey.quantity)], language: journey.language)
            let order = try orders.placed(
                try await orders.checkout(
                    cart.id, fulfilment: journey.fulfilment.json, key: UUID().uuidString, channel: journey.channel, language: journey.language))
            #expect(order.status == "placed")
            #expect(order.language == journey.language && order.channel == journey.channel && order.market == journey.market)
            #expect(order.totals.total.amount == journey.total)
            #expect(order.stock_location == journey.stock_location)
            let reserved = try await orders.stock(journey.sku, at: journey.stock_location)
            #expect(reserved?.on_hand == 10 && reserved?.reserved == journey.quantity, "placing reserves the units")

            var current = order
            for step in journey.steps {
                let response = try await orders.setStatus(order.id, step)
                #expect(response.status == .ok, "\(step): \(response.text)")
                current = try response.json(OrderBody.self)
                #expect(current.status == step)
            }
            let final = try await orders.stock(journey.sku, at: journey.stock_location)
            if journey.steps.last == "cancelled" {
                #expect(final?.on_hand == 10 && final?.reserved == 0, "cancelling gives the units back")
            } else {
                #expect(final?.on_hand == 10 - journey.quantity && final?.reserved == 0, "shipping or collecting takes them off the shelf")
                #expect(current.payment.paid_at != nil)
            }
            let expected = journey.messages.map { $0.replacingOccurrences(of: "{order}", with: order.number) }
            let messages = try await orders.messages(of: order)
            #expect(messages.count == expected.count, "\(messages)")
            for (message, wanted) in zip(messages, expected) { #expect(message == wanted) }

            let cartAfter = try await carts.get(cart.id, channel: journey.channel)
            #expect(cartAfter.status == "checked_out")
        }
    }

    @Test func theOrderIsASnapshotOfTheCart() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "leipzig-lager", units: 5)
            try await orders.receive("TEA-RIZE-BLACK-500G", at: "leipzig-lager", units: 5)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2), ("TEA-RIZE-BLACK-500G", 1)], language: "de")
            _ = try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": "WELCOME10"], language: "de")
            _ = try await carts.send(.put, "/v1/carts/\(cart.id)/shipping", body: ["method": "express"], language: "de")
            let shown = try await carts.get(cart.id, language: "de")
            let order = try orders.placed(
                try await orders.checkout(
                    cart.id,
                    fulfilment: [
                        "type": "ship", "shipping_method": "express",
                        "address": ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"],
                    ], key: "snapshot-1", language: "de"))
            #expect(order.totals.total == shown.totals.total, "the order charges what the cart showed")
            #expect(order.totals.discount == shown.totals.discount)
            #expect(order.totals.shipping == shown.totals.shipping)
            #expect(order.lines.map(\.total) == shown.lines.map { $0.total! })
            #expect(order.lines.map(\.name) == ["Schwarzer Tee aus Rize", "Schwarzer Tee aus Rize"])
            let lineSum = sumDecimals(order.lines.map(\.total.amount) + [order.totals.shipping.amount])
            #expect(lineSum == order.totals.total.amount, "lines and shipping add up to the total")
            // Later price changes do not touch the order.
            let again = try await client.execute(uri: "/v1/orders/\(order.id)", method: .get) { try $0.json(OrderBody.self) }
            #expect(again.totals.total == order.totals.total && again.lines.count == 2)
        }
    }
}
