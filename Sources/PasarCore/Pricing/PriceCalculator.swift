/// Turns a product's price list into a quote for one variant, market, channel and quantity.
///
/// Steps, each rounded at most once: select the most specific entry (`PriceSelector`); for a derived
/// market convert it through the exchange rate (rounded in the market's mode) and apply the
/// price-ending rule; then split tax: included tax is extracted from the gross amount, added tax is
/// computed on the net amount. The result always satisfies `net + tax == gross` exactly.
public enum PriceCalculator {
    public static func quote(
        entries: [PriceEntry], context: PriceContext, policy: PricingPolicy, taxRate: ExactDecimal
    ) throws(MoneyError) -> PriceQuote? {
        var lookup = context
        lookup.market = policy.priceListMarket
        guard let entry = PriceSelector.select(from: entries, for: lookup) else { return nil }
        var steps = [
            PriceStep(kind: "list", detail: PriceSelector.reasons(for: entry).joined(separator: ", "), amount: entry.amount)
        ]
        var amount = entry.amount
        if let derivation = policy.derivation {
            amount = try derivation.converted(amount, to: policy.currency, rounding: policy.rounding)
            steps.append(
                PriceStep(
                    kind: "conversion",
                    detail: "\(entry.amount.currency.code) → \(policy.currency.code) at \(derivation.rate), rounded \(policy.rounding.rawValue)",
                    amount: amount))
            let ended = try derivation.ending.apply(to: amount)
            steps.append(PriceStep(kind: "ending", detail: "price ending '\(derivation.ending.rawValue)'", amount: ended))
            amount = ended
        }
        let net: Money
        let tax: Money
        let gross: Money
        if policy.pricesIncludeTax {
            gross = amount
            tax = try gross.includedTax(at: taxRate, rounding: policy.rounding)
            net = try gross.subtracting(tax)
            steps.append(PriceStep(kind: "tax", detail: "includes \(taxRate) % tax", amount: tax))
        } else {
            net = amount
            tax = try net.percentage(taxRate, rounding: policy.rounding)
            gross = try net.adding(tax)
            steps.append(PriceStep(kind: "tax", detail: "plus \(taxRate) % tax at checkout", amount: tax))
        }
        return PriceQuote(
            entry: entry, net: net, tax: tax, gross: gross, taxRate: taxRate, pricesIncludeTax: policy.pricesIncludeTax,
            steps: steps)
    }
}
