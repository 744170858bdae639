import Foundation
import PasarCore
import PasarMarkets
import PasarStorage

/// Prices a variant for a cart line in a market and channel: the unit amount the market lists (the
/// lowest that applies to the cart's customer groups), the everyday amount it undercuts, the cheaper
/// unit amounts of its quantity tiers, and the tax rate — or why the variant cannot be sold there.
struct CartLinePricer {
    let catalog: any CatalogStore
    let market: Market
    let channel: String?
    /// The cart's customer's active groups that the market declares; empty for a guest.
    var groups: [String] = []

    /// A pricer for the customer's groups (none for a guest); reads the groups only when the market
    /// declares any.
    static func forCustomer(_ customerID: String?, market: Market, channel: String?, services: APIServices) async throws -> CartLinePricer {
        var pricer = CartLinePricer(catalog: services.catalog, market: market, channel: channel)
        guard let customerID, !market.customerGroups.isEmpty else { return pricer }
        pricer.groups = try await services.customerGroups.activeCodes(customerID: customerID, now: Date()).filter { market.customerGroup($0) != nil }
        return pricer
    }

    /// A pricer for the customer of the cart `cartID` (read from the database when the market declares groups).
    static func forCart(_ cartID: String, market: Market, channel: String?, services: APIServices) async throws -> CartLinePricer {
        var pricer = CartLinePricer(catalog: services.catalog, market: market, channel: channel)
        guard !market.customerGroups.isEmpty else { return pricer }
        pricer.groups = try await services.customerGroups.activeGroups(cartID: cartID, now: Date()).codes.filter { market.customerGroup($0) != nil }
        return pricer
    }

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
        guard let offer = try pricer.offer(product, entries: entries, sku: sku, groups: groups) else {
            return LinePrice(unavailable: "no price in market \(market.code)")
        }
        return LinePrice(
            unitMinorUnits: offer.quote.displayed.minorUnits, taxRate: offer.quote.taxRate.description,
            tiers: offer.tiers.map { LinePrice.Tier(minQuantity: $0.minQuantity, unitMinorUnits: $0.unit.minorUnits) },
            compareAtMinorUnits: offer.compareAt?.minorUnits, customerGroup: offer.quote.entry.customerGroup)
    }

    /// Prices for every line of `cart` (keyed by line id); a line whose product left the catalog is unavailable.
    func prices(of cart: StoredCart) async throws -> [String: LinePrice] {
        let products = try await catalog.products(ids: cart.lines.map(\.productID))
        var prices: [String: LinePrice] = [:]
        for line in cart.lines {
            if let product = products[line.productID] {
                prices[line.id] = try await price(product, sku: line.sku)
            } else {
                prices[line.id] = LinePrice(unavailable: "no longer in the catalog")
            }
        }
        return prices
    }
}
