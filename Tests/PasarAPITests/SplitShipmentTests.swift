import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Orders no single location can fill: in a market with `shipment_policy: allow_split` (de) they
/// leave in one shipment per location, each shipped, tracked, delivered or cancelled on its own.
@Suite("Split shipments")
struct SplitShipmentTests {
    static var address: [String: Any] {
        [
            "type": "ship", "shipping_method": "standard",
            "address": ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"],
        ]
    }

    /// 250 g only in Leipzig, 500 g only in Berlin: an order of both, placed and paid.
    private func splitOrder(_ client: any TestClientProtocol, key: String) async throws -> OrderBody {
        let carts = CartClient(client: client)
        let orders = OrderClient(client: client)
        let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2), ("TEA-RIZE-BLACK-500G", 1)])
        let order = try orders.placed(try await orders.checkout(cart.id, fulfilment: Self.address, key: key))
        #expect(try await orders.setStatus(order.id, "paid").status == .ok)
        return order
    }

    private func stock(_ client: any TestClientProtocol) async throws {
        let orders = OrderClient(client: client)
        try await orders.receive("TEA-RIZE-BLACK-250G", at: "leipzig-lager", units: 5)
        try await orders.receive("TEA-RIZE-BLACK-500G", at: "berlin-mitte", units: 5)
    }

    private func shipment(
        _ client: any TestClientProtocol, _ order: String, _ number: Any, _ body: [String: Any]
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/admin/orders/\(order)/shipments/\(number)/status", method: .post, headers: OrderClient.admin, body: try CartClient.json(body))
    }

    @Test func aSplitShipmentLeavesWithTwoTrackingNumbers() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            try await stock(client)
            let order = try await splitOrder(client, key: "split-1")
            let placed = try await client.execute(uri: "/v1/orders/\(order.id)", method: .get) { try $0.json(SplitOrderBody.self) }
            #expect(placed.shipments.map(\.location) == ["leipzig-lager", "berlin-mitte"] && placed.shipments.map(\.lines) == [[1], [2]])
            #expect(placed.shipments.map(\.status) == ["pending", "pending"] && placed.stock_location == "leipzig-lager")
            #expect(try await orders.stock("TEA-RIZE-BLACK-500G", at: "berlin-mitte")?.reserved == 1)

            // One tracking number cannot name two parcels.
            let both = try await client.execute(
                uri: "/v1/admin/orders/\(order.id)/status", method: .post, headers: OrderClient.admin,
                body: try CartClient.json(["status": "shipped", "carrier": "DHL", "tracking_number": "0034"]))
            #expect(both.status == .badRequest && (try? both.json(ProblemBody.self).field) == "tracking_number", "\(both.text)")

            let first = try await shipment(client, order.id, 1, ["status": "shipped", "carrier": "DHL", "tracking_number": "00340434161094042557"])
            #expect(first.status == .ok, "\(first.text)")
            let partly = try first.json(SplitOrderBody.self)
            #expect(partly.status == "partially_shipped" && partly.next_statuses == ["shipped"])
            #expect(partly.shipments.map(\.status) == ["shipped", "pending"])
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "leipzig-lager").map { [$0.on_hand, $0.reserved] } == [3, 0])
            // What has not left cannot come back.
            let early = try await orders.returnUnits(order.id, lines: [(2, 1)], location: "berlin-mitte", channel: "pos")
            #expect(early.status == .conflict && (try? early.json(ProblemBody.self).field) == "lines", "\(early.text)")
            #expect(try await orders.returnUnits(order.id, lines: [(1, 1)], location: "berlin-mitte", channel: "pos").status == .created)

            let second = try await shipment(client, order.id, 2, ["status": "shipped", "carrier": "Hermes", "tracking_number": "H1234567890"])
            let shipped = try second.json(SplitOrderBody.self)
            #expect(shipped.status == "shipped" && shipped.shipments.map(\.tracking_number) == ["00340434161094042557", "H1234567890"])
            #expect(shipped.shipments.map(\.carrier) == ["DHL", "Hermes"])
            #expect(try await orders.stock("TEA-RIZE-BLACK-500G", at: "berlin-mitte").map { [$0.on_hand, $0.reserved] } == [4, 0])
            let again = try await shipment(client, order.id, 2, ["status": "shipped"])
            #expect(again.status == .conflict && (try? again.json(ProblemBody.self).code) == "invalid_transition", "\(again.text)")

            let events = try await orders.events().events.filter { $0.order_id == order.id && $0.type == "order_shipped" }
            #expect(events.map(\.tracking_number) == ["00340434161094042557", "H1234567890"])
            #expect(events.map(\.message) == ["Your 2 items have shipped.", "Your 1 item has shipped."])

            #expect(try await shipment(client, order.id, 1, ["status": "delivered"]).json(SplitOrderBody.self).status == "shipped")
            #expect(try await shipment(client, order.id, 2, ["status": "delivered"]).json(SplitOrderBody.self).status == "delivered")
        }
    }

    @Test func aCancelledShipmentIsRefundedOnItsOwnAndShippingOnlyWithTheWholeOrder() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            try await stock(client)
            let order = try await splitOrder(client, key: "split-2")
            #expect(try await shipment(client, order.id, 1, ["status": "shipped"]).status == .ok)
            let cancelled = try await shipment(client, order.id, 2, ["status": "cancelled", "note": "broken jar"])
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            let rest = try cancelled.json(SplitOrderBody.self)
            // Everything left has shipped; the cancelled line is refunded, shipping (4.90) stays charged.
            #expect(rest.status == "shipped" && rest.shipments.map(\.status) == ["shipped", "cancelled"])
            #expect(rest.refunded.amount == order.lines[1].total.amount && order.totals.shipping.amount == "4.90")
            #expect(try await orders.stock("TEA-RIZE-BLACK-500G", at: "berlin-mitte").map { [$0.on_hand, $0.reserved] } == [5, 0])
            let messages = try await orders.events().events.filter { $0.order_id == order.id }.map(\.type)
            #expect(messages.suffix(2) == ["shipment_cancelled", "refund_issued"])

            // Cancelling every shipment cancels the order and refunds all of it, shipping included.
            let whole = try await splitOrder(client, key: "split-3")
            let one = try await shipment(client, whole.id, 1, ["status": "cancelled"]).json(SplitOrderBody.self)
            #expect(one.status == "paid" && one.refunded.amount == whole.lines[0].total.amount)
            let all = try await shipment(client, whole.id, 2, ["status": "cancelled"]).json(SplitOrderBody.self)
            #expect(all.status == "cancelled" && all.refunded.amount == whole.totals.total.amount)
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "leipzig-lager").map { [$0.on_hand, $0.reserved] } == [3, 0])
        }
    }

    @Test func oneLocationWithEverythingStillGivesOneShipment() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            try await stock(client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 3)
            let order = try await splitOrder(client, key: "split-4")
            let read = try await client.execute(uri: "/v1/orders/\(order.id)", method: .get) { try $0.json(SplitOrderBody.self) }
            #expect(read.shipments.map(\.location) == ["berlin-mitte"] && read.shipments.map(\.lines) == [[1, 2]])
            // Order-wide steps move every shipment, as before.
            #expect(try await orders.setStatus(order.id, "shipped").status == .ok)
        }
    }

    @Test func aMarketThatShipsFromOneLocationOnlyRefusesWhatNoLocationHolds() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 3)
            try await orders.receive("TEA-RIZE-BLACK-500G", at: "geneve-rive", units: 3)
            let cart = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1), ("TEA-RIZE-BLACK-500G", 1)])
            let ship: [String: Any] = [
                "type": "ship", "shipping_method": "standard",
                "address": ["name": "Léa Martin", "line1": "Rue du Rhône 1", "city": "Genève", "country": "CH", "postal_code": "1204"],
            ]
            let refused = try await orders.checkout(cart.id, fulfilment: ship, key: "ch-split")
            #expect(refused.status == .conflict && (try? refused.json(ProblemBody.self).code) == "out_of_stock", "\(refused.text)")
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "zurich-hb")?.reserved == 0)
        }
    }

    @Test func badShipmentStepsAreRefusedNamingTheField() async throws {
        try await TestServer().run { client in
            try await stock(client)
            let order = try await splitOrder(client, key: "split-5")
            for (number, body, status, field) in [
                ("3", ["status": "shipped"], HTTPResponse.Status.notFound, "shipment"), ("one", ["status": "shipped"], .notFound, "shipment"),
                ("1", ["status": "pending"], .badRequest, "status"), ("1", ["status": "delivered"], .conflict, "status"),
                ("1", ["status": "cancelled", "carrier": "DHL", "tracking_number": "1"], .badRequest, "carrier"),
            ] as [(String, [String: Any], HTTPResponse.Status, String)] {
                let response = try await shipment(client, order.id, number, body)
                #expect(response.status == status && (try? response.json(ProblemBody.self).field) == field, "\(number) \(body): \(response.text)")
            }
            let noOrder = try await shipment(client, "ord_missing", 1, ["status": "shipped"])
            #expect(noOrder.status == .notFound && (try? noOrder.json(ProblemBody.self).field) == "order")
            let direct = try await OrderClient(client: client).setStatus(order.id, "partially_shipped")
            #expect(direct.status == .badRequest && (try? direct.json(ProblemBody.self).field) == "status", "\(direct.text)")
        }
    }
}

private struct SplitOrderBody: Decodable {
    struct Shipment: Decodable {
        let number: Int
        let location: String
        let status: String
        let lines: [Int]
        let carrier: String?
        let tracking_number: String?
    }

    let status: String
    let next_statuses: [String]
    let stock_location: String
    let refunded: AmountBody
    let shipments: [Shipment]
}
