/// The common table expressions that score a search (`SearchPlan`): per query word `q<n>(term,
/// score)` lists the matching terms and `m<n>` the best match per product; `hits(id, score)` keeps
/// the products that match every word with the sum of their best matches.
///
/// Words go rarest first (`SearchPlan.rarestFirst`): `m0` reads every match of the rarest word; a
/// later word is read the same way, or, when that reads less, looked up by primary key for `m0`'s
/// products only (`candidates × languages` lookups each), so `selten kessel` costs what `selten` costs.
enum SearchHitsSQL {
    static func tables(_ plan: SearchPlan) -> [SQLFragment] {
        let languages = SQLFragment.list(plan.languages.map(SQLValue.text))
        let order = plan.rarestFirst
        var tables: [SQLFragment] = []
        for (position, word) in order.enumerated() {
            let candidates = plan.words[word]
            let n = String(position)
            let rows = SQLFragment.join(candidates.map { "(\($0.term), \($0.score))" }, separator: ", ")
            tables.append("q\(raw: n)(term, score) AS (VALUES \(rows))")
            let lookups = plan.estimate(order[0]) * Int64(candidates.count * plan.languages.count)
            if position > 0, plan.estimates[word] != nil, lookups < plan.estimate(word) {
                tables.append(
                    """
                    m\(raw: n) AS (SELECT d.id AS id, MAX(q.score + 4 * t.weight) AS s FROM m0 d CROSS JOIN q\(raw: n) q \
                    CROSS JOIN search_terms t WHERE t.language IN (\(languages)) AND t.term = q.term AND t.product_id = d.id GROUP BY d.id)
                    """)
            } else {
                tables.append(
                    """
                    m\(raw: n) AS (SELECT t.product_id AS id, MAX(q.score + 4 * t.weight) AS s FROM q\(raw: n) q \
                    JOIN search_terms t ON t.term = q.term WHERE t.language IN (\(languages)) GROUP BY t.product_id)
                    """)
            }
        }
        let score = (0..<plan.words.count).map { "m\($0).s" }.joined(separator: " + ")
        let joins = (1..<max(1, plan.words.count)).map { " JOIN m\($0) ON m\($0).id = m0.id" }.joined()
        tables.append("hits(id, score) AS (SELECT m0.id, \(raw: score) FROM m0\(raw: joins))")
        return tables
    }

    /// How many hits have each score, highest first, before any filter: where a page's rows must lie.
    static func scoreCounts(_ plan: SearchPlan) -> SQLFragment {
        "WITH " + SQLFragment.join(tables(plan), separator: ", ") + " SELECT score, COUNT(*) FROM hits GROUP BY score ORDER BY score DESC"
    }

    /// The hits, then their product rows: `CROSS JOIN` makes SQLite read only the hits' products
    /// (an inner join let it walk the whole catalog's name index and probe the hits: 1 s instead of
    /// 0.2 s for a word in 28k of 100k products). The join condition is `hitIsProduct`, in WHERE,
    /// since PostgreSQL's CROSS JOIN takes no ON (its planner orders the join itself).
    static let hitsThenProducts: SQLFragment = "hits h CROSS JOIN products p"
    static let hitIsProduct: SQLFragment = "p.id = h.id"
}
