import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Recommendations from a fixed order history, on whichever database the server runs: what was
/// bought together (cancelled orders count for nothing), only what is sold and in stock in the
/// market, never what the customer already bought, best sellers after that.
@Suite("Recommendations from the order history")
struct RecommendationTests {
    /// Six orders at Berlin Mitte; the last but one is cancelled. Coffee has one unit, which the third takes.
    private func history(_ client: any TestClientProtocol) async throws {
        let carts = CartClient(client: client)
        let orders = OrderClient(client: client)
        for sku in ["TEA-RIZE-BLACK-250G", "KITCHEN-TEA-GLASS-SET", "CERAMIC-CELADON-TEAPOT", "TEA-JAVA-JASMINE-100G", "SPICE-RENDANG-PASTE"] {
            try await orders.receive(sku, at: "berlin-mitte", units: 20)
        }
        try await orders.receive("COFFEE-GAYO-ARABICA-WHOLE-BEAN-250G", at: "berlin-mitte", units: 1)
        let baskets: [(String, [(String, Int)])] = [
            ("a@example.com", [("TEA-RIZE-BLACK-250G", 1), ("KITCHEN-TEA-GLASS-SET", 1), ("CERAMIC-CELADON-TEAPOT", 1)]),
            ("b@example.com", [("TEA-RIZE-BLACK-250G", 1), ("KITCHEN-TEA-GLASS-SET", 1)]),
            ("c@example.com", [("TEA-RIZE-BLACK-250G", 1), ("COFFEE-GAYO-ARABICA-WHOLE-BEAN-250G", 1)]),
            ("alice@example.com", [("TEA-JAVA-JASMINE-100G", 1), ("KITCHEN-TEA-GLASS-SET", 1)]),
            ("d@example.com", [("TEA-RIZE-BLACK-250G", 1), ("SPICE-RENDANG-PASTE", 9)]),
            ("e@example.com", [("SPICE-RENDANG-PASTE", 5)]),
        ]
        for (index, (email, lines)) in baskets.enumerated() {
            let cart = try await carts.create(market: "de", lines: lines)
            let order = try orders.placed(
                try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "rec-\(index)", email: email))
            if email == "d@example.com" { #expect(try await orders.setStatus(order.id, "cancelled").status == .ok) }
        }
    }

    private func picks(_ client: any TestClientProtocol, _ uri: String) async throws -> [String] {
        try await client.execute(uri: uri, method: .get, headers: OrderClient.admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(RecommendationListBody.self).items.map { "\($0.product.id) \($0.reason) \($0.score)" }
        }
    }

    @Test func boughtTogetherAndForACustomer() async throws {
        try await TestServer().run { client in
            try await history(client)
            // Coffee was bought with the black tea but has no stock left; the cancelled order's spice paste counts for nothing.
            #expect(
                try await picks(client, "/v1/markets/de/products/tea-rize-black/recommendations")
                    == ["kitchen-tea-glass-set bought_together 2", "ceramic-celadon-teapot bought_together 1"])
            #expect(try await picks(client, "/v1/markets/de/products/tea-rize-black/recommendations?limit=1") == ["kitchen-tea-glass-set bought_together 2"])
            #expect(try await picks(client, "/v1/markets/de/products/batik-tulis-lasem/recommendations") == [])

            let alice = try await client.execute(
                uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["email": "alice@example.com", "name": "Alice Berg", "market": "de"])
            ) { try $0.json(CustomerIDBody.self).id }
            // Never what she bought (jasmine tea, tea glasses); what others bought with it, then the best seller.
            #expect(
                try await picks(client, "/v1/customers/\(alice)/recommendations")
                    == ["tea-rize-black bought_together 2", "ceramic-celadon-teapot bought_together 1", "spice-rendang-paste popular 5"])
            var german = OrderClient.admin
            german[.acceptLanguage] = "de"
            let body = try await client.execute(uri: "/v1/customers/\(alice)/recommendations?market=de&limit=1", method: .get, headers: german) { try $0.json(RecommendationListBody.self) }
            #expect(body.language == "de" && body.items.map(\.product.name) == ["Schwarzer Tee aus Rize"])
        }
    }

    @Test func badRequestsNameTheField() async throws {
        try await TestServer().run { client in
            let alice = try await client.execute(
                uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["email": "alice@example.com", "name": "Alice Berg", "market": "de"])
            ) { try $0.json(CustomerIDBody.self).id }
            for (uri, status, field) in [
                ("/v1/markets/de/products/no-such-thing/recommendations", HTTPResponse.Status.notFound, "product"),
                ("/v1/markets/de/products/tea-rize-black/recommendations?limit=0", .badRequest, "limit"),
                ("/v1/markets/zz/products/tea-rize-black/recommendations", .notFound, "market"),
                ("/v1/customers/\(alice)/recommendations?market=zz", .badRequest, "market"),
                ("/v1/customers/\(alice)/recommendations?market=", .badRequest, "market"),
                ("/v1/customers/cus_nobody/recommendations", .notFound, "customer"),
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: OrderClient.admin)
                #expect(response.status == status && (try? response.json(ProblemBody.self).field) == field, "\(uri): \(response.text)")
            }
            let anonymous = try await client.execute(uri: "/v1/customers/\(alice)/recommendations", method: .get)
            #expect(anonymous.status == .unauthorized, "\(anonymous.text)")
        }
    }
}

private struct CustomerIDBody: Decodable { let id: String }

private struct RecommendationListBody: Decodable {
    struct Item: Decodable {
        struct Product: Decodable {
            let id: String
            let name: String
        }

        let reason: String
        let score: Int
        let product: Product
    }

    let language: String
    let items: [Item]
}
