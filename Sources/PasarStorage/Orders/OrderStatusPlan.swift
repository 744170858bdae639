import FoundationEssentials
import PasarCore

/// Everything one status step does besides its SQL, decided once for both order stores from the
/// order as read in the step's transaction: whether it takes the payment now, the stock moves (in
/// SKU order, as every transaction changing several stock rows of a location takes them, so two
/// such transactions cannot deadlock), the refund a cancellation owes, and the events in the order
/// they are appended, the parcel of a shipment, and at a till the tenders and the audit entry. Each
/// store runs it: the conditional status update, then `stockMoves`, the refund, `events`,
/// `sharedStatements`.
struct OrderStatusPlan {
    enum StockMove {
        /// Reserved units leave the shelf (shipped, collected).
        case fulfil
        /// Reserved units go back to available (cancelled).
        case release
    }

    /// The `paid_at` the step sets, nil keeps the stored one.
    let paidAt: Int64?
    let stockMoves: [(move: StockMove, line: OrderLine)]
    /// What a cancellation gives back: everything paid and not yet refunded; nil when nothing.
    let refundOwed: Money?
    let events: [OrderEventToAppend]
    /// The parcel (`OrderShipmentSQL`), the till's tenders and audit entry (`TillRecord`): SQL written
    /// once for either database.
    let sharedStatements: [SQLFragment]

    /// Validates the step (`OrderStoreError.transition` when the order's status does not allow it).
    init(_ change: OrderStatusChangeRequest, on order: Order) throws {
        let (capturedNow, paidAt) = try OrderWriteRules.payment(of: change, on: order)
        self.paidAt = paidAt
        let lines = order.lines.sorted { $0.sku.utf8.lexicographicallyPrecedes($1.sku.utf8) }
        var refundOwed: Money?
        switch change.target {
        case .shipped, .collected:
            stockMoves = lines.map { (.fulfil, $0) }
        case .cancelled:
            stockMoves = lines.map { (.release, $0) }
            // A paid order cancelled before the goods left gets back everything not yet refunded.
            if order.isPaid {
                let owed = try order.totals.total.subtracting(order.refunded)
                refundOwed = owed.isZero ? nil : owed
            }
        case .placed, .paid, .readyForPickup, .delivered:
            stockMoves = []
        }
        self.refundOwed = refundOwed
        var events: [OrderEventToAppend] = []
        if capturedNow, change.target != .paid {
            events.append(OrderEventToAppend(kind: .orderPaid, arguments: Self.arguments(order, reaching: .paid)))
        }
        events.append(
            OrderEventToAppend(
                kind: OutboxEvent.Kind(reaching: change.target), arguments: Self.arguments(order, reaching: change.target, tracking: change.tracking)))
        if let refundOwed {
            events.append(
                OrderEventToAppend(kind: .refundIssued, arguments: .init(order: order.number, amount: refundOwed)))
        }
        let loyalty = try OrderLoyaltySteps(change, on: order, becomesPaid: paidAt != nil && !order.isPaid, refundOwed: refundOwed)
        events += loyalty.events
        self.events = events
        var shared: [SQLFragment] = loyalty.statements
        if change.target == .shipped, let tracking = change.tracking { shared.append(OrderShipmentSQL.insert(order: order, tracking: tracking, now: change.now)) }
        shared += change.till?.statements(order: order, status: change.target, now: change.now) ?? []
        sharedStatements = shared
    }

    private static func arguments(_ order: Order, reaching status: OrderStatus, tracking: ShipmentTracking? = nil) -> OutboxEvent.Arguments {
        var store: String?
        if case .collect(let pickup) = order.fulfilment { store = pickup }
        return OutboxEvent.Arguments(
            order: order.number, count: order.unitCount, amount: status == .paid ? order.totals.total : nil, store: store, tracking: tracking)
    }
}
