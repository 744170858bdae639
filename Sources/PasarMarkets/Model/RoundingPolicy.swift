public import PasarCore

/// Where and how a market rounds: tax per line or per total, the mode, and cash rounding at the POS.
public struct RoundingPolicy: Sendable, Hashable {
    /// Fraction digits shown (CLDR's digits for the currency unless the file says otherwise).
    public let displayDigits: Int
    public let mode: RoundingMode
    public let level: CartCalculator.RoundingLevel
    /// Smallest cash step in minor units (CHF 5 = 0.05; CLDR's cash increment unless the file says otherwise).
    public let cashIncrementMinorUnits: Int64
    public let cashMode: RoundingMode
}
