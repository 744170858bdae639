import PasarCore
import PasarLocalization

/// A product as storefronts read it: texts in the response language, options with localized labels,
/// and every variant priced for the market.
struct ProductView: Encodable, Sendable {
    let id: String
    let slug: String
    /// The language the texts are in (a fallback when the product lacks the requested one).
    let language: String
    let name: String
    let description: String
    let categories: [String]
    let images: [String]
    let taxClass: String
    let options: [OptionView]
    let variants: [VariantView]
    /// The lowest variant price ("from …").
    let price: PriceView?

    enum CodingKeys: String, CodingKey {
        case id, slug, language, name, description, categories, images, options, variants, price
        case taxClass = "tax_class"
    }
}

/// An option (size, colour) with its localized name and values.
struct OptionView: Encodable, Sendable {
    let key: String
    let name: String
    let values: [OptionValueView]
}

struct OptionValueView: Encodable, Sendable {
    let code: String
    let label: String
}

struct VariantView: Encodable, Sendable {
    let sku: String
    let options: [String: OptionValueView]
    /// Nil when the market has no price for this variant (it cannot be bought there).
    let price: PriceView?
}

/// A unit price: net, tax and gross, which one is displayed, and quantity tiers.
struct PriceView: Encodable, Sendable {
    let display: AmountView
    let net: AmountView
    let tax: AmountView
    let gross: AmountView
    let taxRate: String
    let taxIncluded: Bool
    /// The everyday price when a sale or other special price applies.
    let compareAt: AmountView?
    let tiers: [TierView]

    enum CodingKeys: String, CodingKey {
        case display, net, tax, gross, tiers
        case taxRate = "tax_rate"
        case taxIncluded = "tax_included"
        case compareAt = "compare_at"
    }
}

struct TierView: Encodable, Sendable {
    let minQuantity: Int64
    let display: AmountView

    enum CodingKeys: String, CodingKey {
        case minQuantity = "min_quantity"
        case display
    }
}

/// A page of products and the cursor of the next page.
struct ProductListView: Encodable, Sendable {
    let market: String
    let language: String
    let items: [ProductView]
    let nextCursor: String?
    /// Counts over the whole filtered set, when `facets` asked for them.
    var facets: ProductFacetsView?
    /// For a search that found nothing: the closest known words.
    var suggestions: [String]?

    enum CodingKeys: String, CodingKey {
        case market, language, items, facets, suggestions
        case nextCursor = "next_cursor"
    }
}
