public import PasarCore

/// A place that holds stock: one of a market's warehouses or stores. Ship orders take stock from the
/// locations that ship, nearest first (`ShipRouting`); click & collect takes it from the pickup store.
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
    public let ships: Bool
    public let postalCodes: [String]
}

extension Market {
    /// Where this market's stock lies, in the market's order (warehouses, then stores): the order ship
    /// orders draw from it when nothing says which is nearer.
    public var stockLocations: [StockLocation] {
        warehouses.map {
            StockLocation(
                id: $0.id, kind: .warehouse, name: $0.name, market: code, pickup: false, latitude: $0.latitude, longitude: $0.longitude,
                ships: $0.ships, postalCodes: $0.postalCodes)
        }
            + stores.map {
                StockLocation(
                    id: $0.id, kind: .store, name: $0.name, market: code, pickup: $0.pickup, latitude: $0.latitude, longitude: $0.longitude,
                    ships: $0.ships, postalCodes: $0.postalCodes)
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
