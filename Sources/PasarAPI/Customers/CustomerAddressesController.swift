import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// A customer's saved addresses (their token, or the admin key for support): listed defaults first,
/// added (the first of a kind becomes its default), made the default, forgotten. Checkout names one
/// with `fulfilment.address_id`.
struct CustomerAddressesController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/customers/:customer/addresses", use: list)
        group.post("/customers/:customer/addresses", use: add)
        group.patch("/customers/:customer/addresses/:address", use: update)
        group.delete("/customers/:customer/addresses/:address", use: delete)
    }

    /// The address's fields as checkout takes them, plus its kind and whether it becomes the default.
    struct AddressInput: Decodable {
        let kind: String?
        let makeDefault: Bool?
        let address: CheckoutInput.AddressInput

        enum CodingKeys: String, CodingKey { case kind, makeDefault = "default" }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decodeIfPresent(String.self, forKey: .kind)
            makeDefault = try container.decodeIfPresent(Bool.self, forKey: .makeDefault)
            address = try CheckoutInput.AddressInput(from: decoder)
        }
    }

    struct AddressChange: Decodable {
        let makeDefault: Bool

        enum CodingKeys: String, CodingKey { case makeDefault = "default" }
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> AddressListView {
        let customer = try await customerID(context, request)
        return AddressListView(addresses: try await services.addresses.addresses(customerID: customer).map(AddressView.init))
    }

    @Sendable func add(request: Request, context: AppRequestContext) async throws -> EditedResponse<AddressView> {
        let customer = try await customerID(context, request)
        let input = try await request.decode(as: AddressInput.self, context: context)
        let kind = try input.kind.map { text in
            guard let kind = SavedAddress.Kind(rawValue: text) else {
                throw Problem.invalidField("kind", "must be one of \(SavedAddress.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        } ?? .shipping
        // Any country a market sells to; checkout checks it against the cart's market.
        let countries = services.markets.snapshot.markets.flatMap(\.countries)
        let address = try CheckoutFulfilment.address(input.address, countries: countries, of: "any market", field: "address")
        let coordinate = try CheckoutFulfilment.coordinate(input.address, field: "address")
        let saved = SavedAddress(
            id: "adr_" + CartIdentifier.make(), customerID: customer, kind: kind, isDefault: false, address: address,
            latitude: coordinate?.latitude, longitude: coordinate?.longitude, createdAt: Date())
        guard let stored = try await services.addresses.add(saved, makeDefault: input.makeDefault == true) else {
            throw Problem(
                .conflict, code: "too_many_addresses", title: "Too many addresses",
                detail: "a customer keeps at most \(CustomerAddressStore.limit) addresses; delete one first", field: "address")
        }
        return EditedResponse(status: .created, headers: [.location: "/v1/customers/\(customer)/addresses/\(stored.id)"], response: AddressView(stored))
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> AddressView {
        let customer = try await customerID(context, request)
        let id = try context.parameters.require("address")
        let change = try await request.decode(as: AddressChange.self, context: context)
        guard change.makeDefault else { throw Problem.invalidField("default", "must be true: make another address the default instead") }
        guard let updated = try await services.addresses.makeDefault(id: id, customerID: customer) else {
            throw Problem.notFound("address '\(id)'", field: "address")
        }
        return AddressView(updated)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let customer = try await customerID(context, request)
        let id = try context.parameters.require("address")
        guard try await services.addresses.delete(id: id, customerID: customer) else { throw Problem.notFound("address '\(id)'", field: "address") }
        return Response(status: .noContent)
    }

    /// The customer in the path, once the caller may see their data and they exist.
    private func customerID(_ context: AppRequestContext, _ request: Request) async throws -> String {
        try await CustomerAccess.pathCustomer(request: request, context: context, services: services).id
    }
}

struct AddressListView: ResponseEncodable {
    let addresses: [AddressView]
}

struct AddressView: ResponseEncodable {
    let id: String
    let kind: String
    let isDefault: Bool
    let name: String
    let line1: String
    let line2: String?
    let postalCode: String
    let city: String
    let country: String
    let latitude: Double?
    let longitude: Double?
    let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, kind, name, line1, line2, city, country, latitude, longitude
        case isDefault = "default", postalCode = "postal_code", createdAt = "created_at"
    }

    init(_ saved: SavedAddress) {
        id = saved.id
        kind = saved.kind.rawValue
        isDefault = saved.isDefault
        name = saved.address.name
        line1 = saved.address.line1
        line2 = saved.address.line2
        postalCode = saved.address.postalCode
        city = saved.address.city
        country = saved.address.country
        latitude = saved.latitude
        longitude = saved.longitude
        createdAt = OrderView.timestamp(saved.createdAt)
    }
}
