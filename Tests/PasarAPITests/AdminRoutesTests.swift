import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

private let authorized: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"]

private func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// A product with Swedish names whose order differs from English and German order.
private func swedishProduct(_ id: String, _ name: String, price: String) -> String {
    """
    {"tax_class": "reduced", "translations": {"sv": {"name": "\(name)", "slug": "\(id)"}, "en": {"name": "\(name)", "slug": "\(id)"}},
     "variants": [{"sku": "\(id.uppercased())"}], "prices": [{"market": "de", "amount": "\(price)"}]}
    """
}

@Suite("Admin routes: writes behind the admin key")
struct AdminRoutesTests {
    @Test func writesAProductAndServesItInEveryMarket() async throws {
        try await TestServer(demo: false).run { client in
            for (id, name, price) in [("sv-c", "Örtte", "3.00"), ("sv-a", "Apelsinte", "2.00"), ("sv-e", "Zucchinichips", "4.00"), ("sv-b", "Åkerbärste", "5.00"), ("sv-d", "Ärtsoppa", "1.00")] {
                try await client.execute(uri: "/v1/admin/products/\(id)", method: .put, headers: authorized, body: body(swedishProduct(id, name, price: price))) { response in
                    #expect(response.status == .created, "\(response.text)")
                }
            }
            try await client.execute(uri: "/v1/markets/se/products?lang=sv", method: .get) { response in
                let names = try response.json(ProductListBody.self).items.map(\.name)
                #expect(names == ["Apelsinte", "Zucchinichips", "Åkerbärste", "Ärtsoppa", "Örtte"], "Swedish puts å, ä, ö after z")
            }
            try await client.execute(uri: "/v1/markets/de/products?lang=en", method: .get) { response in
                let names = try response.json(ProductListBody.self).items.map(\.name)
                #expect(names == ["Åkerbärste", "Apelsinte", "Ärtsoppa", "Örtte", "Zucchinichips"], "English sorts accents with their letter")
            }
            try await client.execute(uri: "/v1/markets/se/products/sv-a?lang=sv", method: .get) { response in
                let price = try #require(try response.json(ProductBody.self).price)
                #expect(price.display.formatted == "23,00\u{00A0}kr", "2.00 EUR × 11.48 = 22.96 → whole kronor")
            }
        }
    }

