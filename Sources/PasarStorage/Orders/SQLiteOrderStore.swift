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
        try await pool.write { db in
            if let existingID = try String.fetchOne(db, sql: "SELECT id FROM orders WHERE idempotency_key = ?", arguments: [idempotencyKey]) {
                let existing = try SQLiteOrderRows.require(db, id: existingID)
                guard existing.cartID == draft.cartID else { throw OrderStoreError.idempotencyKeyReused(orderID: existingID) }
                return PlacedOrder(order: existing, created: false)
            }
            if let cartID = draft.cartID, try !CartCheckout.close(db, cartID: cartID, now: draft.placedAt) {
                throw OrderStoreError.cartNotActive(cartID)
            }
            let location = try Self.reserveStock(db, for: draft)
            try SQLiteOrderRows.insert(db, draft: draft, idempotencyKey: idempotencyKey, location: location)
            try SQLiteOutbox.append(
                db, .orderPlaced, orderID: draft.id, customerID: draft.customerID, market: draft.market, language: draft.language,
                arguments: .init(order: draft.number, count: draft.unitCount, amount: draft.totals.total, store: nil, returnID: nil),
                now: draft.placedAt)
            return PlacedOrder(order: try OrderWriteRules.placed(draft, location: location), created: true)
        }
    }

    /// Tries each candidate location in turn inside a savepoint, so a location that lacks one line
    /// leaves no reservation behind; returns the location that had everything.
    private static func reserveStock(_ db: Database, for draft: OrderDraft) throws -> String {
        var firstShortage: (sku: String, location: String)?
        for location in draft.stockLocations {
            var shortage: String?
            try db.inSavepoint {
                let context = StockMoveContext(reference: draft.id, note: nil, actor: draft.channel, now: draft.placedAt)
                for line in draft.lines {
                    if try !SQLiteStockLedger.reserve(db, location: location, sku: line.sku, quantity: line.quantity, context) {
                        shortage = line.sku
                        return .rollback
                    }
                }
                return .commit
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

    public func events(after sequence: Int64, limit: Int) async throws -> [OrderEvent] {
        try await pool.read { db in try SQLiteOutbox.events(db, after: sequence, limit: limit) }
    }
}
