/// The keyset-paginated statement behind a product list or search page, written once for both
/// databases: filters (`ProductFilterSQL`), the search score (`SearchHitsSQL`), the order and the
/// cursor condition. Sort keys compare bytewise and ids with the bytewise collation on both, so
/// both databases give the same ids in the same order.
///
/// Result columns: `id`, then `score` (relevance), `sort_key` (relevance, name) or `amount` (price).
struct ProductListStatement {
    let fragment: SQLFragment
    let sort: ProductSort

    /// The hits a relevance page reads, when `ProductListing` knows where the page lies.
    enum Tier {
        /// Hits scoring at least this, read hits first and sorted (few hits).
        case atLeast(Int)
        /// Hits scoring exactly this, read in name order through the name index, each looked up
        /// in the hits (many hits: the page is found after a few dozen names, not a sort of all).
        case exactly(Int)
    }

    init(query: ProductListQuery, plan: SearchPlan?, dialect: SQLDialect, tier: Tier? = nil) {
        let filter = ProductFilterSQL(query: query, dialect: dialect)
        sort = plan == nil && query.sort == .relevance ? .name : query.sort
        var tables: [SQLFragment] = []
        if let tree = filter.categoryTree { tables.append(tree) }
        if let plan { tables += SearchHitsSQL.tables(plan) }

        var from: SQLFragment = plan == nil ? "products p" : SearchHitsSQL.hitsThenProducts
        var conditions = filter.conditions
        let id = dialect.bytewise("p.id")
        let select: String
        let order: String
        switch tier {
        case .exactly(let score)?:
            from = "product_index i CROSS JOIN products p"
            conditions.insert("i.language = \(query.language) AND p.id = i.product_id AND p.id IN (SELECT id FROM hits WHERE score = \(score))", at: 0)
        case .atLeast(let minimum)?:
            conditions.insert(contentsOf: [SearchHitsSQL.hitIsProduct, "h.score >= \(minimum)"], at: 0)
        case nil:
            if plan != nil { conditions.insert(SearchHitsSQL.hitIsProduct, at: 0) }
        }
        switch (sort, tier) {
        case (.relevance, .exactly(let score)?):
            select = "p.id AS id, \(score) AS score, i.sort_key AS sort_key"
            order = "i.sort_key, \(id)"
            if let cursor = query.after, let (cursorScore, key) = ProductCursor.relevance(cursor.key), cursorScore == score {
                conditions.append(
                    "(i.sort_key > \(SQLValue.blob(key)) OR (i.sort_key = \(SQLValue.blob(key)) AND \(raw: id) > \(cursor.productID)))")
            }
        case (.relevance, _), (.name, _):
            from = from + " JOIN product_index i ON i.product_id = p.id AND i.language = \(query.language)"
            if sort == .relevance {
                select = "p.id AS id, h.score AS score, i.sort_key AS sort_key"
                order = "h.score DESC, i.sort_key, \(id)"
                if let cursor = query.after, let (score, key) = ProductCursor.relevance(cursor.key) {
                    conditions.append(
                        """
                        (h.score < \(score) OR (h.score = \(score) AND (i.sort_key > \(SQLValue.blob(key)) \
                        OR (i.sort_key = \(SQLValue.blob(key)) AND \(raw: id) > \(cursor.productID)))))
                        """)
                }
            } else {
                select = "p.id AS id, i.sort_key AS sort_key"
                order = "i.sort_key, \(id)"
                if let cursor = query.after {
                    let key = SQLValue.blob(Hex.decode(cursor.key) ?? [])
                    conditions.append("i.sort_key >= \(key) AND (i.sort_key > \(key) OR \(raw: id) > \(cursor.productID))")
                }
            }
        case (.price, _):
            from = from + " JOIN list_prices s ON s.product_id = p.id AND s.market = \(query.priceMarket)"
            select = "p.id AS id, s.amount_minor AS amount"
            order = "s.amount_minor, \(id)"
            if let cursor = query.after {
                let amount = Int64(cursor.key) ?? 0
                conditions.append("s.amount_minor >= \(amount) AND (s.amount_minor > \(amount) OR \(raw: id) > \(cursor.productID))")
            }
        case (.id, _):
            select = "p.id AS id"
            order = id
            if let cursor = query.after { conditions.append("\(raw: id) > \(cursor.productID)") }
        }
        let with: SQLFragment = tables.isEmpty ? "" : "WITH RECURSIVE " + SQLFragment.join(tables, separator: ", ") + " "
        fragment = with + "SELECT \(raw: select) FROM \(from) WHERE \(SQLFragment.join(conditions, separator: " AND ")) "
            + "ORDER BY \(raw: order) LIMIT \(query.limit + 1)"
    }

    /// The cursor that continues after a result row (its columns in the order above).
    func cursor(after row: [SQLValue?]) -> ProductCursor? {
        guard case .text(let id)? = row.first else { return nil }
        switch (sort, row.count > 1 ? row[1] : nil, row.count > 2 ? row[2] : nil) {
        case (.relevance, .integer(let score)?, .blob(let key)?):
            return ProductCursor(sort: .relevance, key: "\(score)-\(Hex.encode(key))", productID: id)
        case (.name, .blob(let key)?, _):
            return ProductCursor(sort: .name, key: Hex.encode(key), productID: id)
        case (.price, .integer(let amount)?, _):
            return ProductCursor(sort: .price, key: String(amount), productID: id)
        case (.id, _, _):
            return ProductCursor(sort: .id, key: "", productID: id)
        default:
            return nil
        }
    }
}
