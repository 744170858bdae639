public import PasarCore

/// One page of products with their price lists for the requested markets.
public struct ProductPage: Sendable {
    public let products: [Product]
    /// Price entries by product id.
    public let prices: [String: [PriceEntry]]
    /// Where the next page starts; nil on the last page.
    public let next: ProductCursor?
}
