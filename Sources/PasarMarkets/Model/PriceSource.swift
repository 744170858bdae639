public import PasarCore

/// Where a market's prices come from.
public enum PriceSource: Sendable, Hashable {
    /// The market's own price list.
    case own
    /// Another market's prices converted through an exchange rate and a price-ending rule.
    case derived(PriceDerivation)

    /// `own`, or `derived from de at 11.48 (.95)`.
    public var summary: String {
        switch self {
        case .own: "own"
        case .derived(let derivation): "derived from \(derivation.sourceMarket) at \(derivation.rate) (\(derivation.ending.rawValue))"
        }
    }
}
