import FoundationEssentials
import GRDB
public import PasarCore

extension SQLiteOrderStore {
    /// One status step in one transaction: the conditional update (`WHERE status = <the status
    /// validated>`) refuses a step when another request moved the order first; shipping or collecting
    /// takes the reserved units off the shelf, cancelling gives them back (and refunds a paid order
    /// in full); the events are appended.
    public func changeStatus(_ change: OrderStatusChangeRequest) async throws -> Order {
        try await pool.write { db in
            let order = try OrderRows.require(db, id: change.orderID)
            let (capturedNow, paidAt) = try OrderWriteRules.payment(of: change, on: order)
            try db.execute(
                sql: """
                    UPDATE orders SET status = ?1, updated_at = ?2, paid_at = COALESCE(paid_at, ?3),
                        payment_reference = COALESCE(?4, payment_reference)
                    WHERE id = ?5 AND status = ?6
                    """,
                arguments: [change.target.rawValue, change.now.millis, paidAt, change.captureReference, order.id, order.status.rawValue])
            guard db.changesCount == 1 else { throw OrderStoreError.concurrentChange(order.id) }
            try OrderRows.recordStatus(db, orderID: order.id, status: change.target, actor: change.actor, note: change.note, at: change.now)
            var refundOwed: Money?
            let stock = StockLedger.Context(reference: order.id, note: change.note, actor: change.actor, now: change.now)
            switch change.target {
            case .shipped, .collected:
                for line in order.lines {
                    try StockLedger.fulfil(db, location: order.stockLocation, sku: line.sku, quantity: line.quantity, stock)
                }
            case .cancelled:
                for line in order.lines {
                    try StockLedger.release(db, location: order.stockLocation, sku: line.sku, quantity: line.quantity, stock)
                }
                // A paid order cancelled before the goods left gets back everything not yet refunded.
                if order.isPaid {
                    refundOwed = try order.totals.total.subtracting(order.refunded)
                    try db.execute(sql: "UPDATE orders SET refunded_minor = total_minor WHERE id = ?", arguments: [order.id])
                }
            case .placed, .paid, .readyForPickup, .delivered:
                break
            }
            if capturedNow, change.target != .paid {
                try Outbox.append(
                    db, .orderPaid, orderID: order.id, customerID: order.customerID, market: order.market, language: order.language,
                    arguments: Self.eventArguments(order, reaching: .paid), now: change.now)
            }
            try Outbox.append(
                db, OrderEvent.Kind(reaching: change.target), orderID: order.id, customerID: order.customerID, market: order.market,
                language: order.language, arguments: Self.eventArguments(order, reaching: change.target), now: change.now)
            if let refundOwed, !refundOwed.isZero {
                try Outbox.append(
                    db, .refundIssued, orderID: order.id, customerID: order.customerID, market: order.market, language: order.language,
                    arguments: .init(order: order.number, count: nil, amount: refundOwed, store: nil, returnID: nil), now: change.now)
            }
            return try OrderRows.require(db, id: order.id)
        }
    }

    private static func eventArguments(_ order: Order, reaching status: OrderStatus) -> OrderEvent.Arguments {
        var store: String?
        if case .collect(let pickup) = order.fulfilment { store = pickup }
        return OrderEvent.Arguments(
            order: order.number, count: order.unitCount, amount: status == .paid ? order.totals.total : nil, store: store, returnID: nil)
    }
}
