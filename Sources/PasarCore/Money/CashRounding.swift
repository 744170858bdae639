/// A total rounded to what can be paid in cash, with the difference shown to the customer.
///
/// CHF 10.03 in cash is 10.05 with an adjustment of +0.02 (CLDR cash increment 0.05).
public struct CashRounding: Hashable, Sendable {
    /// The exact amount before rounding.
    public let exact: Money
    /// The amount to collect in cash.
    public let rounded: Money
    /// `rounded − exact`; positive when the customer pays more.
    public let adjustment: Money
}

extension Money {
    /// Rounds to the currency's cash increment (or `increment` minor units when given).
    public func roundedForCash(increment: Int64? = nil, rounding: RoundingMode = .halfEven) throws(MoneyError) -> CashRounding {
        let step = increment ?? currency.cashIncrementMinorUnits
        guard step > 0 else { throw .invalidArgument("cash increment must be positive") }
        let steps = rounding.divide(Int128(minorUnits), by: Int128(step))
        let rounded = try Money(exactMinorUnits: steps * Int128(step), currency: currency)
        return CashRounding(exact: self, rounded: rounded, adjustment: try rounded.subtracting(self))
    }
}
