import FoundationEssentials
import PasarCore

/// One step of one shipment, decided once for both order stores from the order as read in the
/// step's transaction: the shipment's own move (shipped with its tracking, delivered, cancelled),
/// its lines' stock at its location, the status the order follows into (`OrderStatus.following`),
/// the refund of a cancelled shipment of a paid order (its lines as paid; the whole remainder,
/// shipping included, when it was the last one left: shipping is charged once and refunded only
/// with the whole order), and the events. Each store runs `guardedStatements` (each must return a
/// row, else another request moved the order first), `sharedStatements`, `stockMoves`, `events`.
struct ShipmentStepPlan {
    let stockMoves: [OrderStockMove]
    let refund: Money?
    let events: [OrderEventToAppend]
    let guardedStatements: [SQLFragment]
    let sharedStatements: [SQLFragment]

    init(_ change: ShipmentStatusChangeRequest, on order: Order) throws {
        guard let shipment = order.shipments.first(where: { $0.number == change.shipment }) else {
            throw OrderStoreError.unknownShipment(change.shipment)
        }
        guard shipment.status.next.contains(change.target) else {
            throw OrderStoreError.shipmentTransition(number: shipment.number, from: shipment.status, to: change.target)
        }
        if change.target == .shipped, !order.isPaid {
            throw OrderStoreError.transition(OrderTransitionError(from: order.status, to: .shipped, reason: .notAllowed))
        }
        let lines = order.lines.filter { shipment.lineNumbers.contains($0.number) }
        let units = lines.reduce(Int64(0)) { $0 + $1.quantity }
        switch change.target {
        case .shipped: stockMoves = OrderStockMove.sorted(.fulfil, lines, of: order)
        case .cancelled: stockMoves = OrderStockMove.sorted(.release, lines, of: order)
        case .pending, .delivered: stockMoves = []
        }
        let following = OrderStatus.following(order.shipments.map { $0.number == shipment.number ? change.target : $0.status }) ?? order.status
        var refund: Money?
        if change.target == .cancelled, order.isPaid {
            let owed =
                following == .cancelled
                ? try order.totals.total.subtracting(order.refunded)
                : try Money.sum(
                    lines.map { line in
                        try RefundCalculator.refund(
                            line.paid(pricesIncludeTax: order.pricesIncludeTax), alreadyReturned: line.returnedQuantity,
                            returning: line.quantity - line.returnedQuantity
                        ).gross
                    }, currency: order.refunded.currency)
            refund = owed.isZero ? nil : owed
        }
        self.refund = refund

        var events: [OrderEventToAppend] = []
        switch change.target {
        case .shipped:
            events.append(OrderEventToAppend(kind: .orderShipped, arguments: OrderStatusPlan.arguments(order, shipment: shipment, tracking: change.tracking)))
        case .cancelled:
            events.append(
                following == .cancelled
                    ? OrderEventToAppend(kind: .orderCancelled, arguments: OrderStatusPlan.arguments(order, reaching: .cancelled))
                    : OrderEventToAppend(kind: .shipmentCancelled, arguments: .init(order: order.number, count: units)))
        case .delivered where following == .delivered:
            events.append(OrderEventToAppend(kind: .orderDelivered, arguments: OrderStatusPlan.arguments(order, reaching: .delivered)))
        case .pending, .delivered:
            break
        }
        if let refund { events.append(OrderEventToAppend(kind: .refundIssued, arguments: .init(order: order.number, amount: refund))) }
        self.events = events

        let now = change.now.millis
        guardedStatements = [
            OrderShipmentSQL.move(
                orderID: order.id, number: shipment.number, from: shipment.status, to: change.target, tracking: change.tracking, now: change.now),
            """
            UPDATE orders SET status = \(following.rawValue), updated_at = \(now), refunded_minor = refunded_minor + \(refund?.minorUnits ?? 0) \
            WHERE id = \(order.id) AND status = \(order.status.rawValue) RETURNING id
            """,
        ]
        var shared: [SQLFragment] = []
        if order.customerID != nil, change.target == .cancelled {
            // Points follow the money: earned points reversed in proportion to the refund, redeemed ones back with the whole order.
            if following == .cancelled {
                shared.append(LoyaltyLedgerSQL.restore(orderID: order.id, expiresAt: change.loyalty?.expiry(ofPointsEarnedAt: change.now), now: change.now))
            }
            if let refund,
                let reversal = LoyaltyLedgerSQL.reversal(
                    order: order, reference: "reverse:shipment:\(order.id):\(shipment.number)", refundedBefore: order.refunded,
                    refundedAfter: try order.refunded.adding(refund), now: change.now)
            {
                shared.append(reversal)
            }
        }
        if following != order.status {
            shared.append(OrderStatusSQL.record(orderID: order.id, status: following, actor: change.actor, note: change.note, at: change.now))
        }
        sharedStatements = shared
    }
}
