import Foundation
import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// `GET /v1/markets/{market}/products/{product}/availability?store=&near=lat,lng`: per variant, the
/// units available in the market, for shipping, at the chosen store, and the nearest pickup stores
/// that have it (by great-circle distance from `near`, else from the chosen store).
struct AvailabilityController {
    let services: APIServices
    static let nearestLimit = 3

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/markets/:market/products/:product/availability", use: availability)
    }

    @Sendable func availability(request: Request, context: AppRequestContext) async throws -> EditedResponse<AvailabilityView> {
        let code = try context.parameters.require("market")
        guard let market = services.markets.snapshot.market(code: code) else { throw Problem.notFound("market '\(code)'", field: "market") }
        let language = try services.languages.language(offered: market.languages, marketCode: market.code, request: request)
        let query = QueryValues(request: request)
        let store = try query.string("store", maxLength: 64).map { id in
            guard let store = market.stores.first(where: { $0.id == id }) else {
                throw Problem.invalidField("store", "'\(id)' is not a store of market \(market.code) (\(market.stores.map(\.id).joined(separator: ", ")))")
            }
            return store
        }
        var origin = store.flatMap { Coordinate(latitude: $0.latitude, longitude: $0.longitude) }
        if let near = try query.string("near", maxLength: 64) {
            guard let coordinate = Coordinate(query: near) else {
                throw Problem.invalidField("near", "must be latitude,longitude in degrees, such as 52.52,13.40")
            }
            origin = coordinate
        }
        let product = try await findProduct(try context.parameters.require("product"), language: language.identifier)
        guard product.isSold(inMarket: market.code) else { throw Problem.notFound("product '\(product.id)' in market \(market.code)", field: "product") }
        let locations = market.stockLocations
        let levels = try await services.inventory.levels(skus: product.variants.map(\.sku), locations: locations.map(\.id))
        let variants = product.variants.map { variant in
            let available = Dictionary(levels.filter { $0.sku == variant.sku }.map { ($0.location, $0.available) }, uniquingKeysWith: +)
            return VariantAvailabilityView(
                sku: variant.sku, available: available.values.reduce(0, +),
                shipAvailable: locations.map { available[$0.id] ?? 0 }.max() ?? 0,
                store: store.map { StoreAvailabilityView($0, available: available[$0.id] ?? 0, origin: nil) },
                nearestStores: nearest(market.stores, excluding: store?.id, available: available, origin: origin))
        }
        let view = AvailabilityView(product: product.id, market: market.code, near: origin.map { [$0.latitude, $0.longitude] }, variants: variants)
        return view.reply(language: language.identifier)
    }

    /// Pickup stores holding the variant, nearest first (stores without coordinates last), else most stock first.
    private func nearest(_ stores: [Store], excluding: String?, available: [String: Int64], origin: Coordinate?) -> [StoreAvailabilityView] {
        let candidates = stores.filter { $0.pickup && $0.id != excluding && (available[$0.id] ?? 0) > 0 }
            .map { StoreAvailabilityView($0, available: available[$0.id] ?? 0, origin: origin) }
        return candidates.sorted { left, right in
            switch (left.distanceKm, right.distanceKm) {
            case (let l?, let r?): return l == r ? left.id < right.id : l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left.available == right.available ? left.id < right.id : left.available > right.available
            }
        }.prefix(Self.nearestLimit).map { $0 }
    }

    private func findProduct(_ idOrSlug: String, language: String) async throws -> Product {
        if let product = try await services.catalog.product(id: idOrSlug) { return product }
        if let id = try await services.catalog.productID(slug: idOrSlug, language: language), let product = try await services.catalog.product(id: id) {
            return product
        }
        throw Problem.notFound("product '\(idOrSlug)'", field: "product")
    }
}

struct AvailabilityView: ResponseEncodable {
    let product: String
    let market: String
    /// The point distances are measured from, `[latitude, longitude]`.
    let near: [Double]?
    let variants: [VariantAvailabilityView]
}

struct VariantAvailabilityView: Encodable {
    let sku: String
    /// Units available at all of the market's locations together.
    let available: Int64
    /// Units one ship order can get (an order ships from one location).
    let shipAvailable: Int64
    let store: StoreAvailabilityView?
    let nearestStores: [StoreAvailabilityView]

    enum CodingKeys: String, CodingKey {
        case sku, available, store
        case shipAvailable = "ship_available"
        case nearestStores = "nearest_stores"
    }
}

struct StoreAvailabilityView: Encodable {
    let id: String
    let name: String
    let address: String
    let pickup: Bool
    let available: Int64
    /// Rounded to 0.1 km; nil without an origin or store coordinates.
    let distanceKm: Double?

    init(_ store: Store, available: Int64, origin: Coordinate?) {
        id = store.id
        name = store.name
        address = store.address
        pickup = store.pickup
        self.available = available
        let position = Coordinate(latitude: store.latitude, longitude: store.longitude)
        distanceKm = origin.flatMap { origin in position.map { (origin.kilometres(to: $0) * 10).rounded() / 10 } }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, address, pickup, available
        case distanceKm = "distance_km"
    }
}
