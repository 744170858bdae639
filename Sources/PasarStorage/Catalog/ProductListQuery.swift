public import Foundation

/// A page request over a market's products: search words, filters, facets, order and the position
/// to continue from.
public struct ProductListQuery: Sendable, Hashable {
    /// Products sold in this market.
    public var market: String
    /// The market whose price list decides `sort=price`, price filters and which products are
    /// priced (a derived market uses its source market's).
    public var priceMarket: String
    /// Only products sold through this channel, when set.
    public var channel: String?
    /// Index language for collation order (one of the store's index languages).
    public var language: String
    /// Languages whose search terms a query matches: the request language's fallback chain.
    public var searchLanguages: [String]
    /// Words that must all match (exactly, as a synonym, the last as a prefix, or with a typo).
    public var search: String?
    /// Only products in this category or its subcategories.
    public var categoryID: String?
    /// Only products whose lowest current one-unit price in `priceMarket` (minor units of that
    /// market's currency) lies in this range.
    public var priceRange: ClosedRange<Int64>?
    /// Only products with a variant available (on hand minus reserved) at one of these locations.
    public var stockLocations: [String]?
    /// Only products with a variant whose option `name` has one of the values (name → values).
    public var options: [String: [String]]
    /// Facet groups to count over the filtered set.
    public var facets: Set<ProductFacetKind>
    /// Locations counted by the availability facet (the market's stores and warehouses).
    public var marketLocations: [String]
    public var sort: ProductSort
    public var after: ProductCursor?
    public var limit: Int
    /// The moment prices are read at (sales that start or end move products in and out of ranges).
    public var now: Date

    public init(
        market: String, priceMarket: String, channel: String? = nil, language: String, searchLanguages: [String] = [],
        search: String? = nil, categoryID: String? = nil, priceRange: ClosedRange<Int64>? = nil, stockLocations: [String]? = nil,
        options: [String: [String]] = [:], facets: Set<ProductFacetKind> = [], marketLocations: [String] = [],
        sort: ProductSort = .name, after: ProductCursor? = nil, limit: Int = 20, now: Date = Date()
    ) {
        self.market = market
        self.priceMarket = priceMarket
        self.channel = channel
        self.language = language
        self.searchLanguages = searchLanguages.isEmpty ? [language] : searchLanguages
        self.search = search
        self.categoryID = categoryID
        self.priceRange = priceRange
        self.stockLocations = stockLocations
        self.options = options
        self.facets = facets
        self.marketLocations = marketLocations
        self.sort = sort
        self.after = after
        self.limit = limit
        self.now = now
    }

    /// True when the query has words to search for.
    public var isSearch: Bool { !(search ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
}

/// Orders of a product list.
public enum ProductSort: String, Sendable, CaseIterable {
    /// Best search match first (see `SearchPlan`); the default of a search.
    case relevance
    /// By the name shown in the request's language, with that language's collation.
    case name
    /// By the market's everyday list price, lowest first.
    case price
    /// By product id (stable, cheapest).
    case id
}

/// Facet groups a list can count.
public enum ProductFacetKind: String, Sendable, CaseIterable, Hashable {
    case category
    case price
    case option
    case availability
}
