import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// Merchant order operations behind the admin key: move an order along its status machine.
/// `paid` captures the payment through the order's provider first; so does `collected` for an
/// unpaid pay-at-store order.
struct OrderAdminController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/orders/:order/status", use: changeStatus)
    }

    struct StatusInput: Decodable {
        let status: String
        let note: String?
    }

    @Sendable func changeStatus(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderView> {
        let id = try context.parameters.require("order")
        let input = try await request.decode(as: StatusInput.self, context: context)
        guard let target = OrderStatus(rawValue: input.status) else {
            throw Problem.invalidField("status", "must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let note = input.note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        // Paying at the store happens at the till when the customer collects: collecting an unpaid
        // pay-at-store order captures its payment in the same step.
        let capturesPayment = target == .paid || (target == .collected && !order.isPaid && order.payment.method == "pay_at_store")
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
        let updated = try await services.orders.changeStatus(
            OrderStatusChangeRequest(orderID: order.id, target: target, actor: "admin", note: input.note, captureReference: capture))
        if target == .cancelled, order.isPaid, let provider = services.payments.provider(order.payment.provider) {
            let owed = try order.totals.total.subtracting(order.refunded)
            let reference = try await provider.refund(order.payment, amount: owed, returnID: "cancel")
            context.logger.info("cancelled order refunded", metadata: ["order.id": "\(order.id)", "refund.reference": "\(reference)"])
        }
                context.logger.info("order status changed", metadata: ["order.id": "\(order.id)", "order.status": "\(target.rawValue)"])
        return try OrderView.reply(updated, markets: services.markets.snapshot)
    }
}
