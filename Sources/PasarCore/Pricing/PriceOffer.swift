/// What a shopper is offered for one variant: the price for the asked quantity, the everyday price it
/// undercuts (a sale, a channel price) shown as compare-at, and the cheaper unit prices of larger quantities.
///
/// A 6.90 list price on sale at 5.90, with 4.90 from 6 units: `quote.displayed` 5.90, `compareAt` 6.90,
/// `tiers` [6: 4.90].
public struct PriceOffer: Sendable {
    public struct Tier: Sendable {
        public let minQuantity: Int64
        /// The displayed unit amount from `minQuantity` units on.
        public let unit: Money
    }

    public let quote: PriceQuote
    /// The everyday displayed amount when it is higher than `quote`'s: no channel, group, time window or quantity.
    public let compareAt: Money?
    /// Only tiers cheaper than `quote`, by quantity.
    public let tiers: [Tier]
}

extension PriceCalculator {
    /// The offer for `context`'s variant, or nil when the price list has no price for it.
    public static func offer(
        entries: [PriceEntry], context: PriceContext, policy: PricingPolicy, taxRate: ExactDecimal
    ) throws(MoneyError) -> PriceOffer? {
        guard let quote = try quote(entries: entries, context: context, policy: policy, taxRate: taxRate) else { return nil }
        let everyday = entries.filter { $0.channel == nil && $0.customerGroup == nil && !$0.isTimeLimited && $0.minQuantity == 1 }
        var compareAt: Money?
        if let regular = try self.quote(entries: everyday, context: context, policy: policy, taxRate: taxRate),
            regular.displayed.minorUnits > quote.displayed.minorUnits
        {
            compareAt = regular.displayed
        }
        var tiers: [PriceOffer.Tier] = []
        for quantity in Set(entries.map(\.minQuantity).filter { $0 > context.quantity }).sorted() {
            var larger = context
            larger.quantity = quantity
            if let tier = try self.quote(entries: entries, context: larger, policy: policy, taxRate: taxRate),
                tier.displayed.minorUnits < quote.displayed.minorUnits
            {
                tiers.append(PriceOffer.Tier(minQuantity: quantity, unit: tier.displayed))
            }
        }
        return PriceOffer(quote: quote, compareAt: compareAt, tiers: tiers)
    }
}
