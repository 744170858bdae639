/// A page request over a market's products: filters, order and the position to continue from.
public struct ProductListQuery: Sendable, Hashable {
    /// Products sold in this market.
    public var market: String
    /// The market whose price list decides `sort=price` and which products are priced
    /// (a derived market uses its source market's).
    public var priceMarket: String
    /// Only products sold through this channel, when set.
    public var channel: String?
    /// Index language for search and collation order (one of the store's index languages).
    public var language: String
    /// Words that must all occur in the product's name, ignoring case and accents.
    public var search: String?
    /// Only products in this category or its subcategories.
    public var categoryID: String?
    public var sort: ProductSort
    public var after: ProductCursor?
    public var limit: Int

    public init(
        market: String, priceMarket: String, channel: String? = nil, language: String, search: String? = nil,
        categoryID: String? = nil, sort: ProductSort = .name, after: ProductCursor? = nil, limit: Int = 20
    ) {
        self.market = market
        self.priceMarket = priceMarket
        self.channel = channel
        self.language = language
        self.search = search
        self.categoryID = categoryID
        self.sort = sort
        self.after = after
        self.limit = limit
    }
}

/// Orders of a product list.
public enum ProductSort: String, Sendable, CaseIterable {
    /// By the name shown in the request's language, with that language's collation.
    case name
    /// By the market's everyday list price, lowest first.
    case price
    /// By product id (stable, cheapest).
    case id
}
