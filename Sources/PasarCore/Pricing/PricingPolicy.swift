/// What a market says about turning price-list amounts into customer prices.
public struct PricingPolicy: Sendable {
    /// True when list amounts already contain tax (EU, UK); false when tax is added at checkout (US).
    public var pricesIncludeTax: Bool
    public var rounding: RoundingMode
    /// Set for a market priced from another market's list through an exchange rate.
    public var derivation: Derivation?

    public init(pricesIncludeTax: Bool, rounding: RoundingMode = .halfEven, derivation: Derivation? = nil) {
        self.pricesIncludeTax = pricesIncludeTax
        self.rounding = rounding
        self.derivation = derivation
    }

    /// How a derived market's prices come from its source market.
    public struct Derivation: Sendable {
        public var sourceMarket: String
        public var currency: Currency
        /// Units of this market's currency per unit of the source currency.
        public var rate: ExactDecimal
        /// The price-ending rule's name for explanations (`.99`, `whole`, `nearest-100`).
        public var endingName: String
        /// Applies the price-ending rule to a converted amount.
        public var applyEnding: @Sendable (Money) throws(MoneyError) -> Money

        public init(
            sourceMarket: String, currency: Currency, rate: ExactDecimal, endingName: String,
            applyEnding: @escaping @Sendable (Money) throws(MoneyError) -> Money
        ) {
            self.sourceMarket = sourceMarket
            self.currency = currency
            self.rate = rate
            self.endingName = endingName
            self.applyEnding = applyEnding
        }
    }
}
