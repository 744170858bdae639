import Foundation
import NIOCore
import PasarCore
import PostgresNIO

/// Product writes: one save and whole import batches share one path that writes every table with
/// a handful of multi-row statements, whatever the batch size.
extension PostgresCatalogStore {
    /// The constraints a concurrent writer of another product can make a variant or slug insert hit.
    private static let ownershipConstraints: Set<String> = ["variants_pkey", "product_slugs_pkey"]

    /// Writes categories and products (nil prices keep the stored ones) in one transaction, as if
    /// saved one after the other. A SKU or slug that another process took after this transaction
    /// checked makes the insert fail once that process commits; running the write again then
    /// reports the conflict as the check does.
    func writeProducts(categories: [Category], products: [(Product, [PriceEntry]?)]) async throws {
        var attempt = 0
        while true {
            do {
                try await database.write { [indexer] connection in
                    if !categories.isEmpty { try await Self.upsert(connection, categories: categories) }
                    if !products.isEmpty { try await Self.write(connection, products: products, indexer: indexer) }
                    try await Self.notifyChange(connection)
                }
                return
            } catch let error as PSQLError
                where error.isUniqueViolation && error.constraintName.map(Self.ownershipConstraints.contains) == true && attempt < 3
            {
                attempt += 1
            }
        }
    }

    /// Creates or updates categories; the last of several with one id wins.
    static func upsert(_ connection: PostgresConnection, categories: [Category]) async throws {
        var latest: [String: Category] = [:]
        for category in categories { latest[category.id] = category }
        // Sorted, so concurrent batches lock shared rows in the same order.
        let rows = latest.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        try await connection.execute(
            """
            INSERT INTO categories (id, parent_id, position, translations)
            SELECT * FROM unnest(\(rows.map(\.id))::text[], \(PostgresNullableArray(rows.map(\.parentID)))::text[],
                \(rows.map { Int64($0.position) })::int8[], \(try rows.map { try JSONColumn.encode($0.translations) })::text[])
            ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, position = excluded.position,
                translations = excluded.translations
            """)
    }

