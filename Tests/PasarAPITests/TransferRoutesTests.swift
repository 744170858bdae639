import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Stock transfers between locations: units leave the source when shipped and arrive when received,
/// never taking what is reserved for orders, even while checkouts race the transfer; each step by
/// the admin or the staff of the store it concerns.
@Suite("Stock transfers between locations")
struct TransferRoutesTests {
    private static let sku = "TEA-RIZE-BLACK-250G"
    private static let operatorHeader = HTTPField.Name("Pasar-Operator")!

    private func staff(_ store: String) -> HTTPFields {
        [.authorization: "Bearer \(TestServer.staffKeys[store]!)", .contentType: "application/json", Self.operatorHeader: "ben"]
    }

    private func post(_ client: any TestClientProtocol, _ uri: String, _ body: [String: Any]? = nil, headers: HTTPFields = OrderClient.admin) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: headers, body: try body.map(CartClient.json))
    }

    private func transfer(_ response: TestResponse, _ status: HTTPResponse.Status = .ok) throws -> TransferBody {
        #expect(response.status == status, "\(response.text)")
        return try response.json(TransferBody.self)
    }

    private func refused(_ response: TestResponse, _ status: HTTPResponse.Status, field: String? = nil, code: String? = nil) throws {
        #expect(response.status == status, "\(response.text)")
        let problem = try response.json(ProblemBody.self)
        if let field { #expect(problem.field == field, "\(response.text)") }
        if let code { #expect(problem.code == code, "\(response.text)") }
    }

    @Test func unitsLeaveWhenShippedArriveWhenReceivedAndNeverTakeWhatIsReserved() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            let carts = CartClient(client: client)
            try await orders.receive(Self.sku, at: "leipzig-lager", units: 5)
            // A ship order reserves 3 of the 5 at the warehouse.
            let ship: [String: Any] = [
                "type": "ship", "shipping_method": "standard",
                "address": ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"],
            ]
            _ = try orders.placed(try await orders.checkout(try await carts.create(market: "de", lines: [(Self.sku, 3)]).id, fulfilment: ship, key: "trf-order"))

            let line = { (quantity: Int) in [["sku": Self.sku, "quantity": quantity]] }
            try refused(try await post(client, "/v1/transfers", ["from": "leipzig-lager", "to": "leipzig-lager", "lines": line(1)]), .badRequest, field: "to")
            try refused(try await post(client, "/v1/transfers", ["from": "atlantis", "to": "berlin-mitte", "lines": line(1)]), .badRequest, field: "from")
            try refused(try await post(client, "/v1/transfers", ["from": "leipzig-lager", "to": "zurich-hb", "lines": line(1)]), .badRequest, field: "to")
            try refused(try await post(client, "/v1/transfers", ["from": "leipzig-lager", "to": "berlin-mitte", "lines": line(-2)]), .badRequest, field: "lines[0].quantity")
            try refused(try await post(client, "/v1/transfers", ["from": "leipzig-lager", "to": "berlin-mitte", "lines": line(1)], headers: staff("zurich-hb")), .forbidden, code: "store_forbidden")

            let tooMany = try transfer(try await post(client, "/v1/transfers", ["from": "leipzig-lager", "to": "berlin-mitte", "lines": line(3)]), .created)
            #expect(tooMany.status == "requested")
            try refused(try await post(client, "/v1/transfers/\(tooMany.id)/ship"), .conflict, field: "lines[0].quantity", code: "below_reserved")
            #expect(try transfer(try await client.execute(uri: "/v1/transfers/\(tooMany.id)", method: .get, headers: OrderClient.admin)).status == "requested", "nothing written")
            try refused(try await post(client, "/v1/transfers/\(tooMany.id)/receive"), .conflict, code: "invalid_transition")
            #expect(try transfer(try await post(client, "/v1/transfers/\(tooMany.id)/cancel")).status == "cancelled")

            let two = try transfer(try await post(client, "/v1/transfers", ["from": "leipzig-lager", "to": "berlin-mitte", "lines": line(2), "note": "weekend"]), .created)
            #expect(try transfer(try await post(client, "/v1/transfers/\(two.id)/ship")).status == "in_transit")
            let warehouse = try await orders.stock(Self.sku, at: "leipzig-lager")
            #expect(warehouse?.on_hand == 3 && warehouse?.reserved == 3, "the reserved units stay")
            #expect(try await orders.stock(Self.sku, at: "berlin-mitte")?.on_hand ?? 0 == 0, "in transit: not yet arrived")
            let received = try transfer(try await post(client, "/v1/transfers/\(two.id)/receive"))
            #expect(received.status == "received" && received.shipped_at != nil && received.received_at != nil)
            #expect(try await orders.stock(Self.sku, at: "berlin-mitte")?.on_hand == 2)
            let listed = try await client.execute(uri: "/v1/transfers?location=berlin-mitte", method: .get, headers: OrderClient.admin) { try $0.json(TransferListBody.self) }
            #expect(listed.items.map(\.id) == [two.id, tooMany.id])
        }
    }

    @Test func staffShipFromAndReceiveAtTheirOwnStore() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            try await orders.receive(Self.sku, at: "geneve-rive", units: 4)
            let line = [["sku": Self.sku, "quantity": 3]]
            let requested = try transfer(try await post(client, "/v1/transfers", ["from": "geneve-rive", "to": "zurich-hb", "lines": line], headers: staff("geneve-rive")), .created)
            try refused(try await post(client, "/v1/transfers/\(requested.id)/ship", headers: staff("zurich-hb")), .forbidden, code: "store_forbidden")
            #expect(try transfer(try await post(client, "/v1/transfers/\(requested.id)/ship", headers: staff("geneve-rive"))).status == "in_transit")
            try refused(try await post(client, "/v1/transfers/\(requested.id)/receive", headers: staff("geneve-rive")), .forbidden, code: "store_forbidden")
            #expect(try transfer(try await post(client, "/v1/transfers/\(requested.id)/receive", headers: staff("zurich-hb"))).status == "received")
            #expect(try await orders.stock(Self.sku, at: "zurich-hb")?.on_hand == 3)
            let audit = try await client.execute(uri: "/v1/stores/zurich-hb/audit", method: .get, headers: staff("zurich-hb")) { try $0.json(AuditBody.self) }
            #expect(audit.items.map(\.action) == ["transfer_received"] && audit.items.first?.operator == "ben")
        }
    }

    @Test func checkoutsRacingATransferNeverShareAUnit() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            let carts = CartClient(client: client)
            try await orders.receive(Self.sku, at: "zurich-hb", units: 5)
            var cartIDs: [String] = []
            for _ in 0..<5 { cartIDs.append(try await carts.create(market: "ch", lines: [(Self.sku, 1)]).id) }
            let requested = try transfer(
                try await post(client, "/v1/transfers", ["from": "zurich-hb", "to": "geneve-rive", "lines": [["sku": Self.sku, "quantity": 3]]]), .created)
            let results = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status).self) { group in
                group.addTask { ("transfer", try await post(client, "/v1/transfers/\(requested.id)/ship").status) }
                for (index, cart) in cartIDs.enumerated() {
                    group.addTask {
                        ("order", try await orders.checkout(cart, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "race-\(index)").status)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let placed = results.filter { $0.0 == "order" && $0.1 == .created }.count
            let shipped = results.contains { $0.0 == "transfer" && $0.1 == .ok }
            // Whatever the interleaving, each unit goes to exactly one: an order or the transfer.
            #expect(placed + (shipped ? 3 : 0) == 5, "\(results)")
            let stock = try #require(try await orders.stock(Self.sku, at: "zurich-hb"))
            #expect(stock.reserved == placed && stock.on_hand == 5 - (shipped ? 3 : 0))
        }
    }
}

private struct TransferBody: Decodable {
    let id: String
    let status: String
    let shipped_at: String?
    let received_at: String?
}

private struct TransferListBody: Decodable {
    let items: [TransferBody]
}

private struct AuditBody: Decodable {
    struct Entry: Decodable {
        let action: String
        let `operator`: String
    }

    let items: [Entry]
}
