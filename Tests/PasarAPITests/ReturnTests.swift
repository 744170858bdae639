import Foundation
import HummingbirdTesting
import PasarTestSupport
import Testing

/// `Fixtures/orders/cross-channel-return.json`: an order bought on the web with a voucher, returned
/// in two parts through other channels, with the refunds and messages written out by hand.
struct CrossChannelReturn: Decodable, Sendable {
    struct Step: Decodable, Sendable {
        let channel: String
        let location: String
        let quantity: Int
        let refund: String
        let tax: String
        let messages: [String]
    }

    let market: String
    let language: String
    let sku: String
    let quantity: Int
    let voucher: String
    let store: String
    let paid: String
    let tax: String
    let returns: [Step]
}

@Suite("Returns in any channel, refunded exactly")
struct ReturnTests {
    @Test func returnsFromOtherChannelsRefundExactlyWhatWasPaid() async throws {
        let fixture = Fixtures.decode(CrossChannelReturn.self, from: "orders/cross-channel-return.json")
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive(fixture.sku, at: fixture.store, units: 10)
            let cart = try await carts.create(market: fixture.market, channel: "web", lines: [(fixture.sku, fixture.quantity)], language: fixture.language)
            _ = try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": fixture.voucher], language: fixture.language)
            let order = try orders.placed(
                try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": fixture.store], key: "return-1", language: fixture.language))
            #expect(order.totals.total.amount == fixture.paid)
            #expect(order.lines[0].tax.amount == fixture.tax)
            let early = try await orders.returnUnits(order.id, lines: [(1, 1)], location: fixture.store, channel: "pos")
            #expect(early.status == .conflict)
            #expect(try early.json(ProblemBody.self).code == "not_returnable")
            for step in ["paid", "ready_for_pickup", "collected"] { #expect(try await orders.setStatus(order.id, step).status == .ok) }
            let eventsBefore = try await orders.events().next_cursor

            var refunds: [String] = []
            var taxes: [String] = []
            for step in fixture.returns {
                let before = try await orders.stock(fixture.sku, at: step.location)?.on_hand ?? 0
                let response = try await orders.returnUnits(order.id, lines: [(1, step.quantity)], location: step.location, channel: step.channel)
                #expect(response.status == .created, "\(response.text)")
                let record = try response.json(ReturnBody.self)
                #expect(record.channel == step.channel && record.channel != order.channel)
                #expect(record.refund.amount == step.refund)
                #expect(record.refund_tax.amount == step.tax)
                #expect(record.payment_reference != nil)
                refunds.append(record.refund.amount)
                taxes.append(record.refund_tax.amount)
                #expect(try await orders.stock(fixture.sku, at: step.location)?.on_hand == before + step.quantity, "restocked where it came back")
            }
            #expect(sumDecimals(refunds) == fixture.paid, "every unit returned: exactly what was paid, nothing lost to rounding")
            #expect(sumDecimals(taxes) == fixture.tax)
            let after = try await client.execute(uri: "/v1/orders/\(order.id)", method: .get) { try $0.json(OrderBody.self) }
            #expect(after.refunded.amount == fixture.paid && after.lines[0].returned_quantity == fixture.quantity)

            let more = try await orders.returnUnits(order.id, lines: [(1, 1)], location: fixture.store, channel: "web")
            #expect(more.status == .unprocessableContent, "never more than paid: \(more.text)")
            let messages = try await orders.events(after: eventsBefore).events.filter { $0.order_id == order.id }.map(\.message)
            #expect(messages == fixture.returns.flatMap(\.messages).map { $0.replacingOccurrences(of: "{order}", with: order.number) })
        }
    }

    @Test func badReturnsNameTheField() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 2)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let order = try orders.placed(try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "r-2"))
            for (lines, location, field) in [([(2, 1)], "berlin-mitte", "lines[0].line"), ([(1, 0)], "berlin-mitte", "lines[0].quantity"),
                                             ([(1, 1)], "london-soho", "location"), ([], "berlin-mitte", "lines")] {
                let response = try await orders.returnUnits(order.id, lines: lines, location: location, channel: "pos")
                #expect(response.status == .badRequest, "\(response.text)")
                #expect(try response.json(ProblemBody.self).field == field)
            }
            let wrongChannel = try await orders.returnUnits(order.id, lines: [(1, 1)], location: "berlin-mitte", channel: "fax")
            #expect(try wrongChannel.json(ProblemBody.self).field == "Pasar-Channel")
        }
    }

    @Test func cancellingAPaidOrderRefundsItInFull() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 2)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2)], language: "de")
            let order = try orders.placed(
                try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "cancel-1", language: "de"))
            #expect(try await orders.setStatus(order.id, "paid").status == .ok)
            let cancelled = try await orders.setStatus(order.id, "cancelled")
            #expect(cancelled.status == .ok)
            let body = try cancelled.json(OrderBody.self)
            #expect(body.refunded == body.totals.total)
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "berlin-mitte")?.available == 2)
            let messages = try await orders.messages(of: order)
            #expect(messages.suffix(2) == ["Ihre Bestellung \(order.number) wurde storniert.", "Wir haben Ihnen 13,80\u{a0}€ für die Bestellung \(order.number) erstattet."])
        }
    }
}
