public import PasarCore

/// A place that holds stock: one of a market's warehouses or stores. Ship orders take stock from
/// warehouses first, then from stores; click & collect takes it from the pickup store.
public struct StockLocation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case warehouse
        case store
    }

    public let id: String
    public let kind: Kind
    public let name: String
    public let market: String
    /// Stores only: a click & collect point.
    public let pickup: Bool
    public let latitude: ExactDecimal?
    public let longitude: ExactDecimal?
}

extension Market {
    /// Where this market's stock lies, in the order ship orders draw from it: warehouses, then stores.
    public var stockLocations: [StockLocation] {
        warehouses.map {
            StockLocation(
                id: $0.id, kind: .warehouse, name: $0.name, market: code, pickup: false, latitude: $0.latitude, longitude: $0.longitude)
        }
            + stores.map {
                StockLocation(id: $0.id, kind: .store, name: $0.name, market: code, pickup: $0.pickup, latitude: $0.latitude, longitude: $0.longitude)
            }
    }

    public func stockLocation(id: String) -> StockLocation? { stockLocations.first { $0.id == id } }
}

extension MarketSnapshot {
    /// A store or warehouse of any market, by id (ids are unique across markets).
    public func stockLocation(id: String) -> StockLocation? {
        for market in markets {
            if let location = market.stockLocation(id: id) { return location }
        }
        return nil
    }
}
