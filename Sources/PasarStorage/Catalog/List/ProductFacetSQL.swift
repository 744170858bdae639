/// The facet counts of a list or search over exactly the set its pages walk through: the same
/// filters and search hits, gathered as `filtered(id)`. One statement per facet group.
struct ProductFacetSQL {
    let filter: ProductFilterSQL
    let plan: SearchPlan?

    init(query: ProductListQuery, plan: SearchPlan?, dialect: SQLDialect) {
        filter = ProductFilterSQL(query: query, dialect: dialect)
        self.plan = plan
    }

    /// `WITH RECURSIVE …, filtered(id) AS (…)`, ready for a SELECT over `filtered f`.
    private func with(_ extra: [SQLFragment] = []) -> SQLFragment {
        var tables: [SQLFragment] = []
        if let tree = filter.categoryTree { tables.append(tree) }
        if let plan { tables += SearchHitsSQL.tables(plan) }
        let from: SQLFragment = plan == nil ? "products p" : SearchHitsSQL.hitsThenProducts
        let conditions = (plan == nil ? [] : [SearchHitsSQL.hitIsProduct]) + filter.conditions
        tables.append("filtered(id) AS (SELECT p.id FROM \(from) WHERE \(SQLFragment.join(conditions, separator: " AND ")))")
        return "WITH RECURSIVE " + SQLFragment.join(tables + extra, separator: ", ") + " "
    }

    /// One column `n`.
    var total: SQLFragment { with() + "SELECT COUNT(*) AS n FROM filtered" }

    /// `value`, `n`: each category with the products in it or any of its subcategories.
    var categories: SQLFragment {
        let ancestors: SQLFragment = """
            ancestors(id, ancestor, depth) AS (
                SELECT id, id, 0 FROM categories
                UNION ALL SELECT a.id, c.parent_id, a.depth + 1 FROM ancestors a JOIN categories c ON c.id = a.ancestor
                WHERE c.parent_id IS NOT NULL AND a.depth < 16
            )
            """
        return with([ancestors]) + """
            SELECT a.ancestor AS value, COUNT(DISTINCT f.id) AS n FROM filtered f
            JOIN product_categories pc ON pc.product_id = f.id JOIN ancestors a ON a.id = pc.category_id GROUP BY a.ancestor
            """
    }

    /// `name`, `value`, `n`: each option value with the products that have it.
    var options: SQLFragment {
        with() + "SELECT o.name AS name, o.value AS value, COUNT(*) AS n FROM filtered f JOIN product_options o ON o.product_id = f.id GROUP BY o.name, o.value"
    }

    /// `low`, `high`: the range of current prices.
    var priceRange: SQLFragment {
        with() + "SELECT MIN(x.amount) AS low, MAX(x.amount) AS high FROM (SELECT \(filter.currentPrice(of: "f")) AS amount FROM filtered f) x"
    }

    /// `n`: products available at one of `locations`.
    func inStock(at locations: [String]) -> SQLFragment {
        with() + "SELECT COUNT(*) AS n FROM filtered f WHERE \(filter.inStock(at: locations, of: "f"))"
    }
}
