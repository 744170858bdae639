import PasarCore

/// What a return does besides its SQL, decided once for both order stores: which of the order's
/// lines the request names (refused when the order cannot be returned yet or a line is unknown),
/// then, once each line's conditional update said which units come back, the units to put back on
/// the shelf (in SKU order, as every transaction changing several stock rows of a location takes
/// them), the refund and its tax, the events, and the return as stored.
struct OrderReturnPlan {
    /// The order's lines `request` returns units of, in the request's order.
    static func requestedLines(_ request: ReturnRequest, of order: Order) throws -> [(line: OrderLine, quantity: Int64)] {
        guard [.partiallyShipped, .shipped, .delivered, .collected].contains(order.status) else { throw OrderStoreError.notReturnable(order.status) }
        return try request.lines.map { requested in
            guard let line = order.lines.first(where: { $0.number == requested.lineNumber }) else {
                throw OrderStoreError.unknownLine(requested.lineNumber)
            }
            if let shipment = order.shipment(ofLine: line.number), ![.shipped, .delivered].contains(shipment.status) {
                throw OrderStoreError.lineNotShipped(line.number)
            }
            return (line, requested.quantity)
        }
    }

    let restock: [OrderReturn.Line]
    let refund: Money
    let refundTax: Money
    let events: [OrderEventToAppend]
    let stored: OrderReturn
    /// The reversal of the order's earned loyalty points that the refund reaches
    /// (`LoyaltyLedgerSQL.reversal`): SQL written once for either database.
    let sharedStatements: [SQLFragment]

    /// `lines`: each requested line's refund (`OrderWriteRules.returnLine`), in the request's order.
    init(_ request: ReturnRequest, of order: Order, lines: [OrderReturn.Line]) throws {
        let currency = order.refunded.currency
        restock = lines.sorted { $0.sku.utf8.lexicographicallyPrecedes($1.sku.utf8) }
        refund = try Money.sum(lines.map(\.refund.gross), currency: currency)
        refundTax = try Money.sum(lines.map(\.refund.tax), currency: currency)
        let units = lines.reduce(Int64(0)) { $0 + $1.refund.quantity }
        events = [(OutboxEvent.Kind.returnReceived, nil), (.refundIssued, refund)].map { kind, amount in
            OrderEventToAppend(
                kind: kind, arguments: .init(order: order.number, count: units, amount: amount, returnID: request.id))
        }
        sharedStatements = [
            LoyaltyLedgerSQL.reversal(
                order: order, reference: "reverse:" + request.id, refundedBefore: order.refunded, refundedAfter: try order.refunded.adding(refund),
                now: request.now)
        ].compactMap { $0 }
        stored = OrderReturn(
            id: request.id, orderID: order.id, channel: request.channel, location: request.location, reason: request.reason, lines: lines,
            refund: refund, refundTax: refundTax, paymentReference: nil, createdAt: request.now)
    }
}
