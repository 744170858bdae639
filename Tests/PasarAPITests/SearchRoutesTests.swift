import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarTestSupport
import Testing

/// Literal expectations of `Fixtures/search/relevance.json` over `Fixtures/search/catalog.jsonl`.
struct SearchFixtures: Decodable, Sendable {
    struct RelevanceCase: Decodable, Sendable, CustomTestStringConvertible {
        let market: String
        let lang: String
        let q: String
        let ids: [String]
        var testDescription: String { "\(market) \(lang) q=\(q)" }
    }

    struct FacetCase: Decodable, Sendable, CustomTestStringConvertible {
        let query: String
        let ids: [String]
        let total: Int
        let in_stock: Int?
        let categories: [String: Int]?
        let options: [String: [String: Int]]?
        let price: [String]?
        var testDescription: String { query }
    }

    struct SuggestionCase: Decodable, Sendable {
        let market: String
        let lang: String
        let q: String
        let suggestions: [String]
    }

    let relevance: [RelevanceCase]
    let facets: [FacetCase]
    let suggestions: [SuggestionCase]

    static let all = Fixtures.decode(SearchFixtures.self, from: "search/relevance.json")
}

private struct SearchPage: Decodable {
    struct Item: Decodable { let id: String }
    struct Facets: Decodable {
        struct Count: Decodable { let id: String; let count: Int }
        struct Value: Decodable { let value: String; let count: Int }
        struct Option: Decodable { let name: String; let values: [Value] }
        struct Bounds: Decodable { let min: AmountBody; let max: AmountBody }
        let total: Int
        let categories: [Count]?
        let options: [Option]?
        let price: Bounds?
        let in_stock: Int?
    }
    let items: [Item]
    let facets: Facets?
    let suggestions: [String]?
    let next_cursor: String?
}

private func encoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
}

@Suite("Search and facets over HTTP: every language folded alike, ranked the same on both databases")
struct SearchRoutesTests {
    private func server() async throws -> TestServer { try await TestServer(catalogFile: "search/catalog.jsonl") }

    // One server for every case of a table: each server imports the catalog into a database of its own.
    @Test func queriesFindTheExpectedProductsInOrder() async throws {
        try await server().run { client in
            for fixture in SearchFixtures.all.relevance {
                try await client.execute(
                    uri: "/v1/markets/\(fixture.market)/products?lang=\(fixture.lang)&limit=10&q=\(encoded(fixture.q))", method: .get
                ) { response in
                    #expect(response.status == .ok, "\(fixture.testDescription)")
                    let ids = try response.json(SearchPage.self).items.map(\.id)
                    #expect(ids == fixture.ids, "\(fixture.testDescription)")
                }
            }
        }
    }

