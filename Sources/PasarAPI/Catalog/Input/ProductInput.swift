public import PasarCore

/// A product as clients write it (admin routes, import files): the product and its prices.
public struct ProductInput: Decodable, Sendable {
    public var id: String?
    public var categories: [String]?
    public var taxClass: String
    public var images: [String]?
    public var markets: [String]?
    public var channels: [String]?
    public var translations: [String: ProductTranslation]
    public var variants: [Variant]
    /// Nil keeps stored prices on update.
    public var prices: [PriceInput]?
    /// `"product"`: import lines name their kind; the admin route accepts the same line.
    public var type: String?

    enum CodingKeys: String, CodingKey {
        case id, categories, images, markets, channels, translations, variants, prices, type
        case taxClass = "tax_class"
    }
}

/// A price-list row as clients write it: `{"market": "de", "variant": "TEA-250", "amount": "6.90"}`.
public struct PriceInput: Decodable, Sendable {
    public var market: String
    /// SKU; nil applies to every variant.
    public var variant: String?
    /// Plain decimal in the market currency's precision.
    public var amount: String
    /// Defaults to the market's currency; must be the market currency or one it accepts.
    public var currency: String?
    public var channel: String?
    public var customerGroup: String?
    public var minQuantity: Int64?
    /// ISO 8601 instants (`2026-11-01T00:00:00Z`).
    public var validFrom: String?
    public var validTo: String?

    enum CodingKeys: String, CodingKey {
        case market, variant, amount, currency, channel
        case customerGroup = "customer_group"
        case minQuantity = "min_quantity"
        case validFrom = "valid_from"
        case validTo = "valid_to"
    }
}

/// A category as clients write it.
public struct CategoryInput: Decodable, Sendable {
    public var id: String?
    public var parent: String?
    public var position: Int?
    public var translations: [String: CategoryTranslation]
    /// `"category"`: import lines name their kind; the admin route accepts the same line.
    public var type: String?
}
