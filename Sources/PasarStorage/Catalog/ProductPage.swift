public import PasarCore

/// One page of products with their price lists for the requested markets.
public struct ProductPage: Sendable {
    public let products: [Product]
    /// Price entries by product id.
    public let prices: [String: [PriceEntry]]
    /// Where the next page starts; nil on the last page.
    public let next: ProductCursor?
    /// Counts over the whole filtered set, when facets were asked for.
    public var facets: ProductFacets?
    /// For a search that found nothing: vocabulary terms close to its words, most frequent first.
    public var suggestions: [String] = []

    public init(products: [Product], prices: [String: [PriceEntry]], next: ProductCursor?, facets: ProductFacets? = nil) {
        self.products = products
        self.prices = prices
        self.next = next
        self.facets = facets
    }
}

/// Exact counts over the filtered set of a list or search.
public struct ProductFacets: Sendable, Hashable {
    public struct Count: Sendable, Hashable {
        public let value: String
        public let count: Int
    }

    /// Products in the filtered set.
    public var total: Int = 0
    /// Category id → products in it or its subcategories, most first.
    public var categories: [Count] = []
    /// Option name → its values with counts, most first.
    public var options: [String: [Count]] = [:]
    /// Lowest and highest current price in the filtered set, minor units of the price-list market.
    public var priceRange: ClosedRange<Int64>?
    /// Products available in the market's locations.
    public var inStock: Int?

    public init() {}
}
