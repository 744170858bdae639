import Foundation
import PasarCore
import PasarMarkets
import PasarStorage
import Synchronization

/// What to show beside a product and to a returning customer, computed from the orders in the
/// database and kept for a minute per question:
///
/// - **beside a product**: the products bought in the same orders, most shared orders first;
/// - **for a customer**: products bought together with anything they bought, then the market's best
///   sellers (those sharing a category with their purchases first), never what they already bought.
///
/// Only products sold in the market (and channel) with stock available at one of its locations are
/// offered; ties go to the smaller product id, so the same orders always give the same list.
final class Recommendations: Sendable {
    enum Reason: String, Sendable {
        case boughtTogether = "bought_together"
        case popular
    }

    struct Pick: Sendable {
        let product: Product
        let reason: Reason
        /// Orders shared with the seed products, or units sold.
        let score: Int64
    }

    let store: RecommendationStore
    let catalog: any CatalogStore
    let inventory: any InventoryStore
    private let cache = Mutex<[String: (expires: ContinuousClock.Instant, picks: [Pick])]>([:])
    static let lifetime: Duration = .seconds(60)
    /// Candidates read from the orders per question, before the market's filter.
    static let candidates = 100

    init(store: RecommendationStore, catalog: any CatalogStore, inventory: any InventoryStore) {
        self.store = store
        self.catalog = catalog
        self.inventory = inventory
    }

    /// Up to `limit` products bought together with `productID`.
    func forProduct(_ productID: String, market: Market, channel: String?, limit: Int) async throws -> [Pick] {
        try await cached("p|\(market.code)|\(channel ?? "")|\(productID)|\(limit)") {
            let together = try await store.boughtTogether(with: [productID], limit: Self.candidates)
            let products = try await catalog.products(ids: together.map(\.productID))
            return try await offered(together.map { ($0, Reason.boughtTogether) }, products: products, market: market, channel: channel, limit: limit)
        }
    }

    /// Up to `limit` products for a customer who bought before (or the best sellers for one who did not).
    func forCustomer(_ customer: Customer, market: Market, channel: String?, limit: Int) async throws -> [Pick] {
        try await cached("c|\(customer.id)|\(market.code)|\(channel ?? "")|\(limit)") {
            let bought = try await store.purchases(customerID: customer.id, email: customer.email, limit: 200)
            let together = try await store.boughtTogether(with: bought, limit: Self.candidates)
            let owned = Set(bought).union(together.map(\.productID))
            let sellers = try await store.bestSellers(market: market.code, limit: Self.candidates).filter { !owned.contains($0.productID) }
            // One catalog read for the purchases and every candidate.
            let products = try await catalog.products(ids: bought + together.map(\.productID) + sellers.map(\.productID))
            // Best sellers in the categories the customer buys from come first.
            let categories = Set(bought.flatMap { products[$0]?.categoryIDs ?? [] })
            let sharesCategory = { (id: String) in !categories.isDisjoint(with: products[id]?.categoryIDs ?? []) }
            let popular = sellers.filter { sharesCategory($0.productID) } + sellers.filter { !sharesCategory($0.productID) }
            let ranked = together.map { ($0, Reason.boughtTogether) } + popular.map { ($0, Reason.popular) }
            return try await offered(ranked, products: products, market: market, channel: channel, limit: limit)
        }
    }

    /// The candidates (`products` holds them) sold in the market and channel with stock at one of its
    /// locations, in order.
    private func offered(
        _ ranked: [(RecommendationStore.Scored, Reason)], products: [String: Product], market: Market, channel: String?, limit: Int
    ) async throws -> [Pick] {
        let sold = ranked.compactMap { scored, reason -> Pick? in
            guard let product = products[scored.productID], product.isSold(inMarket: market.code, channel: channel) else { return nil }
            return Pick(product: product, reason: reason, score: scored.score)
        }
        let levels = try await inventory.levels(
            skus: sold.flatMap { $0.product.variants.map(\.sku) }, locations: market.stockLocations.map(\.id))
        let inStock = Set(levels.filter { $0.available > 0 }.map(\.sku))
        return Array(sold.filter { $0.product.variants.contains { inStock.contains($0.sku) } }.prefix(limit))
    }

    private func cached(_ key: String, compute: () async throws -> [Pick]) async throws -> [Pick] {
        let now = ContinuousClock.now
        if let hit = cache.withLock({ $0[key] }), hit.expires > now { return hit.picks }
        let picks = try await compute()
        cache.withLock { entries in
            if entries.count >= 10_000 { entries.removeAll() }
            entries[key] = (now + Self.lifetime, picks)
        }
        return picks
    }
}
