/// A page of a product list or search, decided by shared code and run by either database: the
/// search plan, the page's ids and cursor, the facet counts and, when a search found nothing,
/// suggestions. The store then loads the page's products and prices.
struct ProductListing: Sendable {
    let ids: [String]
    let next: ProductCursor?
    let facets: ProductFacets?
    let suggestions: [String]

    static func run(_ query: ProductListQuery, synonyms: SearchSynonyms, reader: some CatalogSQLReader) async throws -> ProductListing {
        var plan: SearchPlan?
        if query.isSearch, let search = query.search {
            plan = try await SearchPlan.make(
                query: search, languages: query.searchLanguages, synonyms: synonyms, vocabulary: reader)
            if plan?.words.isEmpty == true { plan = nil }
        }
        let (statement, rows) = try await page(query, plan: plan, reader: reader)
        let pageRows = rows.prefix(query.limit)
        let ids = pageRows.compactMap { row -> String? in
            guard case .text(let id)? = row.first else { return nil }
            return id
        }
        let next = rows.count > query.limit ? pageRows.last.flatMap(statement.cursor(after:)) : nil
        let facets = query.facets.isEmpty ? nil : try await countFacets(query, plan: plan, reader: reader)
        var suggestions: [String] = []
        if let plan, ids.isEmpty, query.after == nil {
            suggestions = try await suggest(for: plan, reader: reader)
        }
        return ProductListing(ids: ids, next: next, facets: facets, suggestions: suggestions)
    }

    /// The page's rows. A search by relevance whose rarest word matches many products first counts
    /// the hits per score. When the best score left after the cursor has more hits than the page,
    /// the page lies in that score alone and is read in name order (`Tier.exactly`); otherwise only
    /// the scores the page needs are read and sorted (`Tier.atLeast`). Either falls back to reading
    /// every hit when filters leave too few rows there.
    private static func page(
        _ query: ProductListQuery, plan: SearchPlan?, reader: some CatalogSQLReader
    ) async throws -> (ProductListStatement, [[SQLValue?]]) {
        let all = ProductListStatement(query: query, plan: plan, dialect: reader.dialect)
        guard let plan, all.sort == .relevance else { return (all, try await reader.rows(all.fragment)) }
        if plan.matchesNothing { return (all, []) }
        let rarest = plan.estimate(plan.rarestFirst[0])
        guard rarest > tieredSearchThreshold else { return (all, try await reader.rows(all.fragment)) }
        // A first page of a very common word: try the best score any hit can have before counting.
        if query.after == nil, rarest > denseSearchThreshold {
            let best = ProductListStatement(query: query, plan: plan, dialect: reader.dialect, tier: .exactly(plan.bestScore))
            let rows = try await reader.rows(best.fragment)
            if rows.count > query.limit { return (best, rows) }
        }
        let below = query.after.flatMap { ProductCursor.relevance($0.key)?.score }
        var tiers: [(score: Int, count: Int)] = []
        for row in try await reader.rows(SearchHitsSQL.scoreCounts(plan)) {
            guard let score = row[0]?.integer, let count = row[1]?.integer, below.map({ score <= $0 }) ?? true else { continue }
            tiers.append((Int(score), Int(count)))
        }
        var candidates: [ProductListStatement.Tier] = []
        if let best = tiers.first, best.count > query.limit { candidates.append(.exactly(best.score)) }
        var counted = 0
        for tier in tiers where below.map({ tier.score < $0 }) ?? true {
            counted += tier.count
            if counted > query.limit {
                candidates.append(.atLeast(tier.score))
                break
            }
        }
        for tier in candidates {
            let statement = ProductListStatement(query: query, plan: plan, dialect: reader.dialect, tier: tier)
            let rows = try await reader.rows(statement.fragment)
            if rows.count > query.limit { return (statement, rows) }
        }
        return (all, try await reader.rows(all.fragment))
    }

    /// Above this many estimated matches of the rarest word, a relevance page is read by score tiers.
    static let tieredSearchThreshold: Int64 = 500
    /// Above this many, a first page tries the best possible score first.
    static let denseSearchThreshold: Int64 = 5_000

    private static func countFacets(_ query: ProductListQuery, plan: SearchPlan?, reader: some CatalogSQLReader) async throws -> ProductFacets {
        let sql = ProductFacetSQL(query: query, plan: plan, dialect: reader.dialect)
        var facets = ProductFacets()
        facets.total = Int(try await reader.rows(sql.total).first?.first??.integer ?? 0)
        if query.facets.contains(.category) {
            facets.categories = try await reader.rows(sql.categories).compactMap(count(_:)).sorted(by: Self.mostFirst)
        }
        if query.facets.contains(.option) {
            for row in try await reader.rows(sql.options) {
                guard case .text(let name)? = row[0], let count = count(Array(row.dropFirst())) else { continue }
                facets.options[name, default: []].append(count)
            }
            for name in facets.options.keys { facets.options[name]?.sort(by: Self.mostFirst) }
        }
        if query.facets.contains(.price), let row = try await reader.rows(sql.priceRange).first,
            let low = row[0]?.integer, let high = row[1]?.integer
        {
            facets.priceRange = low...high
        }
        if query.facets.contains(.availability) {
            facets.inStock = Int(try await reader.rows(sql.inStock(at: query.marketLocations)).first?.first??.integer ?? 0)
        }
        return facets
    }

    private static func count(_ row: [SQLValue?]) -> ProductFacets.Count? {
        guard row.count >= 2, case .text(let value)? = row[0], case .integer(let count)? = row[1] else { return nil }
        return ProductFacets.Count(value: value, count: Int(count))
    }

    private static func mostFirst(_ a: ProductFacets.Count, _ b: ProductFacets.Count) -> Bool {
        a.count != b.count ? a.count > b.count : a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
    }

    /// The closest known terms: the typo, synonym and prefix candidates of the query's words (in term
    /// order), or else the vocabulary terms within three edits of the last word (at most five in all).
    private static func suggest(for plan: SearchPlan, reader: some CatalogSQLReader) async throws -> [String] {
        var suggestions: [String] = []
        for candidates in plan.words {
            let near = candidates.filter { $0.score != SearchPlan.score(.exact) }.map(\.term)
            suggestions += near.filter { !suggestions.contains($0) }
        }
        if suggestions.isEmpty, let last = plan.words.last?.first(where: { $0.score == SearchPlan.score(.exact) })?.term {
            suggestions = try await SearchPlan.closeTerms(to: last, typos: 3, languages: plan.languages, vocabulary: reader)
        }
        return Array(suggestions.prefix(5))
    }
}
