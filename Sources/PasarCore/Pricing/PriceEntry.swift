public import FoundationEssentials

/// One row of a market's price list: an amount for a product (or one of its variants), optionally
/// only for a channel, a customer group, a minimum quantity (tier) or a time window (sale).
public struct PriceEntry: Hashable, Sendable {
    public var productID: String
    /// The variant this price is for; nil applies to every variant of the product.
    public var sku: String?
    public var market: String
    public var amount: Money
    public var channel: String?
    public var customerGroup: String?
    /// The smallest quantity this price applies to (1 for list prices, 6 or 12 for tiers).
    public var minQuantity: Int64
    public var validFrom: Date?
    public var validTo: Date?

    public init(
        productID: String, sku: String? = nil, market: String, amount: Money, channel: String? = nil,
        customerGroup: String? = nil, minQuantity: Int64 = 1, validFrom: Date? = nil, validTo: Date? = nil
    ) {
        self.productID = productID
        self.sku = sku
        self.market = market
        self.amount = amount
        self.channel = channel
        self.customerGroup = customerGroup
        self.minQuantity = minQuantity
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// True for a price limited in time (a sale).
    public var isTimeLimited: Bool { validFrom != nil || validTo != nil }

    /// True when the price applies to `context` (same market and variant, audience, quantity and time).
    public func applies(to context: PriceContext) -> Bool {
        market == context.market
            && (sku == nil || sku == context.sku)
            && (channel == nil || channel == context.channel)
            && (customerGroup == nil || customerGroup == context.customerGroup)
            && minQuantity <= context.quantity
            && (validFrom.map { $0 <= context.at } ?? true)
            && (validTo.map { context.at < $0 } ?? true)
    }
}
