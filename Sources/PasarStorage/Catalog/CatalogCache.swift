import PasarCore
import Synchronization

/// Decoded products and price lists kept in memory, so reads of popular products skip SQLite and
/// JSON decoding. Every catalog write clears it and bumps the generation; a read that began before
/// a write stores nothing, so a cached value is never older than the last write. Bounded: when
/// full it starts over.
final class CatalogCache: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var products: [String: Product] = [:]
        var prices: [String: [PriceEntry]] = [:]
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    var generation: UInt64 { state.withLock { $0.generation } }

    func product(_ id: String) -> Product? { state.withLock { $0.products[id] } }

    func prices(_ key: String) -> [PriceEntry]? { state.withLock { $0.prices[key] } }

    /// Stores what a read found, unless the catalog changed since `generation`.
    func store(products: [Product], generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.products.count + products.count > capacity { state.products.removeAll(keepingCapacity: true) }
            for product in products { state.products[product.id] = product }
        }
    }

    func store(prices: [PriceEntry], key: String, generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.prices.count >= capacity { state.prices.removeAll(keepingCapacity: true) }
            state.prices[key] = prices
        }
    }

    /// Called after every committed catalog write.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.products.removeAll(keepingCapacity: true)
            state.prices.removeAll(keepingCapacity: true)
        }
    }
}
