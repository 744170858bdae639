/// What a market says about turning price-list amounts into customer prices.
public struct PricingPolicy: Sendable {
    /// The market priced.
    public var market: String
    /// The currency it shows prices in.
    public var currency: Currency
    /// True when list amounts already contain tax (EU, UK); false when tax is added at checkout (US).
    public var pricesIncludeTax: Bool
    public var rounding: RoundingMode
    /// Set for a market priced from another market's list through an exchange rate.
    public var derivation: PriceDerivation?

    public init(market: String, currency: Currency, pricesIncludeTax: Bool, rounding: RoundingMode = .halfEven, derivation: PriceDerivation? = nil) {
        self.market = market
        self.currency = currency
        self.pricesIncludeTax = pricesIncludeTax
        self.rounding = rounding
        self.derivation = derivation
    }

    /// The market whose price list prices this one: its own, or the source of a derived market.
    public var priceListMarket: String { derivation?.sourceMarket ?? market }

    /// The amount a list amount (in the price-list market's currency) is shown as here.
    public func shown(_ listAmount: Money) throws(MoneyError) -> Money {
        guard let derivation else { return listAmount }
        return try derivation.ending.apply(to: derivation.converted(listAmount, to: currency, rounding: rounding))
    }
}
