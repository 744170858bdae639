import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// Facet counts of a list or search, exact for its filtered set: categories with their localized
/// names, option values, the price range as the market shows it, and how many are in stock.
struct ProductFacetsView: Encodable, Sendable {
    struct CategoryCount: Encodable, Sendable {
        let id: String
        let name: String
        let count: Int
    }

    struct ValueCount: Encodable, Sendable {
        let value: String
        let count: Int
    }

    struct OptionCounts: Encodable, Sendable {
        let name: String
        let values: [ValueCount]
    }

    struct PriceBounds: Encodable, Sendable {
        let min: AmountView
        let max: AmountView
    }

    let total: Int
    let categories: [CategoryCount]?
    let options: [OptionCounts]?
    let price: PriceBounds?
    let inStock: Int?

    enum CodingKeys: String, CodingKey {
        case total, categories, options, price
        case inStock = "in_stock"
    }

    init(_ facets: ProductFacets, asked: Set<ProductFacetKind>, categories: [Category], scope: RequestScope, listCurrency: Currency) throws {
        total = facets.total
        let byID = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.categories = asked.contains(.category) ? facets.categories.map { count in
            let name = byID[count.value].flatMap { scope.translation($0.translations)?.value.name }
            return CategoryCount(id: count.value, name: name ?? count.value, count: count.count)
        } : nil
        options = asked.contains(.option) ? facets.options.keys.sorted().map { name in
            OptionCounts(name: name, values: (facets.options[name] ?? []).map { ValueCount(value: $0.value, count: $0.count) })
        } : nil
        if asked.contains(.price), let range = facets.priceRange {
            let policy = scope.market.pricingPolicy
            let low = try policy.shown(Money(minorUnits: range.lowerBound, currency: listCurrency))
            let high = try policy.shown(Money(minorUnits: range.upperBound, currency: listCurrency))
            price = PriceBounds(min: try scope.pricer.amounts(low), max: try scope.pricer.amounts(high))
        } else {
            price = nil
        }
        inStock = asked.contains(.availability) ? facets.inStock : nil
    }
}
