/// A price-ending rule for converted prices, so a derived market shows prices people expect:
/// `.99` (12.34 → 12.99), `.95`, `.90`, `whole` (12.34 → 13), or rounding to the nearest 10, 100 or
/// 1000 units (JPY 1932 → 1900, IDR 129 450 → 129 000).
public enum PriceEnding: String, Sendable, Hashable, CaseIterable {
    case none
    case ninetyNine = ".99"
    case ninetyFive = ".95"
    case ninety = ".90"
    case whole
    case nearest10 = "nearest-10"
    case nearest100 = "nearest-100"
    case nearest1000 = "nearest-1000"

    /// Applies the rule; endings below the currency's precision (`.99` in JPY) fall back to `whole`.
    public func apply(to amount: Money) throws(MoneyError) -> Money {
        let unit = amount.currency.minorUnitsPerMajorUnit
        switch self {
        case .none:
            return amount
        case .whole:
            return try amount.scaled(by: 1, over: unit, rounding: .ceiling).multiplied(by: unit)
        case .ninetyNine, .ninetyFive, .ninety:
            guard amount.currency.minorUnitDigits >= 2 else { return try PriceEnding.whole.apply(to: amount) }
            let cents: Int64 = self == .ninetyNine ? 99 : self == .ninetyFive ? 95 : 90
            let ending = cents * unit / 100
            // The smallest X.99 (X.95, X.90) that is not below the amount.
            let wholeUnits = try amount.scaled(by: 1, over: unit, rounding: .floor)
            let candidate = try wholeUnits.multiplied(by: unit).adding(Money(minorUnits: ending, currency: amount.currency))
            return candidate.minorUnits >= amount.minorUnits ? candidate : try candidate.adding(Money(minorUnits: unit, currency: amount.currency))
        case .nearest10, .nearest100, .nearest1000:
            let step: Int64 = self == .nearest10 ? 10 : self == .nearest100 ? 100 : 1000
            let (minor, overflow) = step.multipliedReportingOverflow(by: unit)
            if overflow { throw .overflow }
            let rounded = try amount.scaled(by: 1, over: minor, rounding: .halfUp).multiplied(by: minor)
            // Never round a positive price down to zero.
            return rounded.isZero && amount.minorUnits > 0 ? Money(minorUnits: minor, currency: amount.currency) : rounded
        }
    }
}
