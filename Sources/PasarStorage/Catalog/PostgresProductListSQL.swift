import NIOCore
import PostgresNIO

/// The keyset-paginated statement behind a product list on PostgreSQL, giving the pages of
/// `ProductListSQL` in the same order: sort keys are BYTEA (bytewise, as SQLite's BLOB) and ids
/// compare with the "C" collation (bytewise, as SQLite's BINARY), whatever the database's collation.
struct PostgresProductListSQL {
    let query: PostgresQuery
    let sort: ProductSort

    init(query list: ProductListQuery) {
        sort = list.sort
        var binds = PostgresBindings()
        func bind<Value: PostgresNonThrowingEncodable>(_ value: Value) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }

        var prefix = ""
        if let categoryID = list.categoryID {
            prefix = """
                WITH RECURSIVE tree(id) AS (
                    SELECT \(bind(categoryID))::text UNION SELECT c.id FROM categories c JOIN tree t ON c.parent_id = t.id
                )
                """
        }
        var from = "products p"
        if list.sort == .name || list.search != nil {
            from += " JOIN product_index i ON i.product_id = p.id AND i.language = \(bind(list.language))"
        }
        if list.sort == .price {
            from += " JOIN list_prices s ON s.product_id = p.id AND s.market = \(bind(list.priceMarket))"
        }
        var conditions = [
            "(p.markets IS NULL OR strpos(p.markets, \(bind(",\(list.market),"))) > 0)",
            "EXISTS (SELECT 1 FROM list_prices lp WHERE lp.market = \(bind(list.priceMarket)) AND lp.product_id = p.id)",
        ]
        if let channel = list.channel {
            conditions.append("(p.channels IS NULL OR strpos(p.channels, \(bind(",\(channel),"))) > 0)")
        }
        // Search text and patterns are both case-folded (`SearchKey`), so a case-sensitive LIKE
        // matches what SQLite's ASCII-case-insensitive one does.
        for pattern in CatalogIndexer.searchPatterns(list.search ?? "") {
            conditions.append("i.search_text LIKE \(bind(pattern)) ESCAPE '\\'")
        }
        if list.categoryID != nil {
            conditions.append(
                "EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_id = p.id AND pc.category_id IN (SELECT id FROM tree))")
        }
        // Each sort orders by its own table's id column so one index serves filter, order and cursor.
        let select: String
        let order: String
        switch list.sort {
        case .name:
            select = "p.id AS id, i.sort_key AS sort_value"
            order = "i.sort_key, i.product_id COLLATE \"C\""
            if let cursor = list.after {
                let key = bind(ByteBuffer(bytes: Hex.decode(cursor.key) ?? []))
                conditions.append("i.sort_key >= \(key) AND (i.sort_key > \(key) OR i.product_id COLLATE \"C\" > \(bind(cursor.productID)))")
            }
        case .price:
            select = "p.id AS id, s.amount_minor AS sort_value"
            order = "s.amount_minor, s.product_id COLLATE \"C\""
            if let cursor = list.after {
                let amount = bind(Int64(cursor.key) ?? 0)
                conditions.append(
                    "s.amount_minor >= \(amount) AND (s.amount_minor > \(amount) OR s.product_id COLLATE \"C\" > \(bind(cursor.productID)))")
            }
        case .id:
            select = "p.id AS id"
            order = "p.id COLLATE \"C\""
            if let cursor = list.after {
                conditions.append("p.id COLLATE \"C\" > \(bind(cursor.productID))")
            }
        }
        let sql = """
            \(prefix) SELECT \(select) FROM \(from) WHERE \(conditions.joined(separator: " AND ")) \
            ORDER BY \(order) LIMIT \(bind(Int64(list.limit + 1)))
            """
        query = PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The cursor that continues after `row`.
    func cursor(after row: PostgresRandomAccessRow) throws -> ProductCursor {
        let id = try row.get("id", as: String.self)
        switch sort {
        case .name:
            let key = try row.get("sort_value", as: ByteBuffer.self)
            return ProductCursor(sort: .name, key: Hex.encode(Array(key.readableBytesView)), productID: id)
        case .price:
            return ProductCursor(sort: .price, key: String(try row.get("sort_value", as: Int64.self)), productID: id)
        case .id:
            return ProductCursor(sort: .id, key: "", productID: id)
        }
    }
}
