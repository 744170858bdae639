import FoundationEssentials
import PasarCore

/// Everything one status step does besides its SQL, decided once for both order stores from the
/// order as read in the step's transaction: whether it takes the payment now, the stock moves
/// (`OrderStockMove`, in lock order), the refund a cancellation owes, the events in the order they
/// are appended, and the SQL written once for either database: the shipments the step moves (a ship
/// order's `shipped` sends every pending shipment, `delivered` closes those that left, `cancelled`
/// cancels them), and at a till the tenders and the audit entry. Each store runs it: the conditional
/// status update, then `stockMoves`, the refund, `events`, `sharedStatements`.
struct OrderStatusPlan {
    /// The `paid_at` the step sets, nil keeps the stored one.
    let paidAt: Int64?
    let stockMoves: [OrderStockMove]
    /// What a cancellation gives back: everything paid and not yet refunded; nil when nothing.
    let refundOwed: Money?
    let events: [OrderEventToAppend]
    let sharedStatements: [SQLFragment]

    /// Validates the step (`OrderStoreError.transition` when the order's status does not allow it;
    /// `partially_shipped` is reached only by shipping one shipment of several).
    init(_ change: OrderStatusChangeRequest, on order: Order) throws {
        if change.target == .partiallyShipped {
            throw OrderStoreError.transition(OrderTransitionError(from: order.status, to: change.target, reason: .notAllowed))
        }
        let (capturedNow, paidAt) = try OrderWriteRules.payment(of: change, on: order)
        self.paidAt = paidAt
        let pending = order.shipments.filter { $0.status == .pending }
        var refundOwed: Money?
        var shipmentMove: (from: ShipmentStatus, to: ShipmentStatus)?
        switch change.target {
        case .shipped:
            stockMoves = OrderStockMove.sorted(.fulfil, order.lines.filter { order.shipment(ofLine: $0.number)?.status == .pending }, of: order)
            shipmentMove = (.pending, .shipped)
        case .collected:
            stockMoves = OrderStockMove.sorted(.fulfil, order.lines, of: order)
        case .cancelled:
            stockMoves = OrderStockMove.sorted(.release, order.lines, of: order)
            shipmentMove = (.pending, .cancelled)
            // A paid order cancelled before the goods left gets back everything not yet refunded.
            if order.isPaid {
                let owed = try order.totals.total.subtracting(order.refunded)
                refundOwed = owed.isZero ? nil : owed
            }
        case .delivered:
            stockMoves = []
            shipmentMove = (.shipped, .delivered)
        case .placed, .paid, .readyForPickup, .partiallyShipped:
            stockMoves = []
        }
        self.refundOwed = refundOwed
        var events: [OrderEventToAppend] = []
        if capturedNow, change.target != .paid {
            events.append(OrderEventToAppend(kind: .orderPaid, arguments: Self.arguments(order, reaching: .paid)))
        }
        if change.target == .shipped, order.fulfilment.kind == .ship {
            // One `order_shipped` per parcel, each with its units and tracking.
            events += pending.map { shipment in
                OrderEventToAppend(kind: .orderShipped, arguments: Self.arguments(order, shipment: shipment, tracking: change.tracking))
            }
        } else {
            events.append(
                OrderEventToAppend(
                    kind: OutboxEvent.Kind(reaching: change.target), arguments: Self.arguments(order, reaching: change.target, tracking: change.tracking)))
        }
        if let refundOwed {
            events.append(OrderEventToAppend(kind: .refundIssued, arguments: .init(order: order.number, amount: refundOwed)))
        }
        let loyalty = try OrderLoyaltySteps(change, on: order, becomesPaid: paidAt != nil && !order.isPaid, refundOwed: refundOwed)
        events += loyalty.events
        self.events = events
        var shared: [SQLFragment] = loyalty.statements
        if let shipmentMove, order.fulfilment.kind == .ship {
            shared.append(
                OrderShipmentSQL.move(
                    orderID: order.id, number: nil, from: shipmentMove.from, to: shipmentMove.to, tracking: shipmentMove.to == .shipped ? change.tracking : nil,
                    now: change.now))
        }
        shared += change.till?.statements(order: order, status: change.target, now: change.now) ?? []
        sharedStatements = shared
    }

    static func arguments(_ order: Order, reaching status: OrderStatus, tracking: ShipmentTracking? = nil) -> OutboxEvent.Arguments {
        var store: String?
        if case .collect(let pickup) = order.fulfilment { store = pickup }
        return OutboxEvent.Arguments(
            order: order.number, count: order.unitCount, amount: status == .paid ? order.totals.total : nil, store: store, tracking: tracking)
    }

    /// `order_shipped` of one shipment: its units and tracking.
    static func arguments(_ order: Order, shipment: OrderShipment, tracking: ShipmentTracking?) -> OutboxEvent.Arguments {
        let units = order.lines.filter { shipment.lineNumbers.contains($0.number) }.reduce(Int64(0)) { $0 + $1.quantity }
        return OutboxEvent.Arguments(order: order.number, count: units, tracking: tracking)
    }
}
