import FoundationEssentials
public import PasarCore
import PostgresNIO

extension PostgresOrderStore {
    /// One status step in one transaction. The order row is locked before it is read, so a step
    /// racing another one waits and is then validated against the status the other left (the same
    /// `transition` error SQLite gives); the conditional update (`WHERE status = <the status
    /// validated>`) still refuses a step whose order moved without that lock. `OrderStatusPlan`
    /// decides the rest.
    public func changeStatus(_ change: OrderStatusChangeRequest) async throws -> Order {
        try await database.write { connection in
            try await Self.lockOrder(connection, id: change.orderID)
            let order = try await PostgresOrderRows.require(connection, id: change.orderID)
            let plan = try OrderStatusPlan(change, on: order)
            let changed = try await connection.execute(
                """
                UPDATE orders SET status = \(change.target.rawValue), updated_at = \(change.now.millis), paid_at = COALESCE(paid_at, \(plan.paidAt)::bigint),
                    payment_reference = COALESCE(\(change.captureReference)::text, payment_reference)
                WHERE id = \(order.id) AND status = \(order.status.rawValue)
                """)
            guard changed == 1 else { throw OrderStoreError.concurrentChange(order.id) }
            try await PostgresOrderRows.recordStatus(
                connection, orderID: order.id, status: change.target, actor: change.actor, note: change.note, at: change.now)
            let stock = StockMoveContext(reference: order.id, note: change.note, actor: change.actor, now: change.now)
            try await PostgresStockLedger.apply(connection, plan.stockMoves, stock)
            if plan.refundOwed != nil {
                try await connection.execute("UPDATE orders SET refunded_minor = total_minor WHERE id = \(order.id)")
            }
            for event in plan.events {
                try await PostgresOutbox.append(connection, OutboxEntry(event.kind, of: order, arguments: event.arguments, now: change.now))
            }
            for statement in plan.sharedStatements { try await PostgresSQL.execute(connection, statement) }
            return try await PostgresOrderRows.require(connection, id: order.id)
        }
    }

    /// One shipment's step in one transaction, as `ShipmentStepPlan` decides it, on the locked order.
    public func changeShipment(_ change: ShipmentStatusChangeRequest) async throws -> Order {
        try await database.write { connection in
            try await Self.lockOrder(connection, id: change.orderID)
            let order = try await PostgresOrderRows.require(connection, id: change.orderID)
            let plan = try ShipmentStepPlan(change, on: order)
            for statement in plan.guardedStatements where try await PostgresSQL.rows(connection, statement).isEmpty {
                throw OrderStoreError.concurrentChange(order.id)
            }
            for statement in plan.sharedStatements { try await PostgresSQL.execute(connection, statement) }
            try await PostgresStockLedger.apply(
                connection, plan.stockMoves, StockMoveContext(reference: order.id, note: change.note, actor: change.actor, now: change.now))
            for event in plan.events {
                try await PostgresOutbox.append(connection, OutboxEntry(event.kind, of: order, arguments: event.arguments, now: change.now))
            }
            return try await PostgresOrderRows.require(connection, id: order.id)
        }
    }

    /// Locks an order's row for the rest of the transaction; `orderNotFound` when there is none.
    static func lockOrder(_ connection: PostgresConnection, id: String) async throws {
        guard try await connection.row("SELECT 1 FROM orders WHERE id = \(id) FOR UPDATE") != nil else {
            throw OrderStoreError.orderNotFound(id)
        }
    }
}
