import PasarCore
import Synchronization

/// Decoded products and price lists kept in memory, so reads of popular products skip SQLite and
/// JSON decoding. Every catalog write through this process clears it and bumps the generation; a
/// read that began before a write stores nothing. Writes by other processes (`pasar import` on the
/// same file, other servers) are seen once an entry's time to live has passed. Bounded: when full
/// it starts over.
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
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let timeToLive: Duration

    init(capacity: Int = 20_000, timeToLive: Duration = .seconds(5)) {
        self.capacity = capacity
        self.timeToLive = timeToLive
    }

    var generation: UInt64 { state.withLock { $0.generation } }

    func product(_ id: String) -> Product? {
        let now = ContinuousClock.now
        return state.withLock { $0.products[id].flatMap { now - $0.stored < timeToLive ? $0.value : nil } }
    }

    func prices(_ key: String) -> [PriceEntry]? {
        let now = ContinuousClock.now
        return state.withLock { $0.prices[key].flatMap { now - $0.stored < timeToLive ? $0.value : nil } }
    }

    func productID(sku: String) -> String? {
        let now = ContinuousClock.now
        return state.withLock { $0.productIDs[sku].flatMap { now - $0.stored < timeToLive ? $0.value : nil } }
    }

    func store(productID: String, sku: String, generation: UInt64) {
        let now = ContinuousClock.now
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.productIDs.count >= capacity { state.productIDs.removeAll(keepingCapacity: true) }
            state.productIDs[sku] = Entry(value: productID, stored: now)
        }
    }

    /// Stores what a read found, unless the catalog changed since `generation`.
    func store(products: [Product], generation: UInt64) {
        let now = ContinuousClock.now
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.products.count + products.count > capacity { state.products.removeAll(keepingCapacity: true) }
            for product in products { state.products[product.id] = Entry(value: product, stored: now) }
        }
    }

    func store(prices: [PriceEntry], key: String, generation: UInt64) {
        let now = ContinuousClock.now
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.prices.count >= capacity { state.prices.removeAll(keepingCapacity: true) }
            state.prices[key] = Entry(value: prices, stored: now)
        }
    }

    /// Called after every committed catalog write.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.products.removeAll(keepingCapacity: true)
            state.prices.removeAll(keepingCapacity: true)
            state.productIDs.removeAll(keepingCapacity: true)
        }
    }
}
