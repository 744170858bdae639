import Synchronization

/// The market of each cart this process has shown, and whether it was a guest's, so adding a line (the
/// busiest write) can price it and write without reading the cart (or its customer's groups) first.
/// Only a hint: the write itself checks the market (and the cart's existence, status and version) in its
/// transaction, and a cart whose market changed meanwhile is refused with `marketChanged`, forgotten
/// here, and read again; a guest cart signed in meanwhile is priced again for its customer after the
/// write (`CartController.addLine`). Bounded: when full it starts over.
final class CartMarkets: Sendable {
    private struct Seen: Equatable {
        let market: String
        let guest: Bool
    }

    private let seen = Mutex<[String: Seen]>([:])
    private let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = capacity }

    func market(of cartID: String) -> String? { seen.withLock { $0[cartID]?.market } }

    /// True when the cart was last shown here without a customer.
    func isGuest(_ cartID: String) -> Bool { seen.withLock { $0[cartID]?.guest ?? false } }

    func remember(_ market: String, guest: Bool, of cartID: String) {
        let entry = Seen(market: market, guest: guest)
        seen.withLock { seen in
            guard seen[cartID] != entry else { return }
            if seen.count >= capacity { seen.removeAll(keepingCapacity: true) }
            seen[cartID] = entry
        }
    }

    func forget(_ cartID: String) { _ = seen.withLock { $0.removeValue(forKey: cartID) } }
}
