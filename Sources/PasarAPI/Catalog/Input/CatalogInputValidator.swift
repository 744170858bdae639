import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets

/// Checks client-written catalog records against the markets in service and turns them into domain
/// values, reporting the first problem with the path of the field at fault.
struct CatalogInputValidator {
    let markets: MarketSnapshot

    static let maxVariants = 100
    static let maxPrices = 2000

    func product(_ input: ProductInput, id: String) throws(Problem) -> (Product, [PriceEntry]?) {
        try Self.checkIdentifier(id, field: "id")
        if let given = input.id, given != id { throw .invalidField("id", "'\(given)' does not match the id in the path '\(id)'") }
        guard !input.taxClass.isEmpty, input.taxClass.count <= 40 else { throw .invalidField("tax_class", "must be a tax class name") }
        guard markets.markets.contains(where: { $0.tax.rate(forClass: input.taxClass, country: nil) != nil }) else {
            throw .invalidField("tax_class", "'\(input.taxClass)' is not a tax class of any market")
        }
        guard !input.translations.isEmpty else { throw .invalidField("translations", "needs at least one language") }
        var translations: [String: ProductTranslation] = [:]
        for (language, translation) in input.translations {
            guard let tag = try? LocaleTag(language) else { throw .invalidField("translations.\(language)", "'\(language)' is not a language tag") }
            let field = "translations.\(language)"
            guard (1...200).contains(translation.name.count) else { throw .invalidField("\(field).name", "must be 1 to 200 characters") }
            guard translation.description.count <= 5000 else { throw .invalidField("\(field).description", "must be at most 5000 characters") }
            try Self.checkSlug(translation.slug, field: "\(field).slug")
            translations[tag.identifier] = translation
        }
        guard (1...Self.maxVariants).contains(input.variants.count) else {
            throw .invalidField("variants", "needs 1 to \(Self.maxVariants) variants")
        }
        var skus = Set<String>()
        for (index, variant) in input.variants.enumerated() {
            let valid = (1...64).contains(variant.sku.count) && variant.sku.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
            guard valid else { throw .invalidField("variants[\(index)].sku", "must be 1 to 64 letters, digits, '-', '_' or '.'") }
            guard skus.insert(variant.sku).inserted else { throw .invalidField("variants[\(index)].sku", "'\(variant.sku)' appears twice") }
        }
        for (index, code) in (input.markets ?? []).enumerated() where markets.market(code: code) == nil {
            throw .invalidField("markets[\(index)]", "'\(code)' is not a market")
        }
        for (index, channel) in (input.channels ?? []).enumerated() where !Self.isToken(channel) {
            throw .invalidField("channels[\(index)]", "'\(channel)' is not a channel name")
        }
        for (index, category) in (input.categories ?? []).enumerated() { try Self.checkIdentifier(category, field: "categories[\(index)]") }
        let product = Product(
            id: id, categoryIDs: input.categories ?? [], taxClass: input.taxClass, images: input.images ?? [],
            markets: input.markets, channels: input.channels, translations: translations, variants: input.variants)
        return (product, try input.prices.map { prices throws(Problem) in try self.prices(prices, for: product) })
    }

    func prices(_ inputs: [PriceInput], for product: Product) throws(Problem) -> [PriceEntry] {
        guard inputs.count <= Self.maxPrices else { throw .invalidField("prices", "at most \(Self.maxPrices) prices per product") }
        let skus = Set(product.variants.map(\.sku))
        var entries: [PriceEntry] = []
        for (index, input) in inputs.enumerated() {
            let field = "prices[\(index)]"
            guard let market = markets.market(code: input.market) else { throw .invalidField("\(field).market", "'\(input.market)' is not a market") }
            if let source = market.pricingPolicy.derivation?.sourceMarket {
                throw .invalidField(
                    "\(field).market", "market \(market.code) converts the prices of market \(source); set prices for \(source) instead")
            }
            if let sku = input.variant, !skus.contains(sku) {
                throw .invalidField("\(field).variant", "'\(sku)' is not a variant of this product")
            }
            let allowed = [market.currency] + market.acceptedCurrencies
            let code = input.currency?.uppercased() ?? market.currency.code
            guard let currency = allowed.first(where: { $0.code == code }) else {
                throw .invalidField("\(field).currency", "market \(market.code) takes \(allowed.map(\.code).joined(separator: ", "))")
            }
            let amount: Money
            do {
                amount = try Money(parsing: input.amount, currency: currency)
            } catch {
                throw .invalidField("\(field).amount", error.description)
            }
            guard !amount.isNegative else { throw .invalidField("\(field).amount", "must not be negative") }
            let minQuantity = input.minQuantity ?? 1
            guard (1...1_000_000).contains(minQuantity) else { throw .invalidField("\(field).min_quantity", "must be from 1 to 1000000") }
            let from = try Self.instant(input.validFrom, field: "\(field).valid_from")
            let to = try Self.instant(input.validTo, field: "\(field).valid_to")
            if let from, let to, from >= to { throw .invalidField("\(field).valid_to", "must be after valid_from") }
            entries.append(
                PriceEntry(
                    productID: product.id, sku: input.variant, market: market.code, amount: amount, channel: input.channel,
                    customerGroup: input.customerGroup, minQuantity: minQuantity, validFrom: from, validTo: to))
        }
        return entries
    }

    func category(_ input: CategoryInput, id: String) throws(Problem) -> Category {
        try Self.checkIdentifier(id, field: "id")
        if let given = input.id, given != id { throw .invalidField("id", "'\(given)' does not match the id in the path '\(id)'") }
        if let parent = input.parent { try Self.checkIdentifier(parent, field: "parent") }
        guard !input.translations.isEmpty else { throw .invalidField("translations", "needs at least one language") }
        var translations: [String: CategoryTranslation] = [:]
        for (language, translation) in input.translations {
            guard let tag = try? LocaleTag(language) else { throw .invalidField("translations.\(language)", "'\(language)' is not a language tag") }
            guard (1...200).contains(translation.name.count) else { throw .invalidField("translations.\(language).name", "must be 1 to 200 characters") }
            try Self.checkSlug(translation.slug, field: "translations.\(language).slug")
            translations[tag.identifier] = translation
        }
        return Category(id: id, parentID: input.parent, position: input.position ?? 0, translations: translations)
    }

    static func checkIdentifier(_ value: String, field: String) throws(Problem) {
        guard (1...100).contains(value.count), value.first != "-", isToken(value) else {
            throw .invalidField(field, "'\(value)' must be 1 to 100 lowercase letters, digits or '-'")
        }
    }

    private static func checkSlug(_ value: String, field: String) throws(Problem) {
        guard (1...120).contains(value.count), isToken(value) else {
            throw .invalidField(field, "'\(value)' must be 1 to 120 lowercase letters, digits or '-'")
        }
    }

    private static func isToken(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func instant(_ text: String?, field: String) throws(Problem) -> Date? {
        guard let text else { return nil }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw .invalidField(field, "'\(text)' is not an ISO 8601 instant such as 2026-11-01T00:00:00Z")
        }
        return date
    }
}
