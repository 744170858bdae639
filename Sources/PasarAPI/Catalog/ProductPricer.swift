import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets

/// Prices products for one market and response language: quotes from the price calculator, turned
/// into wire views with ICU-formatted amounts.
struct ProductPricer {
    let market: Market
    let amounts: AmountFormatter
    let policy: PricingPolicy
    let channel: String?
    let customerGroup: String?
    let now: Date

    init(market: Market, locale: LocaleTag, channel: String?, customerGroup: String? = nil, now: Date = Date()) {
        self.market = market
        self.amounts = AmountFormatter(locale: locale, displayDigits: market.rounding.displayDigits)
        self.policy = market.pricingPolicy
        self.channel = channel
        self.customerGroup = customerGroup
        self.now = now
    }

    /// The market a product's price list is read from (the source market, for derived markets).
    var priceListMarket: String { policy.derivation?.sourceMarket ?? market.code }

    func quote(_ product: Product, entries: [PriceEntry], sku: String, quantity: Int64 = 1) throws -> PriceQuote? {
        guard let rate = market.tax.rate(forClass: product.taxClass, country: nil) else { return nil }
        let context = PriceContext(
            market: market.code, sku: sku, channel: channel, customerGroup: customerGroup, quantity: quantity, at: now)
        return try PriceCalculator.quote(entries: entries, context: context, policy: policy, taxRate: rate)
    }

    func view(_ product: Product, entries: [PriceEntry], sku: String) throws -> PriceView? {
        guard let quote = try quote(product, entries: entries, sku: sku) else { return nil }
        let everyday = entries.filter { $0.channel == nil && $0.customerGroup == nil && !$0.isTimeLimited && $0.minQuantity == 1 }
        let regular = try self.quote(product, entries: everyday, sku: sku)
        let compareAt = regular.flatMap { $0.displayed.minorUnits > quote.displayed.minorUnits ? $0.displayed : nil }
        var tiers: [TierView] = []
        let tierQuantities = Set(entries.map(\.minQuantity).filter { $0 > 1 }).sorted()
        for quantity in tierQuantities {
            if let tier = try self.quote(product, entries: entries, sku: sku, quantity: quantity),
                tier.displayed.minorUnits < quote.displayed.minorUnits
            {
                tiers.append(TierView(minQuantity: quantity, display: try amounts(tier.displayed)))
            }
        }
        return PriceView(
            display: try amounts(quote.displayed), net: try amounts(quote.net),
            tax: try amounts(quote.tax), gross: try amounts(quote.gross),
            taxRate: quote.taxRate.description, taxIncluded: quote.pricesIncludeTax,
            compareAt: try compareAt.map { try amounts($0) }, tiers: tiers,
            displayMinorUnits: quote.displayed.minorUnits)
    }
}