    @Test func facetsCountTheFilteredSet() async throws {
        try await server().run { client in
            for fixture in SearchFixtures.all.facets {
                try await client.execute(uri: "/v1/markets/de/products?lang=de&\(fixture.query)", method: .get) { response in
                    #expect(response.status == .ok, "\(fixture.query)")
                    let page = try response.json(SearchPage.self)
                    #expect(page.items.map(\.id) == fixture.ids, "\(fixture.query)")
                    let facets = try #require(page.facets)
                    #expect(facets.total == fixture.total, "\(fixture.query)")
                    if let inStock = fixture.in_stock { #expect(facets.in_stock == inStock, "\(fixture.query)") }
                    if let categories = fixture.categories {
                        let counted = Dictionary(uniqueKeysWithValues: (facets.categories ?? []).map { ($0.id, $0.count) })
                        #expect(counted == categories, "\(fixture.query)")
                    }
                    if let options = fixture.options {
                        let counted = Dictionary(uniqueKeysWithValues: (facets.options ?? []).map { option in
                            (option.name, Dictionary(uniqueKeysWithValues: option.values.map { ($0.value, $0.count) }))
                        })
                        #expect(counted == options, "\(fixture.query)")
                    }
                    if let price = fixture.price {
                        #expect([facets.price?.min.formatted, facets.price?.max.formatted] == price, "\(fixture.query)")
                    }
                }
            }
        }
    }

    @Test func aSearchWithoutResultsSuggestsTheClosestWords() async throws {
        let fixture = try #require(SearchFixtures.all.suggestions.first)
        try await server().run { client in
            try await client.execute(
                uri: "/v1/markets/\(fixture.market)/products?lang=\(fixture.lang)&q=\(encoded(fixture.q))", method: .get
            ) { response in
                let page = try response.json(SearchPage.self)
                #expect(page.items.isEmpty)
                #expect(page.suggestions == fixture.suggestions)
            }
        }
    }

    @Test func theSearchBoxSuggestsProductsAndCategoriesForAPrefix() async throws {
        struct Suggestions: Decodable {
            struct Entry: Decodable { let id: String }
            let products: [Entry]
            let categories: [Entry]
        }
        try await server().run { client in
            try await client.execute(uri: "/v1/markets/de/search/suggestions?lang=de&q=kaf", method: .get) { response in
                #expect(response.status == .ok)
                let suggestions = try response.json(Suggestions.self)
                #expect(suggestions.products.map(\.id) == ["blue-coffee-mug", "street-coffee"])
                #expect(suggestions.categories.map(\.id) == ["coffee"])
            }
        }
    }

    @Test func relevanceCursorsWalkEveryHitOnce() async throws {
        try await server().run { client in
            var walked: [String] = []
            var cursor: String?
            repeat {
                let uri = "/v1/markets/de/products?lang=de&q=tee&limit=1" + (cursor.map { "&cursor=\(encoded($0))" } ?? "")
                let page = try await client.execute(uri: uri, method: .get) { try $0.json(SearchPage.self) }
                walked += page.items.map(\.id)
                cursor = page.next_cursor
            } while cursor != nil
            #expect(walked == ["green-tea-sencha", "black-tea-rize", "istanbul-tea-glass"])
        }
    }

    @Test func badFiltersAreRefusedNamingTheParameter() async throws {
        let cases = [
            ("q=" + String(repeating: "a", count: 101), "q"),
            ("facets=colour", "facets"),
            ("colour=red", "colour"),
            ("price_min=20&price_max=10", "price_min"),
            ("price_min=1.234", "price_min"),
            ("price_max=abc", "price_max"),
            ("store=leipzig-lager", "store"),
            ("option=size", "option"),
            ("sort=relevance", "sort"),
        ]
        try await server().run { client in
            for (query, field) in cases {
                try await client.execute(uri: "/v1/markets/de/products?lang=de&\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    let problem = try response.json(ProblemBody.self)
                    #expect(problem.field == field, "\(query)")
                }
            }
        }
    }

    @Test func anAdminProductWriteIsFoundOnTheNextRequest() async throws {
        let admin: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"]
        @Sendable func product(_ name: String) -> ByteBuffer {
            ByteBuffer(string: """
                {"categories": ["tea"], "tax_class": "standard",
                 "translations": {"de": {"name": "\(name)", "slug": "neu-de"}},
                 "variants": [{"sku": "NEU-1"}], "prices": [{"market": "de", "amount": "3.50"}]}
                """)
        }
        @Sendable func ids(_ client: any TestClientProtocol, _ q: String) async throws -> [String] {
            try await client.execute(uri: "/v1/markets/de/products?lang=de&q=\(q)", method: .get) { try $0.json(SearchPage.self).items.map(\.id) }
        }
        try await server().run { client in
            let before = try await ids(client, "zitronenmelisse")
            #expect(before.isEmpty)
            try await client.execute(uri: "/v1/admin/products/neu", method: .put, headers: admin, body: product("Zitronenmelisse")) {
                #expect($0.status == .created)
            }
            let created = try await ids(client, "zitronenmelisse")
            #expect(created == ["neu"])
            try await client.execute(uri: "/v1/admin/products/neu", method: .put, headers: admin, body: product("Pfefferminze")) {
                #expect($0.status == .ok)
            }
            let renamedOld = try await ids(client, "zitronenmelisse")
            let renamedNew = try await ids(client, "pfefferminze")
            #expect(renamedOld.isEmpty)
            #expect(renamedNew == ["neu"])
        }
    }

    @Test func pricesOfADerivedMarketAreRefusedNamingItsSource() async throws {
        let admin: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"]
        try await server().run { client in
            try await client.execute(
                uri: "/v1/admin/products/spice-blend/prices", method: .put, headers: admin,
                body: ByteBuffer(string: #"{"prices": [{"market": "th", "amount": "250.00"}]}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.field == "prices[0].market")
                #expect(problem.detail.contains("de"))
            }
        }
    }
}
