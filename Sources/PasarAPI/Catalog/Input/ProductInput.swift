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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, categories, images, markets, channels, translations, variants, prices, type
        case taxClass = "tax_class"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        categories = try container.decodeIfPresent([String].self, forKey: .categories)
        taxClass = try container.decode(String.self, forKey: .taxClass)
        images = try container.decodeIfPresent([String].self, forKey: .images)
        markets = try container.decodeIfPresent([String].self, forKey: .markets)
        channels = try container.decodeIfPresent([String].self, forKey: .channels)
        translations = try container.decode([String: ProductTranslation].self, forKey: .translations)
        variants = try container.decode([Variant].self, forKey: .variants)
        prices = try container.decodeIfPresent([PriceInput].self, forKey: .prices)
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case market, variant, amount, currency, channel
        case customerGroup = "customer_group"
        case minQuantity = "min_quantity"
        case validFrom = "valid_from"
        case validTo = "valid_to"
    }

    public init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        market = try container.decode(String.self, forKey: .market)
        variant = try container.decodeIfPresent(String.self, forKey: .variant)
        amount = try container.decode(String.self, forKey: .amount)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        channel = try container.decodeIfPresent(String.self, forKey: .channel)
        customerGroup = try container.decodeIfPresent(String.self, forKey: .customerGroup)
        minQuantity = try container.decodeIfPresent(Int64.self, forKey: .minQuantity)
        validFrom = try container.decodeIfPresent(String.self, forKey: .validFrom)
        validTo = try container.decodeIfPresent(String.self, forKey: .validTo)
    }
}

/// A category as clients write it.
public struct CategoryInput: Decodable, Sendable {
    public var id: String?
    public var parent: String?
    public var position: Int?
    public var translations: [String: CategoryTranslation]

    enum CodingKeys: String, CodingKey, CaseIterable { case id, parent, position, translations, type }

    public init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        parent = try container.decodeIfPresent(String.self, forKey: .parent)
        position = try container.decodeIfPresent(Int.self, forKey: .position)
        translations = try container.decode([String: CategoryTranslation].self, forKey: .translations)
    }
}
