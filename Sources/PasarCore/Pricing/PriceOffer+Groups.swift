extension PriceCalculator {
    /// The offer for a shopper in `groups`: the lowest of the guest's offer and each group's, so a member
    /// never pays more than a guest and a lower sale still wins over a group price. `compareAt` stays the
    /// everyday price; each quantity tier is the lowest any of the offers gives. The winning group, if a
    /// group price won, is `quote.entry.customerGroup`.
    ///
    /// A 6.90 list price with a 5.50 `students` price and a 5.20 sale: a student pays 5.20 (the sale).
    public static func offer(
        entries: [PriceEntry], context: PriceContext, groups: [String], policy: PricingPolicy, taxRate: ExactDecimal
    ) throws(MoneyError) -> PriceOffer? {
        var candidates: [PriceOffer] = []
        for group in [nil] + groups.map(Optional.some) {
            var member = context
            member.customerGroup = group
            if let offer = try offer(entries: entries, context: member, policy: policy, taxRate: taxRate) { candidates.append(offer) }
        }
        guard let best = candidates.min(by: { isCheaper($0.quote, than: $1.quote) }) else { return nil }
        var lowestTiers: [Int64: Money] = [:]
        for tier in candidates.flatMap(\.tiers) where tier.unit.minorUnits < best.quote.displayed.minorUnits {
            if let known = lowestTiers[tier.minQuantity], known.minorUnits <= tier.unit.minorUnits { continue }
            lowestTiers[tier.minQuantity] = tier.unit
        }
        // A tier only counts when it is cheaper than every smaller quantity's price.
        var tiers: [PriceOffer.Tier] = []
        for quantity in lowestTiers.keys.sorted() {
            guard let unit = lowestTiers[quantity], unit.minorUnits < (tiers.last?.unit ?? best.quote.displayed).minorUnits else { continue }
            tiers.append(PriceOffer.Tier(minQuantity: quantity, unit: unit))
        }
        return PriceOffer(quote: best.quote, compareAt: best.compareAt, tiers: tiers)
    }

    /// Lower displayed amount first; on a tie the guest's price (no group) is kept.
    private static func isCheaper(_ lhs: PriceQuote, than rhs: PriceQuote) -> Bool {
        if lhs.displayed.minorUnits != rhs.displayed.minorUnits { return lhs.displayed.minorUnits < rhs.displayed.minorUnits }
        return lhs.entry.customerGroup == nil && rhs.entry.customerGroup != nil
    }
}
