import PasarCore
import PasarLocalization

/// Builds the localized, priced view of a product for one request.
struct ProductPresenter {
    let pricer: ProductPricer
    let locale: LocaleTag
    /// The market's default language, tried before English when a translation is missing.
    let defaultLanguage: String

    func view(_ product: Product, entries: [PriceEntry]) throws -> ProductView {
        let chain = locale.fallbackChain.map(\.identifier)
        let chosen = TranslationLookup.best(in: product.translations, chain: chain, fallbackLanguages: [defaultLanguage, "en"])
        let translation = chosen?.value ?? ProductTranslation(name: product.id, slug: product.id)
        let optionKeys = Array(Set(product.variants.flatMap(\.options.keys))).sorted()
        let options = optionKeys.map { key in
            let codes = orderedUnique(product.variants.compactMap { $0.options[key] })
            return OptionView(
                key: key, name: translation.options[key] ?? key,
                values: codes.map { OptionValueView(code: $0, label: translation.values[$0] ?? $0) })
        }
        var variants: [VariantView] = []
        var cheapest: (displayed: Int64, view: PriceView)?
        for variant in product.variants {
            let offer = try pricer.offer(product, entries: entries, sku: variant.sku)
            let price = try offer.map { try pricer.view($0) }
            if let offer, let price, offer.quote.displayed.minorUnits < cheapest?.displayed ?? .max { cheapest = (offer.quote.displayed.minorUnits, price) }
            variants.append(
                VariantView(
                    sku: variant.sku,
                    options: variant.options.mapValues { OptionValueView(code: $0, label: translation.values[$0] ?? $0) },
                    price: price))
        }
        let from = cheapest?.view
        return ProductView(
            id: product.id, slug: translation.slug, language: chosen?.language ?? defaultLanguage, name: translation.name,
            description: translation.description, categories: product.categoryIDs, images: product.images,
            taxClass: product.taxClass, options: options, variants: variants, price: from)
    }

    private func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