    @Test func aSavedCategoryIsServedAtOnceThoughTheTreeWasCached() async throws {
        try await TestServer(demo: false).run { client in
            // Reading the tree and filtering by an unknown category both go through the cached tree.
            try await client.execute(uri: "/v1/markets/de/categories?lang=en", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("herbal"))
            }
            try await client.execute(uri: "/v1/markets/de/products?lang=en&category=herbal", method: .get) { response in
                #expect(response.status == .badRequest, "\(response.text)")
            }
            let category = #"{"translations": {"en": {"name": "Herbal tea", "slug": "herbal"}}}"#
            try await client.execute(uri: "/v1/admin/categories/herbal", method: .put, headers: authorized, body: body(category)) { response in
                #expect(response.status == .ok || response.status == .created, "\(response.text)")
            }
            try await client.execute(uri: "/v1/markets/de/categories?lang=en", method: .get) { response in
                #expect(response.text.contains(#""name":"Herbal tea""#), "\(response.text)")
            }
            try await client.execute(uri: "/v1/markets/de/products?lang=en&category=herbal", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
            }
        }
    }

    @Test func replacesPricesAndKeepsThemOnTextOnlyUpdates() async throws {
        try await TestServer(demo: false).run { client in
            try await client.execute(uri: "/v1/admin/products/sv-a", method: .put, headers: authorized, body: body(swedishProduct("sv-a", "Apelsinte", price: "2.00"))) { _ in }
            let prices = #"{"prices": [{"market": "de", "amount": "2.50"}, {"market": "jp", "amount": "480"}]}"#
            try await client.execute(uri: "/v1/admin/products/sv-a/prices", method: .put, headers: authorized, body: body(prices)) { response in
                #expect(response.status == .ok)
            }
            let textOnly = #"{"tax_class": "reduced", "translations": {"en": {"name": "Orange tea", "slug": "orange-tea"}}, "variants": [{"sku": "SV-A"}]}"#
            try await client.execute(uri: "/v1/admin/products/sv-a", method: .put, headers: authorized, body: body(textOnly)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/markets/jp/products/orange-tea?lang=en", method: .get) { response in
                let product = try response.json(ProductBody.self)
                #expect(product.name == "Orange tea")
                #expect(product.price?.display.formatted == "¥480", "English writes the yen sign ¥, Japanese ￥")
            }
        }
    }

    @Test(arguments: [
        ("{", "body"),
        (#"{"tax_class": "reduced", "translations": {}, "variants": [{"sku": "A"}]}"#, "translations"),
        (#"{"tax_class": 7, "translations": {"en": {"name": "A", "slug": "a"}}, "variants": [{"sku": "A"}]}"#, "tax_class"),
        (#"{"tax_class": "reduced", "translations": {"en": {"name": "A", "slug": "a"}}, "variants": [{"sku": "A"}], "colour": "red"}"#, "colour"),
        (#"{"tax_class": "reduced", "translations": {"en": {"name": "A", "slug": "Not A Slug"}}, "variants": [{"sku": "A"}]}"#, "translations.en.slug"),
        (#"{"tax_class": "reduced", "translations": {"en": {"name": "A", "slug": "a"}}, "variants": [{"sku": "A"}], "prices": [{"market": "de", "amount": "1.234"}]}"#, "prices[0].amount"),
        (#"{"tax_class": "reduced", "translations": {"en": {"name": "A", "slug": "a"}}, "variants": [{"sku": "A"}], "prices": [{"market": "mars", "amount": "1"}]}"#, "prices[0].market"),
        (#"{"tax_class": "reduced", "translations": {"en": {"name": "A", "slug": "a"}}, "variants": [{"sku": "A"}], "prices": [{"market": "jp", "amount": "99999999999999999999"}]}"#, "prices[0].amount"),
        (#"{"tax_class": "luxury", "translations": {"en": {"name": "A", "slug": "a"}}, "variants": [{"sku": "A"}]}"#, "tax_class"),
        (#"{"tax_class": "reduced", "translations": {"en": {"name": "A", "slug": "a"}}, "variants": [{"sku": "A"}, {"sku": "A"}]}"#, "variants[1].sku"),
    ])
    func badProductsAreRefusedNamingTheField(_ json: String, _ field: String) async throws {
        try await TestServer(demo: false).run { client in
            try await client.execute(uri: "/v1/admin/products/new-product", method: .put, headers: authorized, body: body(json)) { response in
                #expect(response.status == .badRequest)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.field == field, "\(problem.detail)")
            }
            try await client.execute(uri: "/v1/markets/de/products/new-product", method: .get) { response in
                #expect(response.status == .notFound, "nothing was written")
            }
        }
    }

    @Test func aTakenSlugIsAConflictAndChangesNothing() async throws {
        try await TestServer(demo: true).run { client in
            let taken = #"{"tax_class": "reduced", "translations": {"de": {"name": "Kopie", "slug": "schwarzer-tee-aus-rize"}}, "variants": [{"sku": "COPY"}], "prices": [{"market": "de", "amount": "1"}]}"#
            try await client.execute(uri: "/v1/admin/products/copy", method: .put, headers: authorized, body: body(taken)) { response in
                #expect(response.status == .conflict)
                let decoded = try response.json(ProblemBody.self)
                #expect(decoded.field == "translations.de.slug")
            }
            try await client.execute(uri: "/v1/markets/de/products/copy", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theAdminKeyGuardsEveryAdminRoute() async throws {
        try await TestServer(demo: false).run { client in
            let product = body(swedishProduct("x", "X", price: "1"))
            try await client.execute(uri: "/v1/admin/products/x", method: .put, body: product) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/admin/products/x", method: .put, headers: [.authorization: "Bearer wrong-key-wrong-key"], body: product) { response in
                #expect(response.status == .unauthorized, "an unknown key")
            }
            try await client.execute(uri: "/v1/admin/markets/reload", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
        }
        try await TestServer(demo: false, adminKey: nil).run { client in
            try await client.execute(uri: "/v1/admin/markets/reload", method: .post) { response in
                #expect(response.status == .forbidden, "admin routes are closed when no key is configured")
            }
            try await client.execute(uri: "/v1/admin/markets/reload", method: .post, headers: authorized) { response in
                #expect(response.status == .unauthorized, "no key is known, so none is valid")
            }
        }
    }

    @Test func reloadKeepsTheShippedMarkets() async throws {
        try await TestServer(demo: false).run { client in
            try await client.execute(uri: "/v1/admin/markets/reload", method: .post, headers: authorized) { response in
                struct Reload: Decodable {
                    let reloaded: Bool
                    let markets: [String]
                }
                let reload = try response.json(Reload.self)
                #expect(reload.reloaded)
                #expect(reload.markets.contains("ch"))
            }
        }
    }
}
