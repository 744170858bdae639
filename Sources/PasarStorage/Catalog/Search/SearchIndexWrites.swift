import PasarCore

/// The statements that keep the search rows of rewritten products in step, in the transaction that
/// writes the products: decided here once, executed as they are by either database.
///
/// Order: read the categories (their names are indexed) and the products' current vocabulary
/// terms, then delete the products' term and option rows, insert the new ones in multi-row
/// statements, and move each vocabulary count by the difference (`VocabularyDelta`).
enum SearchIndexWrites {
    /// `id`, `translations` of every category.
    static let categories: SQLFragment = "SELECT id, parent_id, position, translations FROM categories"

    static func decodeCategories(_ rows: [[SQLValue?]]) throws -> [String: Category] {
        var categories: [String: Category] = [:]
        for row in rows {
            guard case .text(let id)? = row[0], case .text(let translations)? = row[3] else { continue }
            let parent: String? = if case .text(let parent)? = row[1] { parent } else { nil }
            categories[id] = Category(
                id: id, parentID: parent, position: Int(row[2]?.integer ?? 0),
                translations: try JSONColumn.decode([String: CategoryTranslation].self, from: translations))
        }
        return categories
    }

    /// `product_id`, `language`, `term` of the products' current rows.
    static func currentTerms(of productIDs: [String]) -> SQLFragment {
        "SELECT product_id, language, term FROM search_terms WHERE product_id IN (\(SQLFragment.list(productIDs.map(SQLValue.text))))"
    }

    /// Everything to run after `currentTerms` returned `current`, for `products` (already saved).
    static func statements(for products: [Product], categories: [String: Category], current: [[SQLValue?]]) -> [SQLFragment] {
        guard !products.isEmpty else { return [] }
        let ids = SQLFragment.list(products.map { SQLValue.text($0.id) })
        var statements: [SQLFragment] = [
            "DELETE FROM search_terms WHERE product_id IN (\(ids))",
            "DELETE FROM product_options WHERE product_id IN (\(ids))",
        ]
        var old: [String: Set<LanguageTerm>] = [:]
        for row in current {
            guard case .text(let id)? = row[0], case .text(let language)? = row[1], case .text(let term)? = row[2],
                SearchIndexer.isVocabulary(term)
            else { continue }
            old[id, default: []].insert(LanguageTerm(language: language, term: term))
        }
        var new: [String: Set<LanguageTerm>] = [:]
        var termRows: [SQLFragment] = []
        var optionRows: [SQLFragment] = []
        for product in products {
            for row in SearchIndexer.terms(for: product, categories: categories) {
                termRows.append("(\(row.language), \(row.term), \(product.id), \(row.weight))")
                if SearchIndexer.isVocabulary(row.term) { new[product.id, default: []].insert(LanguageTerm(language: row.language, term: row.term)) }
            }
            for row in SearchIndexer.options(for: product) {
                optionRows.append("(\(product.id), \(row.name), \(row.value))")
            }
        }
        statements += chunked(termRows) { "INSERT INTO search_terms (language, term, product_id, weight) VALUES \($0)" }
        statements += chunked(optionRows) { "INSERT INTO product_options (product_id, name, value) VALUES \($0)" }
        let delta = VocabularyDelta(old: old, new: new)
        let changes = delta.changes.map { "(\($0.language), \($0.term), \($0.delta))" as SQLFragment }
        statements += chunked(changes) {
            """
            INSERT INTO search_vocabulary (language, term, products) VALUES \($0) \
            ON CONFLICT (language, term) DO UPDATE SET products = search_vocabulary.products + excluded.products
            """
        }
        let emptied = delta.changes.filter { $0.delta < 0 }
        for language in Set(emptied.map(\.language)).sorted() {
            let terms = emptied.filter { $0.language == language }.map { SQLValue.text($0.term) }
            for chunk in stride(from: 0, to: terms.count, by: rowsPerStatement) {
                let part = SQLFragment.list(Array(terms[chunk..<min(chunk + rowsPerStatement, terms.count)]))
                statements.append("DELETE FROM search_vocabulary WHERE language = \(language) AND term IN (\(part)) AND products <= 0")
            }
        }
        return statements
    }

    /// Rows per multi-row statement: well under both databases' limits on bound values.
    static let rowsPerStatement = 500

    private static func chunked(_ rows: [SQLFragment], _ statement: (SQLFragment) -> SQLFragment) -> [SQLFragment] {
        stride(from: 0, to: rows.count, by: rowsPerStatement).map { start in
            statement(SQLFragment.join(Array(rows[start..<min(start + rowsPerStatement, rows.count)]), separator: ", "))
        }
    }
}
