public import Foundation
public import PasarCore

/// Persistence of the catalog: products, categories and price lists. The domain and HTTP layers
/// use only this protocol; SQLite and PostgreSQL implement it.
public protocol CatalogStore: Sendable {
    /// Creates or replaces a product with its variants, categories, slugs and, when given, its prices
    /// (nil keeps the stored prices). All or nothing.
    func save(_ product: Product, prices: [PriceEntry]?) async throws
    /// Replaces a product's price list. Throws `StorageError.notFound` for an unknown product.
    func replacePrices(productID: String, with prices: [PriceEntry]) async throws
    func save(_ category: Category) async throws
    /// Saves many categories and products in one transaction (imports).
    func importBatch(categories: [Category], products: [(Product, [PriceEntry])]) async throws

    func product(id: String) async throws -> Product?
    /// Several products at once (cart lines), keyed by id; unknown ids are left out.
    func products(ids: [String]) async throws -> [String: Product]
    func productID(slug: String, language: String) async throws -> String?
    /// The product a variant belongs to.
    func productID(sku: String) async throws -> String?
    func prices(productID: String, markets: [String]) async throws -> [PriceEntry]
    func listProducts(_ query: ProductListQuery) async throws -> ProductPage
    func categories() async throws -> [Category]
    func productCount() async throws -> Int
    /// The next moment after `date` at which a price starts or ends (a sale), if any: cached list
    /// pages live no longer, so a sale shows, and moves products in or out of price ranges, on time.
    func nextPriceChange(after date: Date) async throws -> Date?
    /// Forgets cached products and prices: another process changed the catalog.
    func dropCachedEntries()
}

extension CatalogStore {
    /// One read per product; stores that can read many at once override it.
    public func products(ids: [String]) async throws -> [String: Product] {
        var found: [String: Product] = [:]
        for id in Set(ids) { found[id] = try await product(id: id) }
        return found
    }
}
