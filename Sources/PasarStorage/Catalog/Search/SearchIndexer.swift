import PasarCore
import PasarLocalization

/// Decides the search rows of a product, for both databases: one term row per language, term and
/// product with the weight of the best field the term occurs in, and one option row per option value.
///
/// Terms come from each translation the product has (not from fallbacks: a query searches the
/// request language's fallback chain instead), from the names of its categories in that language,
/// from its option names and value labels, and from its SKUs (whole and in parts).
enum SearchIndexer {
    /// One row of `search_terms`.
    struct TermRow: Hashable, Sendable {
        let language: String
        let term: String
        let weight: Int
    }

    /// One row of `product_options`: a variant option value a product can be filtered by.
    struct OptionRow: Hashable, Sendable {
        let name: String
        let value: String
    }

    /// Field weights, higher ranks first: name > category > option, description and SKU.
    enum Field: Int {
        case other = 1
        case category = 2
        case name = 3
    }

    static func terms(for product: Product, categories: [String: Category]) -> [TermRow] {
        var best: [Key: Int] = [:]
        func offer(_ term: String, _ language: String, _ field: Field) {
            let key = Key(language: language, term: term)
            best[key] = max(best[key] ?? 0, field.rawValue)
        }
        func add(_ text: String, _ language: String, _ field: Field) {
            for term in SearchText.terms(text) where term.unicodeScalars.count <= maxTermLength { offer(term, language, field) }
        }
        // SKU terms are the same in every language: folded once, offered in each.
        let skuTerms = product.variants.flatMap { variant -> [String] in
            let whole = SearchText.fold(variant.sku)
            let parts = SearchText.terms(variant.sku).filter { $0.unicodeScalars.count <= maxTermLength }
            return !whole.isEmpty && !whole.contains(" ") ? parts + [whole] : parts
        }
        for (language, translation) in product.translations {
            add(translation.name, language, .name)
            for id in product.categoryIDs {
                if let name = categories[id]?.translations[language]?.name { add(name, language, .category) }
            }
            add(translation.description, language, .other)
            for label in translation.options.values { add(label, language, .other) }
            for label in translation.values.values { add(label, language, .other) }
            for term in skuTerms { offer(term, language, .other) }
        }
        return best.map { TermRow(language: $0.key.language, term: $0.key.term, weight: $0.value) }
    }

    static func options(for product: Product) -> [OptionRow] {
        Array(Set(product.variants.flatMap { variant in variant.options.map { OptionRow(name: $0.key, value: $0.value) } }))
    }

    /// Terms longer than this are not indexed (they cannot be typed in a 100-character query word anyway).
    static let maxTermLength = 64

    private struct Key: Hashable {
        let language: String
        let term: String
    }

    /// Whether a term belongs in `search_vocabulary`, the list typo and prefix expansion and
    /// suggestions read: terms with digits (SKUs, sizes) match only exactly.
    static func isVocabulary(_ term: String) -> Bool {
        !term.unicodeScalars.contains { $0.properties.numericType != nil }
    }
}
