import Foundation
import PasarCore
import PasarStorage
import Testing

/// Searches whose rarest word matches many products read the page by score tiers, and a rare word
/// looks up the common one for its own products only: the pages must be exactly what a full read
/// gives, on both databases.
@Suite("Search over many matches")
struct SearchTierTests {
    /// 600 products with `kessel` in the description; 30 also in the name; 3 with `selten`; the
    /// description-only products 100–124 in category `c1`.
    static func catalog(_ stores: PasarStores) async throws {
        let categories = [Category(id: "c1", translations: ["en": CategoryTranslation(name: "Pots", slug: "pots")])]
        var products: [(Product, [PriceEntry])] = []
        for index in 0..<600 {
            let number = String(format: "%03d", index)
            let name = index < 30 ? "Kessel \(number)" : "Item \(number)"
            let description = "kessel" + ([5, 100, 400].contains(index) ? " selten" : "")
            let product = Product(
                id: "p\(number)", categoryIDs: (100..<125).contains(index) ? ["c1"] : [],
                translations: ["en": ProductTranslation(name: name, description: description, slug: "p\(number)")],
                variants: [Variant(sku: "SKU-\(number)")])
            let price = PriceEntry(productID: product.id, market: "de", amount: try StorageFixtures.euro(100))
            products.append((product, [price]))
        }
        try await stores.catalog.importBatch(categories: categories, products: products)
    }

    static func search(_ text: String, category: String? = nil, after: ProductCursor? = nil, on stores: PasarStores) async throws -> ProductPage {
        try await stores.catalog.listProducts(
            ProductListQuery(
                market: "de", priceMarket: "de", language: "en", searchLanguages: ["en"], search: text, categoryID: category,
                sort: .relevance, after: after, limit: 20))
    }

    @Test(arguments: StorageBackend.all)
    func pagesOfACommonWordAreTheFullOrder(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let stores = processes.first
            try await Self.catalog(stores)
            var ids: [String] = []
            var cursor: ProductCursor?
            repeat {
                let page = try await Self.search("kessel", after: cursor, on: stores)
                ids += page.products.map(\.id)
                cursor = page.next
            } while cursor != nil && ids.count <= 600
            let nameMatches = (0..<30).map { "p" + String(format: "%03d", $0) }
            let rest = (30..<600).map { "p" + String(format: "%03d", $0) }
            #expect(ids == nameMatches + rest, "name matches first, then by name (Item 030 … 599), each once")

            let filtered = try await Self.search("kessel", category: "c1", on: stores)
            #expect(filtered.products.map(\.id) == (100..<120).map { "p\($0)" }, "filters past the first tier read the rest")

            let rare = try await Self.search("kessel selten", on: stores)
            #expect(rare.products.map(\.id) == ["p005", "p100", "p400"], "the rare word drives, the common one is looked up")
            #expect(try await Self.search("kessel nirgends", on: stores).products.isEmpty)
        }
    }
}
