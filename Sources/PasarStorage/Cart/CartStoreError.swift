/// Why a cart write was refused; each maps to a 4xx at the HTTP edge.
public enum CartStoreError: Error, Sendable {
    /// No such cart, or it expired.
    case cartNotFound(String)
    case lineNotFound(String)
    /// `If-Match` named an older version; carries the cart as it is now.
    case stale(StoredCart)
    /// The cart was merged or checked out and takes no more changes.
    case notActive(StoredCart)
    /// The line would exceed the per-line maximum quantity.
    case quantityLimit(max: Int64)
    case lineLimit(max: Int)
    /// The cart's market changed while the write was being prepared; price again and retry.
    case marketChanged
    /// The customer already has an active cart in that market.
    case customerHasCart(market: String, cartID: String)
    /// Carts of different markets cannot be merged.
    case differentMarkets(String, String)
    case voucherNotOnCart(String)
}
