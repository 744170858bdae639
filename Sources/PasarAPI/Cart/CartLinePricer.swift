import Foundation
import PasarCore
import PasarMarkets
import PasarStorage

/// Prices a variant for a cart line in a market and channel: the unit amount the market lists, the
/// cheaper unit amounts of its quantity tiers, and the tax rate — or why the variant cannot be sold there.
struct CartLinePricer {
    let catalog: any CatalogStore
    let market: Market
    let channel: String?

    /// The product a SKU belongs to; refuses unknown SKUs naming the field.
    func product(sku: String, field: String = "sku") async throws -> Product {
        guard let id = try await catalog.productID(sku: sku), let product = try await catalog.product(id: id) else {
            throw Problem.invalidField(field, "'\(sku)' is not a known variant (SKU)")
        }
        return product
    }

    func price(_ product: Product, sku: String) async throws -> LinePrice {
        guard product.isSold(inMarket: market.code) else { return LinePrice(unavailable: "not sold in market \(market.code)") }
        if let channel, !product.isSold(inMarket: market.code, channel: channel) {
            return LinePrice(unavailable: "not sold through channel \(channel)")
        }
        let pricer = ProductPricer(market: market, locale: market.defaultLanguage, channel: channel)
        let entries = try await catalog.prices(productID: product.id, markets: [pricer.priceListMarket])
        guard let offer = try pricer.offer(product, entries: entries, sku: sku) else {
            return LinePrice(unavailable: "no price in market \(market.code)")
        }
        return LinePrice(
            unitMinorUnits: offer.quote.displayed.minorUnits, taxRate: offer.quote.taxRate.description,
            tiers: offer.tiers.map { LinePrice.Tier(minQuantity: $0.minQuantity, unitMinorUnits: $0.unit.minorUnits) })
    }
}
