import Foundation
import HummingbirdTesting
import Testing

struct AvailabilityBody: Decodable {
    struct Store: Decodable {
        let id: String
        let available: Int
        let distance_km: Double?
    }

    struct Variant: Decodable {
        let sku: String
        let available: Int
        let ship_available: Int
        let store: Store?
        let nearest_stores: [Store]
    }

    let product: String
    let market: String
    let variants: [Variant]

    func variant(_ sku: String) -> Variant? { variants.first { $0.sku == sku } }
}

@Suite("Inventory: stock per location, recorded adjustments, availability with the nearest stores")
struct InventoryRoutesTests {
    @Test func adjustmentsAreDeltasRecordedWithTheirReason() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            #expect(try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 12).on_hand == 12)
            #expect(try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: -2, reason: "count").on_hand == 10)
            #expect(try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 1, reason: "return").on_hand == 11)
            struct Movements: Decodable {
                struct Movement: Decodable {
                    let reason: String
                    let on_hand_delta: Int
                    let actor: String
                }

                let movements: [Movement]
            }
            let recorded = try await client.execute(uri: "/v1/admin/inventory/TEA-RIZE-BLACK-250G", method: .get, headers: OrderClient.admin) {
                try $0.json(Movements.self)
            }
            #expect(recorded.movements.map(\.reason) == ["return", "count", "receipt"])
            #expect(recorded.movements.map(\.on_hand_delta) == [1, -2, 12])
            #expect(recorded.movements.allSatisfy { $0.actor == "admin" })
        }
    }

    @Test func stockNeverGoesBelowWhatOrdersReserved() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 3)
            let cart = try await CartClient(client: client).create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2)])
            _ = try orders.placed(try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "k"))
            let response = try await client.execute(
                uri: "/v1/admin/inventory/adjustments", method: .post, headers: OrderClient.admin,
                body: try CartClient.json(["location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "delta": -2, "reason": "sale"]))
            #expect(response.status == .conflict)
            #expect(try response.json(ProblemBody.self).code == "below_reserved")
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "berlin-mitte")?.on_hand == 3)
        }
    }

    @Test(arguments: [
        (#"{"location": "atlantis", "sku": "TEA-RIZE-BLACK-250G", "delta": 1, "reason": "receipt"}"#, "location"),
        (#"{"location": "berlin-mitte", "sku": "NO-SUCH-SKU", "delta": 1, "reason": "receipt"}"#, "sku"),
        (#"{"location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "delta": 0, "reason": "receipt"}"#, "delta"),
        (#"{"location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "delta": 1.5, "reason": "receipt"}"#, "delta"),
        (#"{"location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "delta": 1, "reason": "theft"}"#, "reason"),
        (#"{"location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "delta": 1, "reason": "reservation"}"#, "reason"),
        (#"{"location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "reason": "receipt"}"#, "delta"),
    ])
    func badAdjustmentsNameTheField(_ body: String, _ field: String) async throws {
        try await TestServer().run { client in
            let response = try await client.execute(
                uri: "/v1/admin/inventory/adjustments", method: .post, headers: OrderClient.admin, body: .init(string: body))
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(try response.json(ProblemBody.self).field == field, "\(response.text)")
        }
    }

    @Test func adjustmentsNeedTheAdminKey() async throws {
        try await TestServer().run { client in
            let response = try await client.execute(
                uri: "/v1/admin/inventory/adjustments", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "delta": 1, "reason": "receipt"]))
            #expect(response.status == .unauthorized)
        }
    }

    @Test func availabilityListsTheNearestStoresThatHaveIt() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 2)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "muenchen-maxvorstadt", units: 5)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "leipzig-lager", units: 40)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "hamburg-lager", units: 7)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "london-soho", units: 99)

            // From Munich's Marienplatz: Munich first, then Berlin (~500 km); Hamburg is no pickup store.
            let fromMunich = try await client.execute(
                uri: "/v1/markets/de/products/tea-rize-black/availability?near=48.1374,11.5755", method: .get
            ) { try $0.json(AvailabilityBody.self) }
            let variant = try #require(fromMunich.variant("TEA-RIZE-BLACK-250G"))
            #expect(variant.available == 54, "every location of the market, not London")
            #expect(variant.ship_available == 40, "one order ships from one location")
            #expect(variant.nearest_stores.map(\.id) == ["muenchen-maxvorstadt", "berlin-mitte"])
            #expect((variant.nearest_stores[0].distance_km ?? 99) < 2)
            #expect((480...520).contains(variant.nearest_stores[1].distance_km ?? 0))
            #expect(fromMunich.variant("TEA-RIZE-BLACK-500G")?.available == 0)

            let atBerlin = try await client.execute(
                uri: "/v1/markets/de/products/schwarzer-tee-aus-rize/availability?store=berlin-mitte&lang=de", method: .get
            ) { try $0.json(AvailabilityBody.self) }
            let berlin = try #require(atBerlin.variant("TEA-RIZE-BLACK-250G"))
            #expect(berlin.store?.id == "berlin-mitte" && berlin.store?.available == 2)
            #expect(berlin.nearest_stores.map(\.id) == ["muenchen-maxvorstadt"], "other stores, measured from the chosen one")

            for (query, field) in [("store=london-soho", "store"), ("near=91,0", "near"), ("near=berlin", "near")] {
                let response = try await client.execute(uri: "/v1/markets/de/products/tea-rize-black/availability?\(query)", method: .get)
                #expect(response.status == .badRequest)
                #expect(try response.json(ProblemBody.self).field == field)
            }
        }
    }
}
