import FoundationEssentials
import GRDB
public import PasarCore

/// Orders on the embedded SQLite database. Placing, status changes and returns each run in one
/// write transaction together with their stock changes (`SQLiteStockLedger`) and outbox events.
public final class SQLiteOrderStore: OrderStore {
    let pool: DatabasePool

    public init(database: SQLiteDatabase) {
        pool = database.pool
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
            let location = try Self.reserveStock(db, for: draft)
            try SQLiteOrderRows.insert(db, draft: draft, encoded: encoded, idempotencyKey: idempotencyKey, location: location)
            try SQLiteOutbox.append(db, encoded.placedEvent)
            if let redemption = draft.loyaltyRedemption, let entries = LoyaltyRedemptionPlan.entries(draft) {
                let plan = try LoyaltyRedemptionPlan(draft, redemption: redemption, rows: try SQLiteSQL.rows(db, entries))
                for statement in plan.statements { try SQLiteSQL.execute(db, statement) }
                try SQLiteOutbox.append(db, plan.event)
            }
            return PlacedOrder(order: try OrderWriteRules.placed(draft, location: location), created: true)
        }
    }

    /// Tries each candidate location in turn, inside a savepoint when another location could still
    /// follow, so a location that lacks one line leaves no reservation behind (a shortage at the last
    /// one fails the whole transaction); returns the location that had everything.
    private static func reserveStock(_ db: Database, for draft: OrderDraft) throws -> String {
        var firstShortage: (sku: String, location: String)?
        let context = StockMoveContext(reference: draft.id, note: nil, actor: draft.channel, now: draft.placedAt)
        func reserveAll(at location: String) throws -> String? {
            for line in draft.lines {
                if try !SQLiteStockLedger.reserve(db, location: location, sku: line.sku, quantity: line.quantity, context) { return line.sku }
            }
            return nil
        }
        for (index, location) in draft.stockLocations.enumerated() {
            var shortage: String?
            if index < draft.stockLocations.count - 1 {
                try db.inSavepoint {
                    shortage = try reserveAll(at: location)
                    return shortage == nil ? .commit : .rollback
                }
            } else {
                shortage = try reserveAll(at: location)
            }
            guard let shortage else { return location }
            firstShortage = firstShortage ?? (shortage, location)
        }
        throw OrderStoreError.outOfStock(sku: firstShortage?.sku ?? draft.lines.first?.sku ?? "", location: firstShortage?.location ?? "")
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