    private static func write(
        _ connection: PostgresConnection, products batch: [(Product, [PriceEntry]?)], indexer: CatalogIndexer
    ) async throws {
        // A product saved twice in one batch ends as its last version.
        var latest: [String: (Product, [PriceEntry]?)] = [:]
        for entry in batch { latest[entry.0.id] = entry }
        let finals = latest.values.sorted { $0.0.id.utf8.lexicographicallyPrecedes($1.0.id.utf8) }
        let products = finals.map(\.0)
        let ids = products.map(\.id)

        // Upserting the product rows first locks them (in id order) until commit: a concurrent
        // save of the same product waits here rather than interleaving its variant and slug rows.
        try await connection.execute(
            """
            INSERT INTO products (id, tax_class, images, markets, channels, translations, variants, updated_at)
            SELECT u.*, \(Int64(Date().timeIntervalSince1970))::int8 FROM unnest(
                \(ids)::text[], \(products.map(\.taxClass))::text[], \(try products.map { try JSONColumn.encode($0.images) })::text[],
                \(PostgresNullableArray(products.map { ListColumn.encode($0.markets) }))::text[],
                \(PostgresNullableArray(products.map { ListColumn.encode($0.channels) }))::text[],
                \(try products.map { try JSONColumn.encode($0.translations) })::text[],
                \(try products.map { try JSONColumn.encode($0.variants) })::text[]) AS u
            ON CONFLICT (id) DO UPDATE SET tax_class = excluded.tax_class, images = excluded.images, markets = excluded.markets,
                channels = excluded.channels, translations = excluded.translations, variants = excluded.variants,
                updated_at = excluded.updated_at
            """)
        try await checkUnique(connection, batch: batch.map(\.0))
        let categories = try SearchIndexWrites.decodeCategories(try await PostgresSQL.rows(connection, SearchIndexWrites.categories))
        let currentTerms = try await PostgresSQL.rows(connection, SearchIndexWrites.currentTerms(of: ids))

        try await connection.execute("DELETE FROM variants WHERE product_id = ANY(\(ids))")
        try await connection.execute("DELETE FROM product_categories WHERE product_id = ANY(\(ids))")
        try await connection.execute("DELETE FROM product_slugs WHERE product_id = ANY(\(ids))")
        try await connection.execute("DELETE FROM product_index WHERE product_id = ANY(\(ids))")
        let repriced = finals.filter { $0.1 != nil }.map(\.0.id)
        if !repriced.isEmpty {
            try await connection.execute("DELETE FROM prices WHERE product_id = ANY(\(repriced))")
            try await connection.execute("DELETE FROM list_prices WHERE product_id = ANY(\(repriced))")
        }

        let variants = products.flatMap { product in product.variants.map { ($0.sku, product.id) } }
        if !variants.isEmpty {
            try await connection.execute(
                "INSERT INTO variants (sku, product_id) SELECT * FROM unnest(\(variants.map(\.0))::text[], \(variants.map(\.1))::text[])")
        }
        let memberships = products.flatMap { product in Set(product.categoryIDs).map { ($0, product.id) } }
        if !memberships.isEmpty {
            try await connection.execute(
                """
                INSERT INTO product_categories (category_id, product_id)
                SELECT * FROM unnest(\(memberships.map(\.0))::text[], \(memberships.map(\.1))::text[])
                """)
        }
        let slugs = products.flatMap { product in product.translations.map { ($0.key, $0.value.slug, product.id) } }
        if !slugs.isEmpty {
            try await connection.execute(
                """
                INSERT INTO product_slugs (language, slug, product_id)
                SELECT * FROM unnest(\(slugs.map(\.0))::text[], \(slugs.map(\.1))::text[], \(slugs.map(\.2))::text[])
                """)
        }
        let entries = products.flatMap { product in indexer.entries(for: product).map { (product.id, $0) } }
        if !entries.isEmpty {
            try await connection.execute(
                """
                INSERT INTO product_index (language, product_id, search_text, sort_key)
                SELECT * FROM unnest(\(entries.map(\.1.language))::text[], \(entries.map(\.0))::text[],
                    \(entries.map(\.1.searchText))::text[], \(entries.map { ByteBuffer(bytes: $0.1.sortKey) })::bytea[])
                """)
        }
        let prices = finals.flatMap { product, prices in (prices ?? []).map { (product.id, $0) } }
        try await insertPrices(connection, prices: prices)
        for statement in SearchIndexWrites.statements(for: products, categories: categories, current: currentTerms) {
            try await PostgresSQL.execute(connection, statement)
        }
    }

