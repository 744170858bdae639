/// The conditions of a product list, search or facet count, written once for both databases:
/// which products of `products p` are sold in the market and channel, priced there, in the
/// category tree, in the price range, in stock and with the chosen option values.
struct ProductFilterSQL {
    let query: ProductListQuery
    let dialect: SQLDialect

    /// `tree(id)`: the category and its descendants (depth-limited, so a cycle cannot loop).
    var categoryTree: SQLFragment? {
        guard let categoryID = query.categoryID else { return nil }
        return """
            tree(id, depth) AS (
                SELECT \(categoryID), 0 UNION SELECT c.id, t.depth + 1 FROM categories c JOIN tree t ON c.parent_id = t.id WHERE t.depth < 16
            )
            """
    }

    /// Every condition on `p` (joined with AND).
    var conditions: [SQLFragment] {
        var conditions: [SQLFragment] = [
            "(p.markets IS NULL OR \(dialect.contains("p.markets", "\(",\(query.market),")")))",
            "EXISTS (SELECT 1 FROM list_prices lp WHERE lp.market = \(query.priceMarket) AND lp.product_id = p.id)",
        ]
        if let channel = query.channel {
            conditions.append("(p.channels IS NULL OR \(dialect.contains("p.channels", "\(",\(channel),")")))")
        }
        if query.categoryID != nil {
            conditions.append(
                "EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_id = p.id AND pc.category_id IN (SELECT id FROM tree))")
        }
        if let range = query.priceRange {
            conditions.append("\(currentPrice(of: "p")) BETWEEN \(range.lowerBound) AND \(range.upperBound)")
        }
        if let locations = query.stockLocations {
            conditions.append(inStock(at: locations, of: "p"))
        }
        for (name, values) in query.options.sorted(by: { $0.key < $1.key }) {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM product_options o WHERE o.product_id = p.id AND o.name = \(name) \
                AND o.value IN (\(SQLFragment.list(values.map(SQLValue.text)))))
                """)
        }
        return conditions
    }

    /// The lowest one-unit price a shopper of the query's channel pays now for any variant of the
    /// product `alias`, in minor units of the price-list market: everyday prices and running sales,
    /// not customer-group or quantity prices.
    func currentPrice(of alias: String) -> SQLFragment {
        let now = Int64(query.now.timeIntervalSince1970.rounded(.down))
        let channel: SQLFragment = query.channel.map { "(pr.channel IS NULL OR pr.channel = \($0))" } ?? "pr.channel IS NULL"
        return """
            (SELECT MIN(pr.amount_minor) FROM prices pr WHERE pr.product_id = \(raw: alias).id AND pr.market = \(query.priceMarket) \
            AND pr.customer_group IS NULL AND pr.min_quantity = 1 AND \(channel) \
            AND (pr.valid_from IS NULL OR pr.valid_from <= \(now)) AND (pr.valid_to IS NULL OR pr.valid_to > \(now)))
            """
    }

    /// True when a variant of `alias` is available (on hand beyond reservations) at one of `locations`.
    func inStock(at locations: [String], of alias: String) -> SQLFragment {
        guard !locations.isEmpty else { return "1 = 0" }
        return """
            EXISTS (SELECT 1 FROM variants v JOIN stock_levels sl ON sl.sku = v.sku WHERE v.product_id = \(raw: alias).id \
            AND sl.location IN (\(SQLFragment.list(locations.map(SQLValue.text)))) AND sl.on_hand > sl.reserved)
            """
    }
}
