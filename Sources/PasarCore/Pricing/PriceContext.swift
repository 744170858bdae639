public import FoundationEssentials

/// Who is buying what, where and when: the inputs of a price lookup.
public struct PriceContext: Hashable, Sendable {
    public var market: String
    public var sku: String
    public var channel: String?
    public var customerGroup: String?
    public var quantity: Int64
    public var at: Date

    public init(market: String, sku: String, channel: String? = nil, customerGroup: String? = nil, quantity: Int64 = 1, at: Date = Date()) {
        self.market = market
        self.sku = sku
        self.channel = channel
        self.customerGroup = customerGroup
        self.quantity = quantity
        self.at = at
    }
}