    /// Refuses a SKU or slug another product owns, with the message SQLite's store gives, checking the
    /// batch's products in order as if each were saved alone: a product written earlier in the batch
    /// owns what it claims, and a stored product rewritten earlier no longer owns what it had.
    private static func checkUnique(_ connection: PostgresConnection, batch: [Product]) async throws {
        let skus = Array(Set(batch.flatMap { $0.variants.map(\.sku) }))
        var storedSKUs: [String: String] = [:]
        for row in try await connection.rows("SELECT sku, product_id FROM variants WHERE sku = ANY(\(skus))") {
            storedSKUs[try row.get("sku")] = try row.get("product_id", as: String.self)
        }
        let slugKeys = Array(Set(batch.flatMap { product in product.translations.map { SlugKey(language: $0.key, slug: $0.value.slug) } }))
        var storedSlugs: [SlugKey: String] = [:]
        if !slugKeys.isEmpty {
            for row in try await connection.rows(
                """
                SELECT s.language, s.slug, s.product_id FROM product_slugs s
                JOIN unnest(\(slugKeys.map(\.language))::text[], \(slugKeys.map(\.slug))::text[]) AS k(language, slug)
                    ON s.language = k.language AND s.slug = k.slug
                """)
            {
                storedSlugs[SlugKey(language: try row.get("language"), slug: try row.get("slug"))] = try row.get("product_id", as: String.self)
            }
        }

        var written: Set<String> = []
        var batchSKUs: [String: String] = [:]
        var batchSlugs: [SlugKey: String] = [:]
        var claimed: [String: (skus: [String], slugs: [SlugKey])] = [:]
        func owner(_ batchOwner: String?, _ storedOwner: String?) -> String? {
            if let batchOwner { return batchOwner }
            guard let storedOwner, !written.contains(storedOwner) else { return nil }
            return storedOwner
        }
        for product in batch {
            written.insert(product.id)
            for variant in product.variants {
                if let owner = owner(batchSKUs[variant.sku], storedSKUs[variant.sku]), owner != product.id {
                    throw StorageError.conflict(field: "variants.sku", message: "SKU '\(variant.sku)' already belongs to product '\(owner)'")
                }
            }
            for (language, translation) in product.translations {
                let key = SlugKey(language: language, slug: translation.slug)
                if let owner = owner(batchSlugs[key], storedSlugs[key]), owner != product.id {
                    throw StorageError.conflict(
                        field: "translations.\(language).slug",
                        message: "slug '\(translation.slug)' (\(language)) already belongs to product '\(owner)'")
                }
            }
            // Replacing a product releases what its earlier version in this batch claimed.
            if let previous = claimed[product.id] {
                for sku in previous.skus where batchSKUs[sku] == product.id { batchSKUs[sku] = nil }
                for key in previous.slugs where batchSlugs[key] == product.id { batchSlugs[key] = nil }
            }
            let slugs = product.translations.map { SlugKey(language: $0.key, slug: $0.value.slug) }
            for variant in product.variants { batchSKUs[variant.sku] = product.id }
            for key in slugs { batchSlugs[key] = product.id }
            claimed[product.id] = (product.variants.map(\.sku), slugs)
        }
    }

    private struct SlugKey: Hashable {
        let language: String
        let slug: String
    }

    /// Inserts price entries in the given order (reads return each product's entries by id) and the
    /// everyday list price per product and market that sorting and filtering use.
    static func insertPrices(_ connection: PostgresConnection, prices: [(productID: String, entry: PriceEntry)]) async throws {
        guard !prices.isEmpty else { return }
        let entries = prices.map(\.entry)
        try await connection.execute(
            """
            INSERT INTO prices (product_id, sku, market, currency, amount_minor, channel, customer_group, min_quantity, valid_from, valid_to)
            SELECT product_id, sku, market, currency, amount_minor, channel, customer_group, min_quantity, valid_from, valid_to
            FROM unnest(
                \(prices.map(\.productID))::text[], \(PostgresNullableArray(entries.map(\.sku)))::text[], \(entries.map(\.market))::text[],
                \(entries.map(\.amount.currency.code))::text[], \(entries.map(\.amount.minorUnits))::int8[],
                \(PostgresNullableArray(entries.map(\.channel)))::text[], \(PostgresNullableArray(entries.map(\.customerGroup)))::text[],
                \(entries.map(\.minQuantity))::int8[], \(PostgresNullableArray(entries.map { $0.validFrom.map(seconds) }))::int8[],
                \(PostgresNullableArray(entries.map { $0.validTo.map(seconds) }))::int8[]
            ) WITH ORDINALITY AS u(product_id, sku, market, currency, amount_minor, channel, customer_group, min_quantity, valid_from,
                valid_to, position)
            ORDER BY position
            """)
        var listPrices: [ListPriceKey: Int64] = [:]
        for (productID, price) in prices {
            let isEveryday = price.channel == nil && price.customerGroup == nil && price.minQuantity == 1 && !price.isTimeLimited
            guard isEveryday else { continue }
            let key = ListPriceKey(market: price.market, productID: productID)
            listPrices[key] = min(listPrices[key] ?? .max, price.amount.minorUnits)
        }
        guard !listPrices.isEmpty else { return }
        let rows = Array(listPrices)
        try await connection.execute(
            """
            INSERT INTO list_prices (market, product_id, amount_minor)
            SELECT * FROM unnest(\(rows.map(\.key.market))::text[], \(rows.map(\.key.productID))::text[], \(rows.map(\.value))::int8[])
            """)
    }

    private struct ListPriceKey: Hashable {
        let market: String
        let productID: String
    }
}
