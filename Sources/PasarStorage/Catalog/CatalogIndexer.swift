import PasarCore
import PasarLocalization

/// Computes the per-language collation key stored for each product, so lists can be sorted with the
/// language's ICU collation inside SQL. (Search has its own rows: `SearchIndexer`.)
struct CatalogIndexer: Sendable {
    /// One row of `product_index`.
    struct Entry {
        let language: String
        /// Unused since search moved to `search_terms`; the column stays empty.
        let searchText = ""
        let sortKey: [UInt8]
    }

    private struct IndexLanguage {
        let tag: String
        let chain: [String]
        let collator: Collator
    }

    private let languages: [IndexLanguage]

    /// `languages` are the tags requests may ask for (every market's languages); products without a
    /// translation in one are indexed under the name CLDR fallback shows (`de-CH → de → en`).
    init(languages: [LocaleTag]) throws {
        var seen = Set<String>()
        self.languages = try languages.filter { seen.insert($0.identifier).inserted }.map { tag in
            IndexLanguage(tag: tag.identifier, chain: tag.fallbackChain.map(\.identifier), collator: try Collator.shared(for: tag))
        }
    }

    var languageTags: [String] { languages.map(\.tag) }

    func entries(for product: Product) -> [Entry] {
        return languages.compactMap { language in
            guard let (_, translation) = TranslationLookup.best(in: product.translations, chain: language.chain) else { return nil }
            return Entry(language: language.tag, sortKey: language.collator.sortKey(translation.name))
        }
    }
}
