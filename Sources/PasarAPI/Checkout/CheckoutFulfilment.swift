import Foundation
import PasarCore
import PasarMarkets

/// A checkout's fulfilment once checked against the market: the order's fulfilment, the locations its
/// stock may come from (best first) and, to ship, the shipping method.
struct CheckoutFulfilment {
    let value: OrderFulfilment
    let locations: [String]
    let shippingMethod: String?
    /// A sale at the till: the order is handed over and paid in the same request.
    let atTill: Bool

    init(_ input: CheckoutInput.Fulfilment, market: Market) throws {
        atTill = input.type == .inStore
        switch input.type {
        case .inStore:
            guard let storeID = input.store else { throw Problem.invalidField("fulfilment.store", "is required for a sale at the till") }
            guard let store = market.stores.first(where: { $0.id == storeID }) else {
                throw Problem.invalidField(
                    "fulfilment.store", "'\(storeID)' is not a store of market \(market.code) (\(market.stores.map(\.id).joined(separator: ", ")))")
            }
            (value, locations, shippingMethod) = (.collect(store: store.id), [store.id], nil)
        case .collect:
            guard let storeID = input.store else { throw Problem.invalidField("fulfilment.store", "is required for click & collect") }
            let pickups = market.stores.filter(\.pickup)
            guard let store = pickups.first(where: { $0.id == storeID }) else {
                throw Problem.invalidField(
                    "fulfilment.store", "'\(storeID)' is not a pickup store of market \(market.code) (\(pickups.map(\.id).joined(separator: ", ")))")
            }
            (value, locations, shippingMethod) = (.collect(store: store.id), [store.id], nil)
        case .ship:
            guard let methodID = input.shippingMethod else { throw Problem.invalidField("fulfilment.shipping_method", "is required to ship") }
            guard market.shippingMethods.contains(where: { $0.id == methodID }) else {
                throw Problem.invalidField(
                    "fulfilment.shipping_method",
                    "'\(methodID)' is not a shipping method of market \(market.code) (\(market.shippingMethods.map(\.id).joined(separator: ", ")))")
            }
            guard let address = input.address else { throw Problem.invalidField("fulfilment.address", "is required to ship") }
            let shipTo = try Self.address(address, market: market)
            let routing = ShipRouting(market: market).locations(postalCode: shipTo.postalCode, near: try Self.coordinate(address))
            guard !routing.isEmpty else { throw Problem.invalidField("fulfilment.type", "no location of market \(market.code) ships orders") }
            (value, locations, shippingMethod) = (.ship(method: methodID, address: shipTo), routing, methodID)
        }
    }

    /// The address's coordinates: both or neither, each in range.
    private static func coordinate(_ input: CheckoutInput.AddressInput) throws -> Coordinate? {
        switch (input.latitude, input.longitude) {
        case (nil, nil): return nil
        case (let latitude?, let longitude?):
            guard (-90...90).contains(latitude) else { throw Problem.invalidField("fulfilment.address.latitude", "must be from -90 to 90") }
            guard (-180...180).contains(longitude) else { throw Problem.invalidField("fulfilment.address.longitude", "must be from -180 to 180") }
            return Coordinate(latitude: latitude, longitude: longitude)
        case (nil, _): throw Problem.invalidField("fulfilment.address.latitude", "goes with longitude")
        case (_, nil): throw Problem.invalidField("fulfilment.address.longitude", "goes with latitude")
        }
    }

    private static func address(_ input: CheckoutInput.AddressInput, market: Market) throws -> ShippingAddress {
        func text(_ value: String, _ field: String, max: Int = 200) throws -> String {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard (1...max).contains(trimmed.count) else { throw Problem.invalidField("fulfilment.address.\(field)", "must be 1 to \(max) characters") }
            return trimmed
        }
        let country = input.country.uppercased()
        guard market.countries.contains(country) else {
            throw Problem.invalidField(
                "fulfilment.address.country", "'\(input.country)' is not a country of market \(market.code) (\(market.countries.joined(separator: ", ")))")
        }
        return ShippingAddress(
            name: try text(input.name, "name"), line1: try text(input.line1, "line1"), line2: try input.line2.map { try text($0, "line2") },
            postalCode: try text(input.postalCode, "postal_code", max: 20), city: try text(input.city, "city"), country: country)
    }
}
