/// Picks the most specific valid price for a context from a product's price list.
///
/// Among the entries that apply, specificity is compared in this order, and the first difference
/// decides: a customer-group price beats a general one, then a channel price, then a time-limited
/// sale, then a higher quantity tier, then a variant price over a product-wide one; the lower amount
/// breaks remaining ties. So a shop's wholesale price for POS wins over a public sale, and a running
/// sale wins over the everyday list price.
public enum PriceSelector {
    public static func select(from entries: [PriceEntry], for context: PriceContext) -> PriceEntry? {
        entries.filter { $0.applies(to: context) }.min(by: isMoreSpecific)
    }

    /// Why `chosen` won, in words for the price explanation.
    public static func reasons(for chosen: PriceEntry) -> [String] {
        var reasons: [String] = []
        if let group = chosen.customerGroup { reasons.append("customer group '\(group)' price") }
        if let channel = chosen.channel { reasons.append("channel '\(channel)' price") }
        if chosen.isTimeLimited { reasons.append("sale price") }
        if chosen.minQuantity > 1 { reasons.append("quantity tier from \(chosen.minQuantity)") }
        if chosen.sku != nil { reasons.append("variant price") }
        return reasons.isEmpty ? ["list price"] : reasons
    }

    static func isMoreSpecific(_ lhs: PriceEntry, _ rhs: PriceEntry) -> Bool {
        let left = rank(lhs)
        let right = rank(rhs)
        if left != right { return left.lexicographicallyPrecedes(right, by: >) }
        return lhs.amount.minorUnits < rhs.amount.minorUnits
    }

    private static func rank(_ entry: PriceEntry) -> [Int64] {
        [
            entry.customerGroup == nil ? 0 : 1, entry.channel == nil ? 0 : 1, entry.isTimeLimited ? 1 : 0,
            entry.minQuantity, entry.sku == nil ? 0 : 1,
        ]
    }
}
