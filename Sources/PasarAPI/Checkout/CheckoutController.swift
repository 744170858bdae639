import Foundation
import HTTPTypes
import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// `POST /v1/carts/{cart}/checkout` with a required `Idempotency-Key`: turns the cart into an order.
/// The stock is reserved, the order stored and the cart closed in one transaction; repeating the
/// request with the same key returns the same order (200) and never places a second one.
struct CheckoutController {
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!
    let services: APIServices
    let placeOrder: PlaceOrder

    init(services: APIServices) {
        self.services = services
        placeOrder = PlaceOrder(
            catalog: services.catalog, carts: services.carts, orders: services.orders, payments: services.payments,
            vouchers: CheckoutVouchers(carts: services.carts, uses: services.voucherUses, groups: services.customerGroups, messages: services.cartMessages))
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/carts/:cart/checkout", use: checkout)
    }

    @Sendable func checkout(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderView> {
        let key = try Self.idempotencyKey(request)
        let cartID = try context.parameters.require("cart")
        // A retry finds its cart closed and is answered by the order stored under its key. An active
        // cart needs no such read: placing the order checks the key again inside its transaction.
        let found = try await services.carts.cart(id: cartID)
        guard let cart = found, cart.status == .active else {
            if let existing = try await services.orders.order(idempotencyKey: key) {
                guard existing.cartID == cartID else { throw Problem.from(OrderStoreError.idempotencyKeyReused(orderID: existing.id)) }
                return try await OrderView.withTenders(existing, services: services).reply(language: existing.language)
            }
            guard let found else { throw Problem.notFound("cart '\(cartID)'", field: "cart") }
            throw Problem.from(OrderStoreError.cartNotActive(found.id))
        }
        let input = try await request.decode(as: CheckoutInput.self, context: context)
        guard !cart.lines.isEmpty else { throw Problem(.conflict, code: "cart_empty", title: "Cart empty", detail: "the cart has no lines", field: "lines") }
        let scope = try CartScope(marketCode: cart.market, request: request, context: context, services: services)
        let email = try CartInputRules.email(input.email) ?? cart.email
        var customerID = cart.customerID
        if customerID == nil, let named = try input.customerID.map({ try CartInputRules.customerID($0) }) {
            // Attaching the order to a customer needs that customer's token, as for carts.
            try await CustomerAccess.require(named, request: request, context: context, services: services)
            customerID = named
        }
        let fulfilment = try CheckoutFulfilment(try await savedAddress(input.fulfilment, customerID: customerID, market: scope.market), market: scope.market)
        // A walk-in customer at the till needs no address: they take the receipt with them.
        guard email != nil || customerID != nil || fulfilment.atTill else { throw Problem.invalidField("email", "is required when the cart has no customer") }
        let checkout = PlaceOrder.Checkout(
            cart: cart, scope: scope, fulfilment: fulfilment, email: email, customerID: customerID, payment: input.payment, idempotencyKey: key)
        if fulfilment.atTill {
            return try await sellAtTill(checkout, tenders: input.tenders ?? [], request: request, context: context)
        }
        guard input.tenders == nil else { throw Problem.invalidField("tenders", "only a sale at the till (fulfilment in_store) takes tenders") }
        let placed = try await placeOrder(checkout, logger: context.logger)
        if placed.created {
            services.cartEvents.publish(cartID: cart.id, version: cart.version + 1)
            context.logger.info(
                "order placed", metadata: ["order.id": "\(placed.order.id)", "market": "\(scope.market.code)", "channel": "\(scope.channel)"])
        }
        return try OrderView.reply(
            placed.order, markets: services.markets.snapshot, status: placed.created ? .created : .ok, location: "/v1/orders/\(placed.order.id)")
    }

    /// The fulfilment with the saved address `address_id` names written out: one of the customer's,
    /// in a country of the market.
    private func savedAddress(_ input: CheckoutInput.Fulfilment, customerID: String?, market: Market) async throws -> CheckoutInput.Fulfilment {
        guard let addressID = input.addressID else { return input }
        let field = "fulfilment.address_id"
        guard input.address == nil else { throw Problem.invalidField(field, "give address or address_id, not both") }
        guard let customerID, let saved = try await services.addresses.address(id: addressID, customerID: customerID) else {
            throw Problem.invalidField(field, "'\(addressID)' is not a saved address of the cart's customer")
        }
        guard market.countries.contains(saved.address.country) else {
            throw Problem.invalidField(
                field, "the address is in \(saved.address.country), not a country of market \(market.code) (\(market.countries.joined(separator: ", ")))")
        }
        return input.shipping(to: CheckoutInput.AddressInput(saved))
    }

    /// A sale at the till: the tenders are checked against the priced total before anything is
    /// written, then the order is placed at the store and handed over and paid there at once; the
    /// answer is the receipt (the order with its tenders) in the till's language. A retry with the same
    /// key returns the order as it stands (a sale cut short after placing waits in the pickup queue).
    private func sellAtTill(_ checkout: PlaceOrder.Checkout, tenders: [TenderInput], request: Request, context: AppRequestContext) async throws
        -> EditedResponse<OrderView>
    {
        var checkout = checkout
        guard case .collect(let storeID) = checkout.fulfilment.value else { throw Problem.invalidField("fulfilment.store", "is required") }
        let actor = try StoreAccess.require(storeID, request: request, context: context)
        let market = checkout.scope.market
        checkout.checkTotal = { total in _ = try TenderInput.settle(tenders, due: total, market: market) }
        let placed = try await placeOrder(checkout, logger: context.logger)
        var order = placed.order
        if placed.created {
            services.cartEvents.publish(cartID: checkout.cart.id, version: checkout.cart.version + 1)
            let settlement = try TenderInput.settle(tenders, due: order.totals.total, market: market)
            order = try await OrderStatusStep(services: services).run(
                order, to: .collected, note: nil, actor: "\(actor.keyName)/\(actor.operatorID)",
                till: TillRecord(store: storeID, keyName: actor.keyName, operatorID: actor.operatorID, settlement: settlement), logger: context.logger)
            context.logger.info("sold at the till", metadata: ["order.id": "\(order.id)", "store": "\(storeID)"])
        }
        return try await OrderView.withTenders(order, services: services)
            .reply(placed.created ? .created : .ok, language: order.language, location: "/v1/orders/\(order.id)")
    }

    static func idempotencyKey(_ request: Request) throws -> String {
        guard let key = request.headers[idempotencyHeader]?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
            throw Problem.invalidField("Idempotency-Key", "is required: a unique value per checkout, such as a UUID, reused when retrying")
        }
        guard key.utf8.count <= 200, key.utf8.allSatisfy({ (33...126).contains($0) }) else {
            throw Problem.invalidField("Idempotency-Key", "must be 1 to 200 visible ASCII characters")
        }
        return key
    }
}
