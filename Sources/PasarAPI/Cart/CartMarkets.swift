import Synchronization

/// The market of each cart this process has shown, so adding a line (the busiest write) can price it and
/// write without reading the cart first. Only a hint: the write itself checks the market (and the cart's
/// existence, status and version) in its transaction, and a cart whose market changed meanwhile is
/// refused with `marketChanged`, forgotten here, and read again. Bounded: when full it starts over.
final class CartMarkets: Sendable {
    private let markets = Mutex<[String: String]>([:])
    private let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = capacity }

    func market(of cartID: String) -> String? { markets.withLock { $0[cartID] } }

    func remember(_ market: String, of cartID: String) {
        markets.withLock { markets in
            guard markets[cartID] != market else { return }
            if markets.count >= capacity { markets.removeAll(keepingCapacity: true) }
            markets[cartID] = market
        }
    }

    func forget(_ cartID: String) { _ = markets.withLock { $0.removeValue(forKey: cartID) } }
}
