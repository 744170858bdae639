/// The common table expressions that score a search (`SearchPlan`): per query word `q<n>(term,
/// score)` lists the matching terms and `m<n>` the best match per product; `hits(id, score)` keeps
/// the products that match every word with the sum of their best matches.
enum SearchHitsSQL {
    static func tables(_ plan: SearchPlan) -> [SQLFragment] {
        let languages = SQLFragment.list(plan.languages.map(SQLValue.text))
        var tables: [SQLFragment] = []
        for (index, candidates) in plan.words.enumerated() {
            let rows = SQLFragment.join(candidates.map { "(\($0.term), \($0.score))" }, separator: ", ")
            tables.append("q\(raw: String(index))(term, score) AS (VALUES \(rows))")
            tables.append(
                """
                m\(raw: String(index)) AS (SELECT t.product_id AS id, MAX(q.score + 4 * t.weight) AS s FROM q\(raw: String(index)) q \
                JOIN search_terms t ON t.term = q.term WHERE t.language IN (\(languages)) GROUP BY t.product_id)
                """)
        }
        let score = (0..<plan.words.count).map { "m\($0).s" }.joined(separator: " + ")
        let joins = (1..<max(1, plan.words.count)).map { " JOIN m\($0) ON m\($0).id = m0.id" }.joined()
        tables.append("hits(id, score) AS (SELECT m0.id, \(raw: score) FROM m0\(raw: joins))")
        return tables
    }

    /// The hits, then their product rows: `CROSS JOIN` makes SQLite read only the hits' products
    /// (an inner join let it walk the whole catalog's name index and probe the hits: 1 s instead of
    /// 0.2 s for a word in 28k of 100k products). The join condition is `hitIsProduct`, in WHERE,
    /// since PostgreSQL's CROSS JOIN takes no ON (its planner orders the join itself).
    static let hitsThenProducts: SQLFragment = "hits h CROSS JOIN products p"
    static let hitIsProduct: SQLFragment = "p.id = h.id"
}
