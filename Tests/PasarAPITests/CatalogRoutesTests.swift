import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Catalog over HTTP: languages, prices, order, search, caching")
struct CatalogRoutesTests {
    @Test(arguments: CatalogFixtures.all.prices)
    func pricesAreFormattedForTheMarketAndLanguage(_ fixture: CatalogFixtures.PriceCase) async throws {
        try await TestServer().run { client in
            try await client.execute(
                uri: "/v1/markets/\(fixture.market)/products/\(fixture.product)", method: .get,
                headers: [.acceptLanguage: fixture.accept]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLanguage] == fixture.contentLanguage)
                let product = try response.json(ProductBody.self)
                #expect(product.language == fixture.language)
                if let name = fixture.name { #expect(product.name == name) }
                guard let sku = fixture.sku else { return }
                let price = try #require(product.variants.first { $0.sku == sku }?.price)
                if let display = fixture.display { #expect(price.display.formatted == display) }
                if let net = fixture.net { #expect(price.net.formatted == net) }
                if let tax = fixture.tax { #expect(price.tax.formatted == tax) }
                #expect(price.gross.amount == addDecimals(price.net.amount, price.tax.amount), "net + tax = gross")
            }
        }
    }

    @Test func taxIsAddedAtCheckoutInTheUnitedStates() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/us/products/batik-silk-scarf?lang=en-US", method: .get) { response in
                let price = try #require(try response.json(ProductBody.self).price)
                #expect(!price.tax_included)
                #expect(price.display == price.net)
                #expect(price.net.formatted == "$45.99")
                #expect(price.tax.formatted == "$4.08", "8.875 % of 45.99 = 4.0816")
                #expect(price.gross.formatted == "$50.07")
            }
        }
    }

    @Test func aRunningSaleShowsTheEverydayPriceToCompare() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/de/products/batik-silk-scarf?lang=de", method: .get) { response in
                let price = try #require(try response.json(ProductBody.self).price)
                #expect(price.display.formatted == "39,90\u{00A0}€")
                #expect(price.compare_at?.formatted == "49,90\u{00A0}€")
            }
        }
    }

    @Test func productsAreFoundBySlugInTheResponseLanguage() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/de/products/schwarzer-tee-aus-rize", method: .get) { response in
                #expect(response.status == .ok)
                let decoded = try response.json(ProductBody.self)
                #expect(decoded.id == "tea-rize-black")
            }
            try await client.execute(uri: "/v1/markets/tr/products/rize-siyah-cayi", method: .get) { response in
                let decoded = try response.json(ProductBody.self)
                #expect(decoded.id == "tea-rize-black")
            }
        }
    }

    @Test(arguments: CatalogFixtures.all.collation)
    func sortByNameFollowsTheLanguage(_ fixture: CatalogFixtures.CollationCase) async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/\(fixture.market)/products?sort=name&limit=100&lang=\(fixture.lang)", method: .get) { response in
                let names = try response.json(ProductListBody.self).items.map(\.name)
                #expect(names.filter { fixture.names.contains($0) } == fixture.names)
            }
        }
    }

    @Test(arguments: CatalogFixtures.all.search)
    func searchIgnoresCaseAndAccents(_ fixture: CatalogFixtures.SearchCase) async throws {
        try await TestServer().run { client in
            let query = fixture.q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fixture.q
            try await client.execute(uri: "/v1/markets/\(fixture.market)/products?q=\(query)&lang=\(fixture.lang)&limit=100", method: .get) { response in
                let items = try response.json(ProductListBody.self).items
                if let names = fixture.names { #expect(items.map(\.name) == names) }
                if let ids = fixture.ids { #expect(items.map(\.id) == ids) }
            }
        }
    }

    @Test(arguments: ["name", "price", "id"])
    func cursorsWalkEveryProductOnce(_ sort: String) async throws {
        try await TestServer().run { client in
            let all = try await client.execute(uri: "/v1/markets/de/products?sort=\(sort)&limit=100", method: .get) { response in
                try response.json(ProductListBody.self).items.map(\.id)
            }
            var walked: [String] = []
            var cursor: String?
            repeat {
                let uri = "/v1/markets/de/products?sort=\(sort)&limit=7" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.execute(uri: uri, method: .get) { try $0.json(ProductListBody.self) }
                walked += page.items.map(\.id)
                cursor = page.next_cursor
            } while cursor != nil
            #expect(walked == all)
            #expect(Set(walked).count == walked.count)
            #expect(walked.count > 50)
        }
    }

    @Test func sortByPriceIsAscending() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/jp/products?sort=price&limit=100", method: .get) { response in
                let prices = try response.json(ProductListBody.self).items.compactMap { $0.variants.compactMap(\.price).map(\.display.amount) }
                let lowest = prices.map { $0.compactMap { Int($0) }.min() ?? 0 }
                #expect(lowest == lowest.sorted())
            }
        }
    }

    @Test func derivedMarketsShowTheConversionInTheExplanation() async throws {
        try await TestServer().run { client in
            try await client.execute(
                uri: "/v1/markets/se/products/tea-rize-black/price-explanation?sku=TEA-RIZE-BLACK-250G&lang=sv", method: .get
            ) { response in
                struct Explanation: Decodable {
                    struct Step: Decodable {
                        let kind: String
                        let amount: AmountBody
                    }
                    let price_list_market: String
                    let steps: [Step]
                    let display: AmountBody
                }
                let explanation = try response.json(Explanation.self)
                #expect(explanation.price_list_market == "de")
                #expect(explanation.steps.map(\.kind) == ["list", "conversion", "ending", "tax"])
                #expect(explanation.steps.map(\.amount.amount) == ["6.90", "79.21", "80.00", "8.57"])
                #expect(explanation.display.formatted == "80,00\u{00A0}kr")
            }
        }
    }

    @Test func tiersAndChannelPricesApply() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/de/products/coffee-drip-bags", method: .get) { response in
                let price = try #require(try response.json(ProductBody.self).price)
                #expect(price.tiers.map(\.min_quantity) == [6, 12])
            }
            let web = try await client.execute(uri: "/v1/markets/ch/products/coffee-cafe-java-blend", method: .get) {
                try #require(try $0.json(ProductBody.self).price).display.amount
            }
            let pos = try await client.execute(uri: "/v1/markets/ch/products/coffee-cafe-java-blend?channel=pos", method: .get) {
                try #require(try $0.json(ProductBody.self).price).display.amount
            }
            #expect(Double(pos)! < Double(web)!)
        }
    }

    @Test func restrictedProductsStayOutOfOtherMarketsAndChannels() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/us/products/spice-lebkuchen-mix", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/markets/id/products/food-fresh-tempeh?channel=web", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/markets/id/products/food-fresh-tempeh?channel=pos", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/markets/us/products?limit=100", method: .get) { response in
                let ids = try response.json(ProductListBody.self).items.map(\.id)
                #expect(!ids.contains("spice-lebkuchen-mix"))
            }
        }
    }

    @Test func unchangedResponsesRevalidateWith304() async throws {
        try await TestServer().run { client in
            let etag = try await client.execute(uri: "/v1/markets/de/products/tea-rize-black", method: .get) { response in
                try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/v1/markets/de/products/tea-rize-black", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/v1/markets/de/products/tea-rize-black?lang=tr", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok, "another language is another representation")
            }
        }
    }

    @Test func categoriesAreTranslated() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/v1/markets/tr/categories", method: .get) { response in
                struct Categories: Decodable {
                    struct Item: Decodable {
                        let id: String
                        let name: String
                    }
                    let items: [Item]
                }
                let items = try response.json(Categories.self).items
                #expect(items.first { $0.id == "tea" }?.name == "Çay")
            }
        }
    }
}

/// Adds two plain decimal strings with the same number of fraction digits.
func addDecimals(_ a: String, _ b: String) -> String {
    let digits = a.split(separator: ".").dropFirst().first?.count ?? 0
    let total = Int(a.replacingOccurrences(of: ".", with: ""))! + Int(b.replacingOccurrences(of: ".", with: ""))!
    guard digits > 0 else { return String(total) }
    let text = String(format: "%0\(digits + 1)d", total)
    return String(text.dropLast(digits)) + "." + String(text.suffix(digits))
}
