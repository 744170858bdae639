import FoundationEssentials
import GRDB
public import PasarCore

/// Orders on the embedded SQLite database. Placing, status changes and returns each run in one
/// write transaction together with their stock changes (`SQLiteStockLedger`) and outbox events.
public final class SQLiteOrderStore: OrderStore {
    let pool: MeteredPool

    public init(database: SQLiteDatabase) {
        pool = database.metered
    }

    public func place(_ draft: OrderDraft, idempotencyKey: String) async throws -> PlacedOrder {
        let encoded = try OrderWriteRules.Encoded(draft)
        return try await pool.write { db in
            if let existingID = try String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM orders WHERE idempotency_key = ?"), arguments: [idempotencyKey]) {
                let existing = try SQLiteOrderRows.require(db, id: existingID)
                guard existing.cartID == draft.cartID else { throw OrderStoreError.idempotencyKeyReused(orderID: existingID) }
                return PlacedOrder(order: existing, created: false)
            }
            if let cartID = draft.cartID, try !CartCheckout.close(db, cartID: cartID, now: draft.placedAt) {
                throw OrderStoreError.cartNotActive(cartID)
            }
            let placement = try Self.reserveStock(db, for: draft)
            try SQLiteOrderRows.insert(db, draft: draft, encoded: encoded, idempotencyKey: idempotencyKey, location: placement.location)
            if draft.fulfilment.kind == .ship {
                for statement in OrderShipmentSQL.placement(orderID: draft.id, placement) { try SQLiteSQL.executeCached(db, statement) }
            }
            try SQLiteOutbox.append(db, encoded.placedEvent)
            if let redemption = draft.loyaltyRedemption, let entries = LoyaltyRedemptionPlan.entries(draft) {
                let plan = try LoyaltyRedemptionPlan(draft, redemption: redemption, rows: try SQLiteSQL.rows(db, entries))
                for statement in plan.statements { try SQLiteSQL.execute(db, statement) }
                try SQLiteOutbox.append(db, plan.event)
            }
            return PlacedOrder(order: try OrderWriteRules.placed(draft, placement), created: true)
        }
    }

    /// Runs the reservations `StockAllocation` asks for, an all-or-nothing attempt that another may
    /// follow inside a savepoint, so a location that lacks one line leaves no reservation behind (a
    /// shortage in the last attempt fails the whole transaction).
    private static func reserveStock(_ db: Database, for draft: OrderDraft) throws -> StockAllocation.Placement {
        let context = StockMoveContext(reference: draft.id, note: nil, actor: draft.channel, now: draft.placedAt)
        var allocation = StockAllocation(draft)
        while let attempt = allocation.next() {
            var reserved: [Int] = []
            var shortage: String?
            func reserve() throws {
                for line in attempt.lines {
                    if try SQLiteStockLedger.reserve(db, location: attempt.location, sku: line.sku, quantity: line.quantity, context) {
                        reserved.append(line.number)
                    } else {
                        shortage = shortage ?? line.sku
                        if attempt.allOrNothing {
                            reserved = []
                            return
                        }
                    }
                }
            }
            if attempt.guarded {
                try db.inSavepoint {
                    try reserve()
                    return shortage == nil ? .commit : .rollback
                }
            } else {
                try reserve()
            }
            allocation.record(reserved: reserved, shortage: shortage)
        }
        return try allocation.result()
    }

    public func order(idempotencyKey: String) async throws -> Order? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM orders WHERE idempotency_key = ?", arguments: [idempotencyKey])
                .flatMap { try SQLiteOrderRows.fetch(db, id: $0) }
        }
    }

    public func order(id: String) async throws -> Order? {
        try await pool.read { db in try SQLiteOrderRows.fetch(db, id: id) }
    }

    public func orders(customerID: String, email: String?, limit: Int) async throws -> [Order] {
        try await pool.read { db in
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM orders
                    WHERE customer_id = ?1 OR (customer_id IS NULL AND ?2 IS NOT NULL AND email = ?2 COLLATE NOCASE)
                    ORDER BY placed_at DESC, id DESC LIMIT ?3
                    """,
                arguments: [customerID, email, limit])
            return try ids.map { try SQLiteOrderRows.require(db, id: $0) }
        }
    }

    public func events(after sequence: Int64, limit: Int) async throws -> [OutboxEvent] {
        try await pool.read { db in try SQLiteOutbox.events(db, after: sequence, limit: limit) }
    }
}
