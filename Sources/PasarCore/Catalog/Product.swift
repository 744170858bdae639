/// A sellable product: translations per language, variants (SKUs), categories, tax class, and where it may be sold.
///
/// ```swift
/// let tea = Product(id: "tea-rize-black", categoryIDs: ["tea"], taxClass: "reduced",
///                   translations: ["en": .init(name: "Rize Black Tea", slug: "rize-black-tea")],
///                   variants: [Variant(sku: "TEA-RIZE-250", options: ["size": "250g"])])
/// tea.isSold(inMarket: "de", channel: "web")   // true: no restrictions
/// ```
public struct Product: Codable, Hashable, Sendable {
    public var id: String
    public var categoryIDs: [String]
    /// Tax class name resolved against the market's rates (`standard`, `reduced`, `zero`…).
    public var taxClass: String
    public var images: [String]
    /// Markets the product is sold in; nil means every market.
    public var markets: [String]?
    /// Channels the product is sold through; nil means every channel.
    public var channels: [String]?
    /// Translations keyed by BCP-47 language tag.
    public var translations: [String: ProductTranslation]
    public var variants: [Variant]

    public init(
        id: String, categoryIDs: [String] = [], taxClass: String = "standard", images: [String] = [],
        markets: [String]? = nil, channels: [String]? = nil, translations: [String: ProductTranslation],
        variants: [Variant]
    ) {
        self.id = id
        self.categoryIDs = categoryIDs
        self.taxClass = taxClass
        self.images = images
        self.markets = markets
        self.channels = channels
        self.translations = translations
        self.variants = variants
    }

    /// True when the product may be sold in `market` through `channel` (nil: any channel).
    public func isSold(inMarket market: String, channel: String? = nil) -> Bool {
        let marketAllowed = markets.map { $0.contains(market) } ?? true
        let channelAllowed = channel.map { channel in channels.map { $0.contains(channel) } ?? true } ?? true
        return marketAllowed && channelAllowed
    }

    enum CodingKeys: String, CodingKey {
        case id, taxClass = "tax_class", images, markets, channels, translations, variants
        case categoryIDs = "categories"
    }
}
