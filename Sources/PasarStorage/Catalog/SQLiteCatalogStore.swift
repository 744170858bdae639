public import Foundation
import GRDB
public import PasarCore
public import PasarLocalization

/// The catalog on the embedded SQLite database.
public final class SQLiteCatalogStore: CatalogStore {
    private let pool: MeteredPool
    private let indexer: CatalogIndexer
    private let synonyms: SearchSynonyms
    private let cache = CatalogCache()

    /// `indexLanguages`: every language a request may be served in (the markets' languages).
    public init(database: SQLiteDatabase, indexLanguages: [LocaleTag], synonyms: SearchSynonyms = .none) throws {
        self.pool = database.metered
        self.indexer = try CatalogIndexer(languages: indexLanguages)
        self.synonyms = synonyms
    }

    public func dropCachedEntries() { cache.invalidate() }

    // MARK: Writes

    public func save(_ product: Product, prices: [PriceEntry]?) async throws {
        defer { cache.invalidate() }
        try await pool.write { [indexer] db in
            let kept = try prices ?? Self.fetchPrices(db, productID: product.id, markets: nil)
            try Self.write(db, products: [(product, kept)], indexer: indexer)
        }
    }

    public func replacePrices(productID: String, with prices: [PriceEntry]) async throws {
        defer { cache.invalidate() }
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM products WHERE id = ?", arguments: [productID]) ?? false else {
                throw StorageError.notFound("product '\(productID)'")
            }
            try db.execute(sql: "DELETE FROM prices WHERE product_id = ?", arguments: [productID])
            try db.execute(sql: "DELETE FROM list_prices WHERE product_id = ?", arguments: [productID])
            try Self.insertPrices(db, productID: productID, prices: prices)
        }
    }

    public func save(_ category: Category) async throws {
        defer { cache.invalidate() }
        try await pool.write { db in try Self.write(db, category: category) }
    }

    public func importBatch(categories: [Category], products: [(Product, [PriceEntry])]) async throws {
        defer { cache.invalidate() }
        try await pool.write { [indexer] db in
            for category in categories { try Self.write(db, category: category) }
            try Self.write(db, products: products, indexer: indexer)
        }
    }

    private static func write(_ db: Database, category: Category) throws {
        try db.execute(
            sql: """
                INSERT INTO categories (id, parent_id, position, translations) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, position = excluded.position,
                    translations = excluded.translations
                """,
            arguments: [category.id, category.parentID, category.position, try JSONColumn.encode(category.translations)])
    }

    /// Writes products one after the other, then their search rows in a few multi-row statements.
    private static func write(_ db: Database, products: [(Product, [PriceEntry])], indexer: CatalogIndexer) throws {
        guard !products.isEmpty else { return }
        let categories = try SearchIndexWrites.decodeCategories(SQLiteSQL.rows(db, SearchIndexWrites.categories))
        let current = try SQLiteSQL.rows(db, SearchIndexWrites.currentTerms(of: products.map(\.0.id)))
        var latest: [String: Product] = [:]
        for (product, prices) in products {
            try write(db, product: product, prices: prices, indexer: indexer)
            latest[product.id] = product
        }
        for statement in SearchIndexWrites.statements(for: Array(latest.values), categories: categories, current: current) {
            try SQLiteSQL.execute(db, statement)
        }
    }

    private static func write(_ db: Database, product: Product, prices: [PriceEntry], indexer: CatalogIndexer) throws {
        try checkUnique(db, product: product)
        // Replacing the row cascades to variants, slugs, index rows, categories and prices.
        try db.executeCached(sql: "DELETE FROM products WHERE id = ?", arguments: [product.id])
        try db.executeCached(
            sql: """
                INSERT INTO products (id, tax_class, images, markets, channels, translations, variants, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                product.id, product.taxClass, try JSONColumn.encode(product.images), ListColumn.encode(product.markets),
                ListColumn.encode(product.channels), try JSONColumn.encode(product.translations),
                try JSONColumn.encode(product.variants), Int64(Date().timeIntervalSince1970),
            ])
        for variant in product.variants {
            try db.executeCached(sql: "INSERT INTO variants (sku, product_id) VALUES (?, ?)", arguments: [variant.sku, product.id])
        }
        for categoryID in Set(product.categoryIDs) {
            try db.executeCached(
                sql: "INSERT INTO product_categories (category_id, product_id) VALUES (?, ?)", arguments: [categoryID, product.id])
        }
        for (language, translation) in product.translations {
            try db.executeCached(
                sql: "INSERT INTO product_slugs (language, slug, product_id) VALUES (?, ?, ?)",
                arguments: [language, translation.slug, product.id])
        }
        for entry in indexer.entries(for: product) {
            try db.executeCached(
                sql: "INSERT INTO product_index (language, product_id, search_text, sort_key) VALUES (?, ?, ?, ?)",
                arguments: [entry.language, product.id, entry.searchText, Data(entry.sortKey)])
        }
        try insertPrices(db, productID: product.id, prices: prices)
    }

    /// Reports a taken SKU or slug by name instead of as a bare constraint failure.
    private static func checkUnique(_ db: Database, product: Product) throws {
        for variant in product.variants {
            if let owner = try String.fetchOne(
                db.cachedStatement(sql: "SELECT product_id FROM variants WHERE sku = ? AND product_id != ?"), arguments: [variant.sku, product.id])
            {
                throw StorageError.conflict(field: "variants.sku", message: "SKU '\(variant.sku)' already belongs to product '\(owner)'")
            }
        }
        for (language, translation) in product.translations {
            if let owner = try String.fetchOne(
                db.cachedStatement(sql: "SELECT product_id FROM product_slugs WHERE language = ? AND slug = ? AND product_id != ?"),
                arguments: [language, translation.slug, product.id])
            {
                throw StorageError.conflict(
                    field: "translations.\(language).slug",
                    message: "slug '\(translation.slug)' (\(language)) already belongs to product '\(owner)'")
            }
        }
    }

    private static func insertPrices(_ db: Database, productID: String, prices: [PriceEntry]) throws {
        var listPrices: [String: Int64] = [:]
        for price in prices {
            try db.executeCached(
                sql: """
                    INSERT INTO prices (product_id, sku, market, currency, amount_minor, channel, customer_group,
                        min_quantity, valid_from, valid_to)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    productID, price.sku, price.market, price.amount.currency.code, price.amount.minorUnits, price.channel,
                    price.customerGroup, price.minQuantity, price.validFrom.map(Self.seconds), price.validTo.map(Self.seconds),
                ])
            let isEveryday = price.channel == nil && price.customerGroup == nil && price.minQuantity == 1 && !price.isTimeLimited
            if isEveryday { listPrices[price.market] = min(listPrices[price.market] ?? .max, price.amount.minorUnits) }
        }
        for (market, amount) in listPrices {
            try db.executeCached(
                sql: "INSERT INTO list_prices (market, product_id, amount_minor) VALUES (?, ?, ?)",
                arguments: [market, productID, amount])
        }
    }

    // MARK: Reads

    public func product(id: String) async throws -> Product? {
        try await products(ids: [id])[id]
    }

    public func products(ids: [String]) async throws -> [String: Product] {
        try await cache.products(ids: ids) { missing in
            try await pool.read { db in try Self.fetchProducts(db, ids: missing) }
        }
    }

    public func productID(slug: String, language: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(
                db, sql: "SELECT product_id FROM product_slugs WHERE language = ? AND slug = ?", arguments: [language, slug])
        }
    }

    public func productID(sku: String) async throws -> String? {
        try await cache.productID(sku: sku) {
            try await pool.read { db in try String.fetchOne(db, sql: "SELECT product_id FROM variants WHERE sku = ?", arguments: [sku]) }
        }
    }

    public func prices(productID: String, markets: [String]) async throws -> [PriceEntry] {
        try await cache.prices(productID: productID, markets: markets) {
            try await pool.read { db in try Self.fetchPrices(db, productID: productID, markets: markets) }
        }
    }

    public func categories() async throws -> [Category] {
        try await cache.categories {
            try await pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, parent_id, position, translations FROM categories ORDER BY position, id").map { row in
                    Category(
                        id: row["id"], parentID: row["parent_id"], position: row["position"],
                        translations: try JSONColumn.decode([String: CategoryTranslation].self, from: row["translations"]))
                }
            }
        }
    }

    public func productCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products") ?? 0 }
    }

    public func nextPriceChange(after date: Date) async throws -> Date? {
        try await readNextPriceChange(after: date)
    }

    public func listProducts(_ query: ProductListQuery) async throws -> ProductPage {
        let listing = try await ProductListing.run(query, synonyms: synonyms, reader: self)
        let markets = Array(Set([query.market, query.priceMarket]))
        let (products, prices) = try await pool.read { db in
            let products = try Self.fetchProducts(db, ids: listing.ids)
            var prices: [String: [PriceEntry]] = [:]
            for id in listing.ids { prices[id] = try Self.fetchPrices(db, productID: id, markets: markets) }
            return (products, prices)
        }
        var page = ProductPage(products: products, prices: prices, next: listing.next, facets: listing.facets)
        page.suggestions = listing.suggestions
        return page
    }

    private static func fetchProducts(_ db: Database, ids: [String]) throws -> [Product] {
        guard !ids.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT id, tax_class, images, markets, channels, translations, variants FROM products WHERE id IN (\(placeholders))",
            arguments: StatementArguments(ids))
        let categoryRows = try Row.fetchAll(
            db, sql: "SELECT product_id, category_id FROM product_categories WHERE product_id IN (\(placeholders)) ORDER BY category_id",
            arguments: StatementArguments(ids))
        var categories: [String: [String]] = [:]
        for row in categoryRows { categories[row["product_id"], default: []].append(row["category_id"]) }
        var byID: [String: Product] = [:]
        for row in rows {
            let id: String = row["id"]
            byID[id] = Product(
                id: id, categoryIDs: categories[id] ?? [], taxClass: row["tax_class"],
                images: try JSONColumn.decode([String].self, from: row["images"]),
                markets: ListColumn.decode(row["markets"]), channels: ListColumn.decode(row["channels"]),
                translations: try JSONColumn.decode([String: ProductTranslation].self, from: row["translations"]),
                variants: try JSONColumn.decode([Variant].self, from: row["variants"]))
        }
        return ids.compactMap { byID[$0] }
    }

    private static func fetchPrices(_ db: Database, productID: String, markets: [String]?) throws -> [PriceEntry] {
        var sql = """
            SELECT sku, market, currency, amount_minor, channel, customer_group, min_quantity, valid_from, valid_to
            FROM prices WHERE product_id = ?
            """
        var arguments: StatementArguments = [productID]
        if let markets {
            sql += " AND market IN (\(Array(repeating: "?", count: markets.count).joined(separator: ",")))"
            arguments += StatementArguments(markets)
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
            let code: String = row["currency"]
            guard let currency = try? CurrencyCatalog.currency(code) else { throw StorageError.corrupt("currency '\(code)'") }
            return PriceEntry(
                productID: productID, sku: row["sku"], market: row["market"],
                amount: Money(minorUnits: row["amount_minor"], currency: currency), channel: row["channel"],
                customerGroup: row["customer_group"], minQuantity: row["min_quantity"],
                validFrom: (row["valid_from"] as Int64?).map(Self.date), validTo: (row["valid_to"] as Int64?).map(Self.date))
        }
    }

    private static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
    private static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}

extension SQLiteCatalogStore: CatalogSQLReader {
    var dialect: SQLDialect { .sqlite }

    func rows(_ statement: SQLFragment) async throws -> [[SQLValue?]] {
        try await pool.read { db in try SQLiteSQL.rows(db, statement) }
    }
}
