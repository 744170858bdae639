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
    var priceListMarket: String { policy.priceListMarket }

    func quote(_ product: Product, entries: [PriceEntry], sku: String, quantity: Int64 = 1) throws -> PriceQuote? {
        guard let rate = market.tax.rate(forClass: product.taxClass, country: nil) else { return nil }
        return try PriceCalculator.quote(entries: entries, context: context(sku: sku, quantity: quantity), policy: policy, taxRate: rate)
    }

    func offer(_ product: Product, entries: [PriceEntry], sku: String) throws -> PriceOffer? {
        guard let rate = market.tax.rate(forClass: product.taxClass, country: nil) else { return nil }
        return try PriceCalculator.offer(entries: entries, context: context(sku: sku, quantity: 1), policy: policy, taxRate: rate)
    }

    /// The lowest offer for a shopper in `groups` (`PriceCalculator.offer(…groups:…)`).
    func offer(_ product: Product, entries: [PriceEntry], sku: String, groups: [String]) throws -> PriceOffer? {
        guard let rate = market.tax.rate(forClass: product.taxClass, country: nil) else { return nil }
        return try PriceCalculator.offer(entries: entries, context: context(sku: sku, quantity: 1), groups: groups, policy: policy, taxRate: rate)
    }

    private func context(sku: String, quantity: Int64) -> PriceContext {
        PriceContext(market: market.code, sku: sku, channel: channel, customerGroup: customerGroup, quantity: quantity, at: now)
    }

    /// The offer as the API shows it: every amount formatted in the request's language.
    func view(_ offer: PriceOffer) throws -> PriceView {
        let quote = offer.quote
        return PriceView(
            display: try amounts(quote.displayed), net: try amounts(quote.net),
            tax: try amounts(quote.tax), gross: try amounts(quote.gross),
            taxRate: quote.taxRate.description, taxIncluded: quote.pricesIncludeTax,
            compareAt: try offer.compareAt.map { try amounts($0) },
            tiers: try offer.tiers.map { TierView(minQuantity: $0.minQuantity, display: try amounts($0.unit)) })
    }
}
