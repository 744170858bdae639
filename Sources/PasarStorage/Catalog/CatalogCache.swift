import PasarCore
import Synchronization

/// Decoded products, price lists and the category tree kept in memory, so reads of popular products
/// and every list page (which checks its category and names the facets' categories) skip the
/// database and JSON decoding. Every catalog write through this process clears it and bumps the generation; a
/// read that began before a write stores nothing. Writes by other processes (`pasar import` on the
/// same SQLite file) are seen once an entry's time to live has passed; on PostgreSQL the change feed
/// clears it when another process commits a catalog write. Bounded: when full it starts over.
final class CatalogCache: Sendable {
    private struct Entry<Value> {
        let value: Value
        let stored: ContinuousClock.Instant
    }

    private struct State {
        var generation: UInt64 = 0
        var products: [String: Entry<Product>] = [:]
        var prices: [String: Entry<[PriceEntry]>] = [:]
        /// The product of each SKU (cart writes look it up on every add).
        var productIDs: [String: Entry<String>] = [:]
        var categories: Entry<[Category]>?
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let timeToLive: Duration

    init(capacity: Int = 20_000, timeToLive: Duration = .seconds(5)) {
        self.capacity = capacity
        self.timeToLive = timeToLive
    }

    private var generation: UInt64 { state.withLock { $0.generation } }

    /// Products by id: the cached ones, the rest from `fetch` (given the missing ids), which are kept
    /// unless the catalog changed while they were read.
    func products(ids: [String], fetch: ([String]) async throws -> [Product]) async rethrows -> [String: Product] {
        let now = ContinuousClock.now
        var found: [String: Product] = [:]
        var missing: [String] = []
        let generation = state.withLock { state in
            for id in Set(ids) {
                if let entry = state.products[id], now - entry.stored < timeToLive { found[id] = entry.value } else { missing.append(id) }
            }
            return state.generation
        }
        guard !missing.isEmpty else { return found }
        let fetched = try await fetch(missing)
        store(generation: generation) { state, stored in
            if state.products.count + fetched.count > capacity { state.products.removeAll(keepingCapacity: true) }
            for product in fetched { state.products[product.id] = Entry(value: product, stored: stored) }
        }
        for product in fetched { found[product.id] = product }
        return found
    }

    /// A product's price list in some markets, cached or from `fetch`.
    func prices(productID: String, markets: [String], fetch: () async throws -> [PriceEntry]) async rethrows -> [PriceEntry] {
        try await readThrough(\.prices, key: "\(productID)|\(markets.joined(separator: ","))", fetch: fetch)
    }

    /// The product of a SKU (cart writes look it up on every add), cached or from `fetch`.
    func productID(sku: String, fetch: () async throws -> String?) async rethrows -> String? {
        let cached: String? = lookup(\.productIDs, key: sku)
        if let cached { return cached }
        let generation = self.generation
        guard let found = try await fetch() else { return nil }
        store(generation: generation) { state, stored in
            if state.productIDs.count >= capacity { state.productIDs.removeAll(keepingCapacity: true) }
            state.productIDs[sku] = Entry(value: found, stored: stored)
        }
        return found
    }

    /// Every category, cached or from `fetch`.
    func categories(fetch: () async throws -> [Category]) async rethrows -> [Category] {
        let now = ContinuousClock.now
        let cached = state.withLock { $0.categories.flatMap { now - $0.stored < timeToLive ? $0.value : nil } }
        if let cached { return cached }
        let generation = self.generation
        let categories = try await fetch()
        store(generation: generation) { state, stored in state.categories = Entry(value: categories, stored: stored) }
        return categories
    }

    private func readThrough<Value: Sendable>(
        _ table: any WritableKeyPath<State, [String: Entry<Value>]> & Sendable, key: String, fetch: () async throws -> Value
    ) async rethrows -> Value {
        if let cached = lookup(table, key: key) { return cached }
        let generation = self.generation
        let value = try await fetch()
        store(generation: generation) { state, stored in
            if state[keyPath: table].count >= capacity { state[keyPath: table].removeAll(keepingCapacity: true) }
            state[keyPath: table][key] = Entry(value: value, stored: stored)
        }
        return value
    }

    private func lookup<Value: Sendable>(_ table: any KeyPath<State, [String: Entry<Value>]> & Sendable, key: String) -> Value? {
        let now = ContinuousClock.now
        return state.withLock { $0[keyPath: table][key].flatMap { now - $0.stored < timeToLive ? $0.value : nil } }
    }

    /// Applies `change` unless the catalog changed since `generation` (a read that began before a
    /// write stores nothing).
    private func store(generation: UInt64, _ change: (inout State, ContinuousClock.Instant) -> Void) {
        let now = ContinuousClock.now
        state.withLock { state in
            guard state.generation == generation else { return }
            change(&state, now)
        }
    }

    /// Called after every committed catalog write.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.products.removeAll(keepingCapacity: true)
            state.prices.removeAll(keepingCapacity: true)
            state.productIDs.removeAll(keepingCapacity: true)
            state.categories = nil
        }
    }
}
