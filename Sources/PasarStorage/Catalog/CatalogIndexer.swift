import PasarCore
import PasarLocalization

/// Computes the per-language search text and collation key stored for each product, so lists can be
/// searched accent-insensitively and sorted with the language's ICU collation inside SQL.
struct CatalogIndexer: Sendable {
    /// One row of `product_index`.
    struct Entry {
        let language: String
        let searchText: String
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
        let skus = product.variants.map(\.sku).joined(separator: " ")
        return languages.compactMap { language in
            guard let (_, translation) = TranslationLookup.best(in: product.translations, chain: language.chain) else { return nil }
            return Entry(
                language: language.tag,
                searchText: SearchKey.make("\(translation.name) \(skus)"),
                sortKey: language.collator.sortKey(translation.name))
        }
    }

    /// The LIKE patterns for a search query: every word must occur.
    static func searchPatterns(_ query: String) -> [String] {
        SearchKey.make(query).split(separator: " ").prefix(8).map { word in
            "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
        }
    }
}
