import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PasarCore
import PasarMarkets
import PasarStorage

/// `POST /v1/carts/{cart}/checkout` with a required `Idempotency-Key`: turns the cart into an order.
/// The stock is reserved, the order stored and the cart closed in one transaction; repeating the
/// request with the same key returns the same order (200) and never places a second one.
struct CheckoutController {
    let services: APIServices
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/carts/:cart/checkout", use: checkout)
    }

    @Sendable func checkout(request: Request, context: AppRequestContext) async throws -> Response {
        let key = try Self.idempotencyKey(request)
        let cartID = try context.parameters.require("cart")
        let orders = OrdersController(services: services)
        if let existing = try await services.orders.order(idempotencyKey: key) {
            guard existing.cartID == cartID else { throw Problem.from(OrderStoreError.idempotencyKeyReused(orderID: existing.id)) }
            return try orders.respond(existing, request: request)
        }
        let input = try await JSONBody.decode(CheckoutInput.self, from: request, context: context)
        guard let cart = try await services.carts.cart(id: cartID) else { throw Problem.notFound("cart '\(cartID)'", field: "cart") }
        guard cart.status == .active else { throw Problem.from(OrderStoreError.cartNotActive(cart.id)) }
        guard !cart.lines.isEmpty else { throw Problem(.conflict, code: "cart_empty", title: "Cart empty", detail: "the cart has no lines", field: "lines") }
        let scope = try CartScope(marketCode: cart.market, request: request, context: context, services: services)
        let market = scope.market
        let fulfilment = try Self.fulfilment(input.fulfilment, market: market)
        let email = try CartInputRules.email(input.email) ?? cart.email
        var customerID = cart.customerID
        if customerID == nil, let named = try input.customerID.map({ try CartInputRules.customerID($0) }) {
            // Attaching the order to a customer needs that customer's token, as for carts.
            try await CustomerAccess.require(named, request: request, context: context, services: services)
            customerID = named
        }
        guard email != nil || customerID != nil else { throw Problem.invalidField("email", "is required when the cart has no customer") }

        let method = fulfilment.method.flatMap { id in market.shippingMethods.first { $0.id == id } }
        let vouchers = try await services.carts.vouchers(codes: cart.vouchers)
        let priced: (totals: CartTotals, applied: [String])
        do {
            priced = try CheckoutPricing(market: market).totals(cart, vouchers: vouchers, shippingMethod: method)
        } catch let unavailable as CheckoutPricing.UnavailableLine {
            throw Problem(
                .conflict, code: "line_unavailable", title: "Line not available", detail: "\(unavailable.sku): \(unavailable.reason)",
                field: "lines[\(unavailable.index)]")
        }
        let products = try await services.catalog.products(ids: cart.lines.map(\.productID))
        let builder = OrderDraftBuilder(market: market, language: scope.language)
        var attempt = 0
        var placedOrder: (order: Order, created: Bool)?
        while placedOrder == nil {
            attempt += 1
            let number = OrderDraftBuilder.orderNumber()
            let payment = try await startPayment(
                input.payment, fulfilment: fulfilment.value.kind, total: priced.totals.total, number: number, logger: context.logger)
            let draft = OrderDraft(
                id: "ord_" + CartIdentifier.make(), number: number, cartID: cart.id, customerID: customerID, email: email, market: market.code,
                channel: scope.channel, language: scope.language.identifier, pricesIncludeTax: market.tax.mode == .inclusive,
                fulfilment: fulfilment.value, stockLocations: fulfilment.locations,
                lines: try builder.lines(cart, totals: priced.totals, products: products), totals: try builder.totals(priced.totals),
                vouchers: priced.applied, payment: payment, placedAt: Date())
            do {
                let result = try await services.orders.place(draft, idempotencyKey: key)
                placedOrder = (result.order, result.created)
            } catch StorageError.conflict(field: "number", _) where attempt < 5 {
                continue  // a random order number was taken: draw another
            }
        }
        guard let placed = placedOrder else { throw Problem.from(StorageError.conflict(field: "number", message: "no free order number")) }
        if placed.created {
            services.cartEvents.publish(cartID: cart.id, version: cart.version + 1)
            context.logger.info(
                "order placed", metadata: ["order.id": "\(placed.order.id)", "market": "\(market.code)", "channel": "\(scope.channel)"])
        }
        var response = try orders.respond(placed.order, request: request, status: placed.created ? .created : .ok)
        response.headers[.location] = "/v1/orders/\(placed.order.id)"
        return response
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

    /// The validated fulfilment and the locations its stock may come from, best first.
    static func fulfilment(_ input: CheckoutInput.Fulfilment, market: Market) throws -> (value: OrderFulfilment, locations: [String], method: String?) {
        switch input.type {
        case .collect:
            guard let storeID = input.store else { throw Problem.invalidField("fulfilment.store", "is required for click & collect") }
            let pickups = market.stores.filter(\.pickup)
            guard let store = pickups.first(where: { $0.id == storeID }) else {
                throw Problem.invalidField(
                    "fulfilment.store", "'\(storeID)' is not a pickup store of market \(market.code) (\(pickups.map(\.id).joined(separator: ", ")))")
            }
            return (.collect(store: store.id), [store.id], nil)
        case .ship:
            guard let methodID = input.shippingMethod else { throw Problem.invalidField("fulfilment.shipping_method", "is required to ship") }
            guard market.shippingMethods.contains(where: { $0.id == methodID }) else {
                throw Problem.invalidField(
                    "fulfilment.shipping_method",
                    "'\(methodID)' is not a shipping method of market \(market.code) (\(market.shippingMethods.map(\.id).joined(separator: ", ")))")
            }
            guard let address = input.address else { throw Problem.invalidField("fulfilment.address", "is required to ship") }
            return (.ship(method: methodID, address: try Self.address(address, market: market)), market.stockLocations.map(\.id), methodID)
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

    private func startPayment(
        _ input: CheckoutInput.Payment?, fulfilment: FulfilmentKind, total: Money, number: String, logger: Logger
    ) async throws -> PaymentStart {
        let providerID = input?.provider ?? services.payments.defaultProvider
        guard let provider = services.payments.provider(providerID) else {
            throw Problem.invalidField("payment.provider", "must be one of \(services.payments.ids.joined(separator: ", "))")
        }
        let method = input?.method ?? (fulfilment == .collect ? "pay_at_store" : "bank_transfer")
        guard provider.methods.contains(method), !(method == "pay_at_store" && fulfilment == .ship) else {
            throw Problem.invalidField("payment.method", "'\(method)' is not a payment method for this order (\(provider.methods.joined(separator: ", ")))")
        }
        do {
            return try await provider.start(method: method, amount: total, orderNumber: number)
        } catch {
            // The provider's own words stay in the log; the client learns that the payment did not start.
            logger.warning("payment did not start", metadata: ["provider": "\(providerID)", "error": "\(String(reflecting: error))"])
            throw Problem(
                HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required"), code: "payment_failed", title: "Payment failed",
                detail: "the payment with \(providerID) could not be started; the order was not placed", field: "payment")
        }
    }
}
