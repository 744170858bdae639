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
            let shipTo = try Self.address(address, countries: market.countries, of: "market \(market.code)", field: "fulfilment.address")
            let routing = ShipRouting(market: market).locations(
                postalCode: shipTo.postalCode, near: try Self.coordinate(address, field: "fulfilment.address"))
            guard !routing.isEmpty else { throw Problem.invalidField("fulfilment.type", "no location of market \(market.code) ships orders") }
            (value, locations, shippingMethod) = (.ship(method: methodID, address: shipTo), routing, methodID)
        }
    }

    /// The address's coordinates: both or neither, each in range; `field` names the address in problems.
    static func coordinate(_ input: CheckoutInput.AddressInput, field: String) throws -> Coordinate? {
        switch (input.latitude, input.longitude) {
        case (nil, nil): return nil
        case (let latitude?, let longitude?):
            guard (-90...90).contains(latitude) else { throw Problem.invalidField("\(field).latitude", "must be from -90 to 90") }
            guard (-180...180).contains(longitude) else { throw Problem.invalidField("\(field).longitude", "must be from -180 to 180") }
            return Coordinate(latitude: latitude, longitude: longitude)
        case (nil, _): throw Problem.invalidField("\(field).latitude", "goes with longitude")
        case (_, nil): throw Problem.invalidField("\(field).longitude", "goes with latitude")
        }
    }

    /// The address checked: each text 1 to 200 characters (postal code 20), a country of `countries`
    /// (`place` names where they come from in the problem); `field` names the address in problems.
    static func address(_ input: CheckoutInput.AddressInput, countries: [String], of place: String, field: String) throws -> ShippingAddress {
        func text(_ value: String, _ name: String, max: Int = 200) throws -> String {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard (1...max).contains(trimmed.count) else { throw Problem.invalidField("\(field).\(name)", "must be 1 to \(max) characters") }
            return trimmed
        }
        let country = input.country.uppercased()
        guard countries.contains(country) else {
            throw Problem.invalidField("\(field).country", "'\(input.country)' is not a country of \(place) (\(countries.joined(separator: ", ")))")
        }
        return ShippingAddress(
            name: try text(input.name, "name"), line1: try text(input.line1, "line1"), line2: try input.line2.map { try text($0, "line2") },
            postalCode: try text(input.postalCode, "postal_code", max: 20), city: try text(input.city, "city"), country: country)
    }
}
