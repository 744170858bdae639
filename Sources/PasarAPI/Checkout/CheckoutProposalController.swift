import Foundation
import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// `GET /v1/carts/{cart}/checkout-proposal`: what a returning customer's checkout can start from, so
/// it takes one tap: the shipping method and pickup store of their latest orders in the cart's
/// market (while the market still offers them) and their default shipping address there. A guest
/// cart gets an empty proposal.
struct CheckoutProposalController {
    let services: APIServices
    let responder: CartResponder

    init(services: APIServices) {
        self.services = services
        responder = CartResponder(services: services)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/carts/:cart/checkout-proposal", use: propose)
    }

    @Sendable func propose(request: Request, context: AppRequestContext) async throws -> CheckoutProposalView {
        let (cart, scope) = try await responder.pathCart(request: request, context: context)
        guard let customerID = cart.customerID else { return CheckoutProposalView(customerID: nil, shippingMethod: nil, pickupStore: nil, address: nil) }
        let market = scope.market
        let customer = try await services.customers.customer(id: customerID)
        let orders = try await services.orders.orders(customerID: customerID, email: customer?.email, limit: 20)
            .filter { $0.market == market.code && $0.status != .cancelled }
        var method: String?
        var store: String?
        for order in orders {
            switch order.fulfilment {
            case .ship(let id, _) where method == nil && market.shippingMethods.contains(where: { $0.id == id }): method = id
            case .collect(let id) where store == nil && market.stores.contains(where: { $0.id == id && $0.pickup }): store = id
            default: break
            }
        }
        let address = try await services.addresses.addresses(customerID: customerID)
            .first { $0.kind == .shipping && $0.isDefault && market.countries.contains($0.address.country) }
        return CheckoutProposalView(customerID: customerID, shippingMethod: method, pickupStore: store, address: address.map(AddressView.init))
    }
}

struct CheckoutProposalView: ResponseEncodable {
    let customerID: String?
    let shippingMethod: String?
    let pickupStore: String?
    /// The customer's default shipping address in the market; checkout names it with `fulfilment.address_id`.
    let address: AddressView?

    enum CodingKeys: String, CodingKey {
        case address
        case customerID = "customer_id", shippingMethod = "shipping_method", pickupStore = "pickup_store"
    }
}
