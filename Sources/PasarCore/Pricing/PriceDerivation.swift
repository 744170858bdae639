/// How a market without its own price list prices from another market's: convert through an exchange
/// rate, then apply a price ending. `tr` derived from `de` at 35.5 with `.90`: EUR 6.90 → TRY 244.95 → 244.90… ≥ → TRY 244.90.
public struct PriceDerivation: Sendable, Hashable {
    public let sourceMarket: String
    /// Units of this market's currency per unit of the source market's currency.
    public let rate: ExactDecimal
    public let ending: PriceEnding

    public init(sourceMarket: String, rate: ExactDecimal, ending: PriceEnding) {
        self.sourceMarket = sourceMarket
        self.rate = rate
        self.ending = ending
    }

    /// The converted amount, rounded in `rounding`, before its ending.
    public func converted(_ listAmount: Money, to currency: Currency, rounding: RoundingMode) throws(MoneyError) -> Money {
        try listAmount.converted(to: currency, rate: rate, rounding: rounding)
    }
}
