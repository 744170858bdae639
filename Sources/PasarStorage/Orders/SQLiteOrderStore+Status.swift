import FoundationEssentials
import GRDB
public import PasarCore

extension SQLiteOrderStore {
    /// One status step in one transaction, as `OrderStatusPlan` decides it: the conditional update
    /// (`WHERE status = <the status validated>`) refuses a step when another request moved the order first.
    public func changeStatus(_ change: OrderStatusChangeRequest) async throws -> Order {
        try await pool.write { db in
            let order = try SQLiteOrderRows.require(db, id: change.orderID)
            let plan = try OrderStatusPlan(change, on: order)
            try db.execute(
                sql: """
                    UPDATE orders SET status = ?1, updated_at = ?2, paid_at = COALESCE(paid_at, ?3),
                        payment_reference = COALESCE(?4, payment_reference)
                    WHERE id = ?5 AND status = ?6
                    """,
                arguments: [change.target.rawValue, change.now.millis, plan.paidAt, change.captureReference, order.id, order.status.rawValue])
            guard db.changesCount == 1 else { throw OrderStoreError.concurrentChange(order.id) }
            try SQLiteOrderRows.recordStatus(db, orderID: order.id, status: change.target, actor: change.actor, note: change.note, at: change.now)
            let stock = StockMoveContext(reference: order.id, note: change.note, actor: change.actor, now: change.now)
            try SQLiteStockLedger.apply(db, plan.stockMoves, stock)
            if plan.refundOwed != nil {
                try db.execute(sql: "UPDATE orders SET refunded_minor = total_minor WHERE id = ?", arguments: [order.id])
            }
            for event in plan.events {
                try SQLiteOutbox.append(db, OutboxEntry(event.kind, of: order, arguments: event.arguments, now: change.now))
            }
            for statement in plan.sharedStatements { try SQLiteSQL.execute(db, statement) }
            return try SQLiteOrderRows.require(db, id: order.id)
        }
    }

    /// One shipment's step in one transaction, as `ShipmentStepPlan` decides it.
    public func changeShipment(_ change: ShipmentStatusChangeRequest) async throws -> Order {
        try await pool.write { db in
            let order = try SQLiteOrderRows.require(db, id: change.orderID)
            let plan = try ShipmentStepPlan(change, on: order)
            for statement in plan.guardedStatements where try SQLiteSQL.rows(db, statement).isEmpty {
                throw OrderStoreError.concurrentChange(order.id)
            }
            for statement in plan.sharedStatements { try SQLiteSQL.execute(db, statement) }
            try SQLiteStockLedger.apply(db, plan.stockMoves, StockMoveContext(reference: order.id, note: change.note, actor: change.actor, now: change.now))
            for event in plan.events {
                try SQLiteOutbox.append(db, OutboxEntry(event.kind, of: order, arguments: event.arguments, now: change.now))
            }
            return try SQLiteOrderRows.require(db, id: order.id)
        }
    }
}
