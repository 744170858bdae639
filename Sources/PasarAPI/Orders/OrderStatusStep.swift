import Foundation
import Hummingbird
import Logging
import PasarCore
import PasarStorage

/// One move of an order along its status machine, as the back office and the store's till take it:
/// refused before any money moves when the order's status does not allow it; `paid` captures the
/// payment through the order's provider first, and so does `collected` for an unpaid pay-at-store
/// order (paid at the till); a cancelled paid order is refunded.
struct OrderStatusStep {
    let services: APIServices

    /// Whether taking `order` to `target` takes its payment now.
    static func capturesPayment(_ order: Order, reaching target: OrderStatus) -> Bool {
        target == .paid || (target == .collected && !order.isPaid && order.payment.method == "pay_at_store")
    }

    func run(
        _ order: Order, to target: OrderStatus, note: String?, actor: String, till: TillRecord? = nil, tracking: ShipmentTracking? = nil, logger: Logger
    ) async throws -> Order {
        let capturesPayment = Self.capturesPayment(order, reaching: target)
        // Refuse a forbidden step before any payment is captured; the store checks again atomically.
        do throws(OrderTransitionError) {
            try order.status.validateMove(to: target, fulfilment: order.fulfilment.kind, isPaid: order.isPaid || capturesPayment)
        } catch {
            throw Problem.from(OrderStoreError.transition(error))
        }
        var capture: String?
        if capturesPayment {
            guard let provider = services.payments.provider(order.payment.provider) else {
                throw Problem(.internalServerError, code: "internal", title: "Internal error", detail: "payment provider '\(order.payment.provider)' is not configured")
            }
            do throws(PaymentError) {
                capture = try await provider.capture(order.payment, amount: order.totals.total)
            } catch {
                throw Problem(HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required"), code: "payment_failed", title: "Payment failed", detail: error.description, field: "status")
            }
        }
        var change = OrderStatusChangeRequest(
            orderID: order.id, target: target, actor: actor, note: note, captureReference: capture, till: till, tracking: tracking)
        change.loyalty = services.markets.snapshot.market(code: order.market)?.loyalty
        let updated = try await services.orders.changeStatus(change)
        if target == .cancelled, order.isPaid, let provider = services.payments.provider(order.payment.provider) {
            let owed = try order.totals.total.subtracting(order.refunded)
            let reference = try await provider.refund(order.payment, amount: owed, returnID: "cancel")
            logger.info("cancelled order refunded", metadata: ["order.id": "\(order.id)", "refund.reference": "\(reference)"])
        }
        logger.info("order status changed", metadata: ["order.id": "\(order.id)", "order.status": "\(target.rawValue)"])
        if target == .cancelled { try await services.voucherUses.release(orderID: order.id, now: Date()) }
        if updated.isPaid != order.isPaid || target == .cancelled { try await CustomerGroupRules(services: services).apply(after: updated, logger: logger) }
        return updated
    }
}
