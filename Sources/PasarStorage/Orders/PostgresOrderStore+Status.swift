import FoundationEssentials
public import PasarCore
import PostgresNIO

extension PostgresOrderStore {
    /// One status step in one transaction. The order row is locked before it is read, so a step
    /// racing another one waits and is then validated against the status the other left (the same
    /// `transition` error SQLite gives); the conditional update (`WHERE status = <the status
    /// validated>`) still refuses a step whose order moved without that lock. Shipping or collecting
    /// takes the reserved units off the shelf, cancelling gives them back (and refunds a paid order
    /// in full); the events are appended.
    public func changeStatus(_ change: OrderStatusChangeRequest) async throws -> Order {
        try await database.write { connection in
            try await Self.lockOrder(connection, id: change.orderID)
            let order = try await PostgresOrderRows.require(connection, id: change.orderID)
            let (capturedNow, paidAt) = try OrderWriteRules.payment(of: change, on: order)
            let changed = try await connection.execute(
                """
                UPDATE orders SET status = \(change.target.rawValue), updated_at = \(change.now.millis), paid_at = COALESCE(paid_at, \(paidAt)::bigint),
                    payment_reference = COALESCE(\(change.captureReference)::text, payment_reference)
                WHERE id = \(order.id) AND status = \(order.status.rawValue)
                """)
            guard changed == 1 else { throw OrderStoreError.concurrentChange(order.id) }
            try await PostgresOrderRows.recordStatus(
                connection, orderID: order.id, status: change.target, actor: change.actor, note: change.note, at: change.now)
            var refundOwed: Money?
            let stock = StockLedger.Context(reference: order.id, note: change.note, actor: change.actor, now: change.now)
            // In SKU order, as every transaction changing several stock rows of a location does.
            let lines = order.lines.sorted { $0.sku.utf8.lexicographicallyPrecedes($1.sku.utf8) }
            switch change.target {
            case .shipped, .collected:
                for line in lines {
                    try await PostgresStockLedger.fulfil(connection, location: order.stockLocation, sku: line.sku, quantity: line.quantity, stock)
                }
            case .cancelled:
                for line in lines {
                    try await PostgresStockLedger.release(connection, location: order.stockLocation, sku: line.sku, quantity: line.quantity, stock)
                }
                // A paid order cancelled before the goods left gets back everything not yet refunded.
                if order.isPaid {
                    refundOwed = try order.totals.total.subtracting(order.refunded)
                    try await connection.execute("UPDATE orders SET refunded_minor = total_minor WHERE id = \(order.id)")
                }
            case .placed, .paid, .readyForPickup, .delivered:
                break
            }
            if capturedNow, change.target != .paid {
                try await PostgresOutbox.append(
                    connection, .orderPaid, orderID: order.id, customerID: order.customerID, market: order.market, language: order.language,
                    arguments: Self.eventArguments(order, reaching: .paid), now: change.now)
            }
            try await PostgresOutbox.append(
                connection, OrderEvent.Kind(reaching: change.target), orderID: order.id, customerID: order.customerID, market: order.market,
                language: order.language, arguments: Self.eventArguments(order, reaching: change.target), now: change.now)
            if let refundOwed, !refundOwed.isZero {
                try await PostgresOutbox.append(
                    connection, .refundIssued, orderID: order.id, customerID: order.customerID, market: order.market, language: order.language,
                    arguments: .init(order: order.number, count: nil, amount: refundOwed, store: nil, returnID: nil), now: change.now)
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

    private static func eventArguments(_ order: Order, reaching status: OrderStatus) -> OrderEvent.Arguments {
        var store: String?
        if case .collect(let pickup) = order.fulfilment { store = pickup }
        return OrderEvent.Arguments(
            order: order.number, count: order.unitCount, amount: status == .paid ? order.totals.total : nil, store: store, returnID: nil)
    }
}
