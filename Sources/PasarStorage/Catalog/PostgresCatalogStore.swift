public import Foundation
import NIOCore
public import PasarCore
public import PasarLocalization
import PostgresNIO

/// The catalog on a shared PostgreSQL database. Every write tells the other processes to drop their
/// cached products and prices (`pasar_changes`, delivered on commit).
public final class PostgresCatalogStore: CatalogStore {
    let database: PostgresDatabase
    let indexer: CatalogIndexer
    let synonyms: SearchSynonyms
    let cache = CatalogCache()

    /// `indexLanguages`: every language a request may be served in (the markets' languages).
    public init(database: PostgresDatabase, indexLanguages: [LocaleTag], synonyms: SearchSynonyms = .none) throws {
        self.database = database
        self.indexer = try CatalogIndexer(languages: indexLanguages)
        self.synonyms = synonyms
    }

    /// Forgets cached products and prices; called when another process reports a catalog write.
    public func dropCachedEntries() {
        cache.invalidate()
    }

    // MARK: Writes

    public func save(_ product: Product, prices: [PriceEntry]?) async throws {
        defer { cache.invalidate() }
        try await writeProducts(categories: [], products: [(product, prices)])
    }

    public func importBatch(categories: [Category], products: [(Product, [PriceEntry])]) async throws {
        defer { cache.invalidate() }
        try await writeProducts(categories: categories, products: products.map { ($0.0, $0.1) })
    }

    public func replacePrices(productID: String, with prices: [PriceEntry]) async throws {
        defer { cache.invalidate() }
        try await database.write { connection in
            // The lock keeps a concurrent save or price replacement of this product from interleaving.
            guard try await connection.value("SELECT 1 FROM products WHERE id = \(productID) FOR UPDATE", as: Int32.self) != nil else {
                throw StorageError.notFound("product '\(productID)'")
            }
            try await connection.execute("DELETE FROM prices WHERE product_id = \(productID)")
            try await connection.execute("DELETE FROM list_prices WHERE product_id = \(productID)")
            try await Self.insertPrices(connection, prices: prices.map { (productID, $0) })
            try await Self.notifyChange(connection)
        }
    }

    public func save(_ category: Category) async throws {
        defer { cache.invalidate() }
        try await database.write { connection in
            try await Self.upsert(connection, categories: [category])
            try await Self.notifyChange(connection)
        }
    }

    /// Tells every process listening on `pasar_changes` that the catalog changed, once the
    /// transaction commits.
    static func notifyChange(_ connection: PostgresConnection) async throws {
        try await connection.execute("SELECT pg_notify(\(PostgresChangeFeed.channel), \(StorageChange.catalog.payload))")
    }

    // MARK: Reads

    public func product(id: String) async throws -> Product? {
        try await products(ids: [id])[id]
    }

    public func products(ids: [String]) async throws -> [String: Product] {
        try await cache.products(ids: ids) { missing in
            try await database.read { connection in try await Self.fetchProducts(connection, ids: missing) }
        }
    }

    public func productID(slug: String, language: String) async throws -> String? {
        try await database.read { connection in
            try await connection.value(
                "SELECT product_id FROM product_slugs WHERE language = \(language) AND slug = \(slug)", as: String.self)
        }
    }

    public func productID(sku: String) async throws -> String? {
        try await cache.productID(sku: sku) {
            try await database.read { connection in
                try await connection.value("SELECT product_id FROM variants WHERE sku = \(sku)", as: String.self)
            }
        }
    }

    public func prices(productID: String, markets: [String]) async throws -> [PriceEntry] {
        try await cache.prices(productID: productID, markets: markets) {
            try await database.read { connection in
                try await Self.fetchPrices(connection, productIDs: [productID], markets: markets)[productID] ?? []
            }
        }
    }

    public func categories() async throws -> [Category] {
        try await cache.categories {
            try await database.read { connection in
                try await connection.rows("SELECT id, parent_id, position, translations FROM categories ORDER BY position, id COLLATE \"C\"").map { row in
                    Category(
                        id: try row.get("id"), parentID: try row.get("parent_id", as: String?.self), position: Int(try row.get("position", as: Int64.self)),
                        translations: try JSONColumn.decode([String: CategoryTranslation].self, from: try row.get("translations")))
                }
            }
        }
    }

