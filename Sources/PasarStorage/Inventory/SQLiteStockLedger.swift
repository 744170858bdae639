import FoundationEssentials
import GRDB

/// The stock changes, each one conditional SQL statement plus its movement row, run inside the
/// caller's write transaction. The `WHERE` clause carries the rule (enough available, never below
/// reserved), so concurrent writers cannot oversell: a refused update changes no row.
enum SQLiteStockLedger {
    /// Sets `quantity` aside for an order; false when fewer are available.
    static func reserve(_ db: Database, location: String, sku: String, quantity: Int64, _ context: StockMoveContext) throws -> Bool {
        try db.executeCached(
            sql: """
                UPDATE stock_levels SET reserved = reserved + ?1, updated_at = ?4
                WHERE location = ?2 AND sku = ?3 AND on_hand - reserved >= ?1
                """,
            arguments: [quantity, location, sku, context.now.millis])
        guard db.changesCount == 1 else { return false }
        try record(db, location: location, sku: sku, onHand: 0, reserved: quantity, reason: .reservation, context)
        return true
    }

    /// Gives back units reserved for a cancelled order.
    static func release(_ db: Database, location: String, sku: String, quantity: Int64, _ context: StockMoveContext) throws {
        try db.executeCached(
            sql: "UPDATE stock_levels SET reserved = reserved - ?1, updated_at = ?4 WHERE location = ?2 AND sku = ?3 AND reserved >= ?1",
            arguments: [quantity, location, sku, context.now.millis])
        guard db.changesCount == 1 else { throw StorageError.corrupt("reservation of \(sku) at \(location)") }
        try record(db, location: location, sku: sku, onHand: 0, reserved: -quantity, reason: .release, context)
    }

    /// Reserved units leave the building (shipped or collected).
    static func fulfil(_ db: Database, location: String, sku: String, quantity: Int64, _ context: StockMoveContext) throws {
        try db.executeCached(
            sql: """
                UPDATE stock_levels SET on_hand = on_hand - ?1, reserved = reserved - ?1, updated_at = ?4
                WHERE location = ?2 AND sku = ?3 AND reserved >= ?1
                """,
            arguments: [quantity, location, sku, context.now.millis])
        guard db.changesCount == 1 else { throw StorageError.corrupt("reservation of \(sku) at \(location)") }
        try record(db, location: location, sku: sku, onHand: -quantity, reserved: -quantity, reason: .sale, context)
    }

    /// An order step's stock moves (`OrderStockMove`), in the order given.
    static func apply(_ db: Database, _ moves: [OrderStockMove], _ context: StockMoveContext) throws {
        for move in moves {
            switch move.kind {
            case .fulfil: try fulfil(db, location: move.location, sku: move.line.sku, quantity: move.line.quantity, context)
            case .release: try release(db, location: move.location, sku: move.line.sku, quantity: move.line.quantity, context)
            }
        }
    }

    /// Adds (or, negative, takes away) on-hand units; taking away never goes below what is reserved.
    static func add(_ db: Database, location: String, sku: String, delta: Int64, reason: StockReason, _ context: StockMoveContext) throws {
        if delta > 0 {
            try db.executeCached(
                sql: """
                    INSERT INTO stock_levels (location, sku, on_hand, reserved, updated_at) VALUES (?1, ?2, ?3, 0, ?4)
                    ON CONFLICT(location, sku) DO UPDATE SET on_hand = on_hand + excluded.on_hand, updated_at = excluded.updated_at
                    """,
                arguments: [location, sku, delta, context.now.millis])
        } else {
            try db.executeCached(
                sql: """
                    UPDATE stock_levels SET on_hand = on_hand + ?1, updated_at = ?4
                    WHERE location = ?2 AND sku = ?3 AND on_hand + ?1 >= reserved
                    """,
                arguments: [delta, location, sku, context.now.millis])
            guard db.changesCount == 1 else { throw InventoryError.belowReserved(sku: sku, location: location) }
        }
        try record(db, location: location, sku: sku, onHand: delta, reserved: 0, reason: reason, context)
    }

    static func level(_ db: Database, location: String, sku: String) throws -> StockLevel {
        let row = try Row.fetchOne(
            db, sql: "SELECT on_hand, reserved FROM stock_levels WHERE location = ? AND sku = ?", arguments: [location, sku])
        return StockLevel(location: location, sku: sku, onHand: row?["on_hand"] ?? 0, reserved: row?["reserved"] ?? 0)
    }

    private static func record(
        _ db: Database, location: String, sku: String, onHand: Int64, reserved: Int64, reason: StockReason, _ context: StockMoveContext
    ) throws {
        try db.executeCached(
            sql: """
                INSERT INTO stock_movements (location, sku, on_hand_delta, reserved_delta, reason, reference, note, actor, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [location, sku, onHand, reserved, reason.rawValue, context.reference, context.note, context.actor, context.now.millis])
    }
}
