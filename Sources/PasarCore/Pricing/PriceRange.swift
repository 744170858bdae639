/// Price ranges between what a shopper reads and what the price list stores. A derived market
/// shows `ending(convert(list amount))`, which never decreases as the list amount grows, so a range
/// of displayed amounts is exactly a range of list amounts, found by bisection; other markets show
/// the list amount itself.
///
/// Example: a market converting EUR at 1.1 with a `.99` ending shows 9.99 for a 9.00 EUR list price;
/// the displayed range 5.00…10.00 becomes the list range of every EUR amount that shows within it.
public enum PriceRange {
    /// The list amounts (minor units of `listCurrency`) shown within `displayed` (minor units of the
    /// market's currency); nil when no list amount is.
    public static func listRange(
        displayed: ClosedRange<Int64>, listCurrency: Currency, policy: PricingPolicy
    ) throws(MoneyError) -> ClosedRange<Int64>? {
        guard policy.derivation != nil else { return displayed }
        func shown(_ minor: Int64) throws(MoneyError) -> Int64 {
            try policy.shown(Money(minorUnits: minor, currency: listCurrency)).minorUnits
        }
        let ceiling: Int64 = 1 << 50
        // The first list amount shown at or above the lower bound …
        var low: Int64 = 0
        var high = ceiling
        while low < high {
            let middle = low + (high - low) / 2
            if try shown(middle) >= displayed.lowerBound { high = middle } else { low = middle + 1 }
        }
        let first = low
        // … and the last one shown at or below the upper bound.
        low = -1
        high = ceiling
        while low < high {
            let middle = low + (high - low + 1) / 2
            if try shown(middle) <= displayed.upperBound { low = middle } else { high = middle - 1 }
        }
        return first <= low ? first...low : nil
    }
}
