/// A unit price for one variant in one market, split into net, tax and gross, with the steps that
/// produced it (for the price explanation merchants and support read).
public struct PriceQuote: Sendable {
    /// The price-list entry the price starts from (the source market's, for derived markets).
    public let entry: PriceEntry
    public let net: Money
    public let tax: Money
    public let gross: Money
    public let taxRate: ExactDecimal
    public let pricesIncludeTax: Bool
    public let steps: [PriceStep]

    /// The amount a shopper sees on the shelf: gross where prices include tax, net otherwise.
    public var displayed: Money { pricesIncludeTax ? gross : net }
}

/// One step of a price explanation: what happened and the amount after it.
public struct PriceStep: Sendable {
    /// `list`, `conversion`, `ending`, `tax`.
    public let kind: String
    public let detail: String
    public let amount: Money

    public init(kind: String, detail: String, amount: Money) {
        self.kind = kind
        self.detail = detail
        self.amount = amount
    }
}
