import Hummingbird
import PasarCore
import PasarLocalization
import PasarStorage

/// The problems of inventory, orders and returns.
extension Problem {
    static func from(_ error: OrderStoreError) -> Problem {
        switch error {
        case .outOfStock(let sku, let location):
            Problem(
                .conflict, code: "out_of_stock", title: "Out of stock", detail: "\(sku) is not available in the quantity ordered", field: "lines",
                extensions: ["sku": sku, "location": location]
            ).saying("problem_out_of_stock", ["sku": .text(sku)])
        case .orderNotFound(let id):
            .notFound("order '\(id)'", field: "order")
        case .cartNotActive:
            Problem(.conflict, code: "cart_not_active", title: "Cart closed", detail: error.description, field: "cart")
                .saying("problem_cart_not_active")
        case .idempotencyKeyReused(let orderID):
            Problem(
                .unprocessableContent, code: "idempotency_key_reused", title: "Idempotency key reused",
                detail: "this Idempotency-Key already placed order \(orderID) for another cart; use a new key per checkout",
                field: "Idempotency-Key")
        case .transition(let transition):
            Problem(
                .conflict, code: transition.reason == .paymentMissing ? "payment_required" : "invalid_transition",
                title: "Status change not allowed", detail: transition.description, field: "status",
                extensions: ["from": transition.from.rawValue, "to": transition.to.rawValue]
            ).saying(
                transition.reason == .paymentMissing ? "problem_payment_required" : "problem_invalid_transition",
                ["from": .text(transition.from.rawValue), "to": .text(transition.to.rawValue)])
        case .concurrentChange:
            .conflict("order", error.description)
        case .unknownLine(let number):
            .invalidField("lines", "the order has no line \(number)")
        case .refund(let line, let refund):
            Problem(
                .unprocessableContent, code: "return_exceeds_order", title: "Return not possible", detail: "line \(line): \(refund)",
                field: "lines"
            ).saying("problem_return_exceeds_order", ["line": .number(String(line)), "remaining": .number(String(refund.remaining))])
        case .notReturnable(let status):
            Problem(
                .conflict, code: "not_returnable", title: "Not returnable yet", detail: error.description, field: "order",
                extensions: ["order_status": status.rawValue]
            ).saying("problem_not_returnable")
        case .unknownShipment(let number):
            .notFound("shipment \(number)", field: "shipment")
        case .shipmentTransition(let number, let from, let to):
            Problem(
                .conflict, code: "invalid_transition", title: "Status change not allowed", detail: error.description, field: "status",
                extensions: ["shipment": String(number), "from": from.rawValue, "to": to.rawValue]
            ).saying("problem_invalid_shipment_transition", ["shipment": .number(String(number)), "from": .text(from.rawValue), "to": .text(to.rawValue)])
        case .lineNotShipped(let number):
            Problem(
                .conflict, code: "not_returnable", title: "Not returnable yet", detail: error.description, field: "lines",
                extensions: ["line": String(number)]
            ).saying("problem_line_not_shipped", ["line": .number(String(number))])
        case .loyaltyInsufficient(let requested, let balance):
            .loyaltyInsufficient(requested: requested, balance: balance, status: .conflict, field: "loyalty.points")
        }
    }

    static func from(_ error: InventoryError) -> Problem {
        switch error {
        case .insufficientStock(let sku, let location):
            Problem(
                .conflict, code: "out_of_stock", title: "Out of stock", detail: error.description, field: "delta",
                extensions: ["sku": sku, "location": location])
        case .belowReserved(let sku, let location):
            Problem(
                .conflict, code: "below_reserved", title: "Stock is reserved", detail: error.description, field: "delta",
                extensions: ["sku": sku, "location": location])
        }
    }
}

extension RefundError {
    /// Units that may still be returned (0 when the refusal is not about quantity).
    var remaining: Int64 {
        if case .moreThanBought(let remaining) = self { return remaining }
        return 0
    }
}
