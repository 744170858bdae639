import PasarMarkets

/// The order a ship order tries a market's locations in (the first that has every line gives the
/// stock): only locations that ship; nearest to the address first when it carries coordinates
/// (clients geocode; locations without coordinates come last); else those serving the address's
/// postal code first (longest prefix first); the market's own order breaks every tie. Markets are
/// mostly one country, so the country decides nothing.
struct ShipRouting {
    let market: Market

    func locations(postalCode: String, near origin: Coordinate?) -> [String] {
        let shipping = market.stockLocations.enumerated().filter { $0.element.ships }
        let ranked = shipping.sorted { left, right in
            let (l, r) = (rank(left.element, postalCode: postalCode, origin: origin), rank(right.element, postalCode: postalCode, origin: origin))
            return l == r ? left.offset < right.offset : l < r
        }
        return ranked.map(\.element.id)
    }

    /// Smaller is better: the distance in km with coordinates, else minus the longest matching
    /// postal prefix, else nothing (the market's order).
    private func rank(_ location: StockLocation, postalCode: String, origin: Coordinate?) -> Double {
        if let origin {
            guard let place = Coordinate(latitude: location.latitude, longitude: location.longitude) else { return .infinity }
            return origin.kilometres(to: place)
        }
        let code = postalCode.filter { $0.isLetter || $0.isNumber }.uppercased()
        let longest = location.postalCodes.filter { code.hasPrefix($0.uppercased()) }.map(\.count).max() ?? 0
        return -Double(longest)
    }
}
