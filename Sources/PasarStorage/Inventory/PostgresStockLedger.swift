import FoundationEssentials
import PostgresNIO

/// `SQLiteStockLedger` on PostgreSQL: each stock change is one statement that updates the row and
/// logs its movement, run inside the caller's transaction. The `WHERE` clause carries the rule (enough available,
/// never below reserved) and is checked again on the row's latest version when another
/// transaction changed it meanwhile, so concurrent processes cannot oversell: a refused update
/// changes no row. A transaction that changes several rows of one location goes through them in
/// SKU order (`lock`), so two such transactions never wait for each other in a circle.
enum PostgresStockLedger {
    typealias Context = StockMoveContext

    /// Locks the stock rows of these SKUs at `location` in SKU order, before the statements that
    /// change them in another order. One SKU needs no such step: its update locks its one row, and the
    /// hot row of a sale stays locked one round trip less.
    static func lock(_ connection: PostgresConnection, location: String, skus: [String]) async throws {
        guard Set(skus).count > 1 else { return }
        try await connection.execute(
            """
            SELECT 1 FROM stock_levels WHERE location = \(location) AND sku = ANY(\(skus))
            ORDER BY sku COLLATE "C" FOR UPDATE
            """)
    }

    /// Sets `quantity` aside for an order; false when fewer are available.
    static func reserve(_ connection: PostgresConnection, location: String, sku: String, quantity: Int64, _ context: Context) async throws -> Bool {
        try await move(connection, location: location, sku: sku, onHand: 0, reserved: quantity, reason: .reservation, context)
    }

    /// Gives back units reserved for a cancelled order.
    static func release(_ connection: PostgresConnection, location: String, sku: String, quantity: Int64, _ context: Context) async throws {
        guard try await move(connection, location: location, sku: sku, onHand: 0, reserved: -quantity, reason: .release, context) else {
            throw StorageError.corrupt("reservation of \(sku) at \(location)")
        }
    }

    /// Reserved units leave the building (shipped or collected).
    static func fulfil(_ connection: PostgresConnection, location: String, sku: String, quantity: Int64, _ context: Context) async throws {
        guard try await move(connection, location: location, sku: sku, onHand: -quantity, reserved: -quantity, reason: .sale, context) else {
            throw StorageError.corrupt("reservation of \(sku) at \(location)")
        }
    }

    /// An order step's stock moves (`OrderStockMove`), in the order given.
    static func apply(_ connection: PostgresConnection, _ moves: [OrderStockMove], _ context: StockMoveContext) async throws {
        for move in moves {
            switch move.kind {
            case .fulfil: try await fulfil(connection, location: move.location, sku: move.line.sku, quantity: move.line.quantity, context)
            case .release: try await release(connection, location: move.location, sku: move.line.sku, quantity: move.line.quantity, context)
            }
        }
    }

    /// Adds (or, negative, takes away) on-hand units; taking away never goes below what is reserved.
    /// Two processes adding to a SKU not stocked yet both succeed: `ON CONFLICT` turns the later
    /// insert into an update of the row the earlier one made.
    static func add(
        _ connection: PostgresConnection, location: String, sku: String, delta: Int64, reason: StockReason, _ context: Context
    ) async throws {
        guard delta > 0 else {
            guard try await move(connection, location: location, sku: sku, onHand: delta, reserved: 0, reason: reason, context) else {
                throw InventoryError.belowReserved(sku: sku, location: location)
            }
            return
        }
        try await connection.execute(
            """
            WITH changed AS (
                INSERT INTO stock_levels (location, sku, on_hand, reserved, updated_at) VALUES (\(location), \(sku), \(delta), 0, \(context.now.millis))
                ON CONFLICT (location, sku) DO UPDATE SET on_hand = stock_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                RETURNING 1)
            INSERT INTO stock_movements (location, sku, on_hand_delta, reserved_delta, reason, reference, note, actor, created_at)
            SELECT \(location), \(sku), \(delta), \(Int64(0)), \(reason.rawValue), \(context.reference), \(context.note), \(context.actor),
                \(context.now.millis)
            FROM changed
            """)
    }

    static func level(_ connection: PostgresConnection, location: String, sku: String) async throws -> StockLevel {
        let row = try await connection.row("SELECT on_hand, reserved FROM stock_levels WHERE location = \(location) AND sku = \(sku)")
        return StockLevel(
            location: location, sku: sku, onHand: try row?.get("on_hand", as: Int64.self) ?? 0, reserved: try row?.get("reserved", as: Int64.self) ?? 0)
    }

    /// Changes one stock row and logs the movement in one statement (one round trip while the row
    /// is locked), only when the row keeps the ledger's rule afterwards: nothing reserved below zero,
    /// never more reserved than on hand. False, with nothing written, when the row would break it.
    private static func move(
        _ connection: PostgresConnection, location: String, sku: String, onHand: Int64, reserved: Int64, reason: StockReason, _ context: Context
    ) async throws -> Bool {
        try await connection.execute(
            """
            WITH changed AS (
                UPDATE stock_levels SET on_hand = on_hand + \(onHand), reserved = reserved + \(reserved), updated_at = \(context.now.millis)
                WHERE location = \(location) AND sku = \(sku) AND reserved + \(reserved) >= 0 AND on_hand + \(onHand) >= reserved + \(reserved)
                RETURNING 1)
            INSERT INTO stock_movements (location, sku, on_hand_delta, reserved_delta, reason, reference, note, actor, created_at)
            SELECT \(location), \(sku), \(onHand), \(reserved), \(reason.rawValue), \(context.reference), \(context.note), \(context.actor),
                \(context.now.millis)
            FROM changed
            """) == 1
    }
}
