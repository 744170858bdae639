public import PasarCore

/// Where a market's prices come from.
public enum PriceSource: Sendable, Hashable {
    /// The market's own price list.
    case own
    /// Another market's prices converted through an exchange rate and a price-ending rule.
    case derived(Derivation)

    /// A derived market's source, rate and ending.
    public struct Derivation: Sendable, Hashable {
        public let sourceMarket: String
        /// Units of this market's currency per unit of the source market's currency.
        public let rate: ExactDecimal
        public let ending: PriceEnding
    }

    /// `own`, or `derived from de at 11.48 (.95)`.
    public var summary: String {
        switch self {
        case .own: "own"
        case .derived(let derivation): "derived from \(derivation.sourceMarket) at \(derivation.rate) (\(derivation.ending.rawValue))"
        }
    }
}