    public func productCount() async throws -> Int {
        try await database.read { connection in
            Int(try await connection.value("SELECT COUNT(*) FROM products", as: Int64.self) ?? 0)
        }
    }

    public func nextPriceChange(after date: Date) async throws -> Date? {
        try await readNextPriceChange(after: date)
    }

    public func listProducts(_ query: ProductListQuery) async throws -> ProductPage {
        let listing = try await ProductListing.run(query, synonyms: synonyms, reader: self)
        let markets = Array(Set([query.market, query.priceMarket]))
        let (products, prices) = try await database.read { connection in
            let products = try await Self.fetchProducts(connection, ids: listing.ids)
            var prices = try await Self.fetchPrices(connection, productIDs: listing.ids, markets: markets)
            for id in listing.ids where prices[id] == nil { prices[id] = [] }
            return (products, prices)
        }
        var page = ProductPage(products: products, prices: prices, next: listing.next, facets: listing.facets)
        page.suggestions = listing.suggestions
        return page
    }

    /// The products with these ids, in the order of `ids`; unknown ids are left out.
    static func fetchProducts(_ connection: PostgresConnection, ids: [String]) async throws -> [Product] {
        guard !ids.isEmpty else { return [] }
        let rows = try await connection.rows(
            "SELECT id, tax_class, images, markets, channels, translations, variants FROM products WHERE id = ANY(\(ids))")
        let categoryRows = try await connection.rows(
            "SELECT product_id, category_id FROM product_categories WHERE product_id = ANY(\(ids)) ORDER BY category_id COLLATE \"C\"")
        var categories: [String: [String]] = [:]
        for row in categoryRows { categories[try row.get("product_id"), default: []].append(try row.get("category_id")) }
        var byID: [String: Product] = [:]
        for row in rows {
            let id = try row.get("id", as: String.self)
            byID[id] = Product(
                id: id, categoryIDs: categories[id] ?? [], taxClass: try row.get("tax_class"),
                images: try JSONColumn.decode([String].self, from: try row.get("images")),
                markets: ListColumn.decode(try row.get("markets", as: String?.self)),
                channels: ListColumn.decode(try row.get("channels", as: String?.self)),
                translations: try JSONColumn.decode([String: ProductTranslation].self, from: try row.get("translations")),
                variants: try JSONColumn.decode([Variant].self, from: try row.get("variants")))
        }
        return ids.compactMap { byID[$0] }
    }

    /// Price entries by product id, each list in the order the entries were saved.
    static func fetchPrices(_ connection: PostgresConnection, productIDs: [String], markets: [String]) async throws -> [String: [PriceEntry]] {
        guard !productIDs.isEmpty else { return [:] }
        let rows = try await connection.rows(
            """
            SELECT product_id, sku, market, currency, amount_minor, channel, customer_group, min_quantity, valid_from, valid_to
            FROM prices WHERE product_id = ANY(\(productIDs)) AND market = ANY(\(markets)) ORDER BY id
            """)
        var prices: [String: [PriceEntry]] = [:]
        for row in rows {
            let code = try row.get("currency", as: String.self)
            guard let currency = try? CurrencyCatalog.currency(code) else { throw StorageError.corrupt("currency '\(code)'") }
            let productID = try row.get("product_id", as: String.self)
            prices[productID, default: []].append(
                PriceEntry(
                    productID: productID, sku: try row.get("sku", as: String?.self), market: try row.get("market"),
                    amount: Money(minorUnits: try row.get("amount_minor", as: Int64.self), currency: currency),
                    channel: try row.get("channel", as: String?.self), customerGroup: try row.get("customer_group", as: String?.self),
                    minQuantity: try row.get("min_quantity", as: Int64.self),
                    validFrom: try row.get("valid_from", as: Int64?.self).map(date), validTo: try row.get("valid_to", as: Int64?.self).map(date)))
        }
        return prices
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}

extension PostgresCatalogStore: CatalogSQLReader {
    var dialect: SQLDialect { .postgres }

    func rows(_ statement: SQLFragment) async throws -> [[SQLValue?]] {
        try await database.read { connection in try await PostgresSQL.rows(connection, statement) }
    }
}
