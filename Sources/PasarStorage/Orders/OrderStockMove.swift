import PasarCore

/// What an order step does to the stock of one line at the location that holds it. Steps take
/// them sorted by location, then SKU, as every transaction changing several stock rows does, so
/// two such transactions cannot deadlock.
struct OrderStockMove {
    enum Kind {
        /// Reserved units leave the shelf (shipped, collected).
        case fulfil
        /// Reserved units go back to available (cancelled).
        case release
    }

    let kind: Kind
    let location: String
    let line: OrderLine

    /// `kind` for every line of `lines`, each at the location holding it, in lock order.
    static func sorted(_ kind: Kind, _ lines: [OrderLine], of order: Order) -> [OrderStockMove] {
        lines.map { OrderStockMove(kind: kind, location: order.location(ofLine: $0.number), line: $0) }.sorted { left, right in
            left.location == right.location
                ? left.line.sku.utf8.lexicographicallyPrecedes(right.line.sku.utf8) : left.location.utf8.lexicographicallyPrecedes(right.location.utf8)
        }
    }
}
