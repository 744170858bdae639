import Foundation
import HTTPTypes
import Logging
import PasarCore
import PasarMarkets
import PasarStorage

/// Checkout as a use case: prices the cart, starts the payment once, and stores the order, its stock
/// reservation and the closed cart in one transaction (`OrderStore.place`). It receives only what it
/// uses; the controller handles HTTP (idempotency header, customer access, the response).
struct PlaceOrder {
    let catalog: any CatalogStore
    let carts: any CartStore
    let orders: any OrderStore
    let payments: PaymentProviders
    let vouchers: CheckoutVouchers

    /// What the shopper asked for, checked against the cart's market.
    struct Checkout {
        let cart: StoredCart
        let scope: CartScope
        let fulfilment: CheckoutFulfilment
        let email: String?
        let customerID: String?
        let payment: CheckoutInput.Payment?
        let idempotencyKey: String
        /// Checks the priced total before anything is written (the tenders of a sale at the till).
        var checkTotal: ((Money) throws -> Void)? = nil
    }

    func callAsFunction(_ checkout: Checkout, logger: Logger) async throws -> (order: Order, created: Bool) {
        let cart = checkout.cart
        let market = checkout.scope.market
        let method = checkout.fulfilment.shippingMethod.flatMap { id in market.shippingMethods.first { $0.id == id } }
        let priced = try await price(cart, market: market, shippingMethod: method)
        let products = try await catalog.products(ids: cart.lines.map(\.productID))
        let builder = OrderDraftBuilder(market: market, language: checkout.scope.language)
        let lines = try builder.lines(cart, totals: priced.totals, products: products)
        let totals = try builder.totals(priced.totals)
        try checkout.checkTotal?(priced.totals.total)
        let orderID = "ord_" + CartIdentifier.make()
        // Limited vouchers are claimed before the payment starts: a code with no use left stops here.
        let claimed = try await vouchers.claim(priced.applied, checkout: checkout, orderID: orderID)
        do {
            let placed = try await place(
                checkout, priced: priced, lines: lines, totals: totals, method: method, orderID: orderID, now: Date(), logger: logger)
            // A retry answered with the order placed earlier keeps that order's claim, not this one's.
            if claimed, !placed.created { try await vouchers.release(orderID: orderID) }
            return placed
        } catch {
            if claimed { try await vouchers.release(orderID: orderID) }
            throw error
        }
    }

    /// Starts the payment and stores the order.
    private func place(
        _ checkout: Checkout, priced: (totals: CartTotals, applied: [String]), lines: [OrderLine], totals: OrderTotals, method: ShippingMethod?,
        orderID: String, now: Date, logger: Logger
    ) async throws -> (order: Order, created: Bool) {
        let cart = checkout.cart
        let market = checkout.scope.market
        var number = OrderDraftBuilder.orderNumber()
        // Started once: a taken order number (one in 10^12 draws) only draws another number, and the
        // payment's reference stays the one the customer was given.
        let payment = try await startPayment(
            checkout.payment, fulfilment: checkout.fulfilment.value.kind, total: priced.totals.total, number: number, logger: logger)
        let delivery = method?.days.flatMap { DeliveryEstimates.shared.window(days: $0, from: now, timeZone: market.timeZone) }
        let pointsSpent = CartLoyaltyPricing.spent(cart, market: market, totals: priced.totals)
        for attempt in 1...5 {
            var draft = OrderDraft(
                id: orderID, number: number, cartID: cart.id, customerID: checkout.customerID, email: checkout.email,
                market: market.code, channel: checkout.scope.channel, language: checkout.scope.language.identifier,
                pricesIncludeTax: market.tax.mode == .inclusive, fulfilment: checkout.fulfilment.value,
                stockLocations: checkout.fulfilment.locations, lines: lines, totals: totals, vouchers: priced.applied, payment: payment,
                placedAt: now, delivery: delivery, shipmentPolicy: market.shipmentPolicy)
            if pointsSpent > 0 { draft.loyaltyRedemption = OrderDraft.LoyaltyRedemption(points: pointsSpent, value: priced.totals.loyaltyDiscount) }
            do {
                let result = try await orders.place(draft, idempotencyKey: checkout.idempotencyKey)
                return (result.order, result.created)
            } catch StorageError.conflict(field: "number", _) where attempt < 5 {
                number = OrderDraftBuilder.orderNumber()
            }
        }
        throw Problem.from(StorageError.conflict(field: "number", message: "no free order number"))
    }

    private func price(_ cart: StoredCart, market: Market, shippingMethod: ShippingMethod?) async throws -> (totals: CartTotals, applied: [String]) {
        let vouchers = try await carts.vouchers(codes: cart.vouchers)
        do {
            return try CheckoutPricing(market: market).totals(cart, vouchers: vouchers, shippingMethod: shippingMethod)
        } catch let unavailable as CheckoutPricing.UnavailableLine {
            throw Problem(
                .conflict, code: "line_unavailable", title: "Line not available", detail: "\(unavailable.sku): \(unavailable.reason)",
                field: "lines[\(unavailable.index)]")
        }
    }

    private func startPayment(
        _ input: CheckoutInput.Payment?, fulfilment: FulfilmentKind, total: Money, number: String, logger: Logger
    ) async throws -> PaymentStart {
        let providerID = input?.provider ?? payments.defaultProvider
        guard let provider = payments.provider(providerID) else {
            throw Problem.invalidField("payment.provider", "must be one of \(payments.ids.joined(separator: ", "))")
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
