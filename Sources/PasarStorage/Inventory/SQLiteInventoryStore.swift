import FoundationEssentials
import GRDB

/// Inventory on the embedded SQLite database; see `SQLiteStockLedger` for the conditional updates.
public final class SQLiteInventoryStore: InventoryStore {
    let pool: MeteredPool

    public init(database: SQLiteDatabase) {
        pool = database.metered
    }

    public func adjust(_ adjustment: StockAdjustment) async throws -> StockLevel {
        try await pool.write { db in
            try SQLiteStockLedger.add(
                db, location: adjustment.location, sku: adjustment.sku, delta: adjustment.delta, reason: adjustment.reason,
                .init(reference: nil, note: adjustment.note, actor: adjustment.actor, now: adjustment.now))
            return try SQLiteStockLedger.level(db, location: adjustment.location, sku: adjustment.sku)
        }
    }

    public func run(_ step: TransferStep) async throws {
        try await pool.write { db in
            guard try !SQLiteSQL.rows(db, step.statusUpdate).isEmpty else { throw TransferError.concurrentChange(step.transfer.id) }
            for move in step.stockMoves {
                try SQLiteStockLedger.add(db, location: move.location, sku: move.sku, delta: move.delta, reason: move.reason, step.context)
            }
        }
    }

    public func levels(skus: [String], locations: [String]) async throws -> [StockLevel] {
        guard !skus.isEmpty, !locations.isEmpty else { return [] }
        return try await pool.read { db in
            let skuMarks = databaseQuestionMarks(count: skus.count)
            let locationMarks = databaseQuestionMarks(count: locations.count)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT location, sku, on_hand, reserved FROM stock_levels
                    WHERE sku IN (\(skuMarks)) AND location IN (\(locationMarks)) ORDER BY sku, location
                    """,
                arguments: StatementArguments(skus + locations)
            ).map(Self.level)
        }
    }

    public func levels(sku: String) async throws -> [StockLevel] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT location, sku, on_hand, reserved FROM stock_levels WHERE sku = ? ORDER BY location", arguments: [sku])
                .map(Self.level)
        }
    }

    public func movements(sku: String, location: String?, limit: Int) async throws -> [StockMovement] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM stock_movements WHERE sku = ?1 AND (?2 IS NULL OR location = ?2) ORDER BY id DESC LIMIT ?3
                    """,
                arguments: [sku, location, limit]
            ).map { row in
                StockMovement(
                    id: row["id"], location: row["location"], sku: row["sku"], onHandDelta: row["on_hand_delta"],
                    reservedDelta: row["reserved_delta"], reason: StockReason(rawValue: row["reason"]) ?? .count, reference: row["reference"],
                    note: row["note"], actor: row["actor"], at: Date(millis: row["created_at"]))
            }
        }
    }

    public func isEmpty() async throws -> Bool {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM stock_levels LIMIT 1)") == 0 }
    }

    private static func level(_ row: Row) -> StockLevel {
        StockLevel(location: row["location"], sku: row["sku"], onHand: row["on_hand"], reserved: row["reserved"])
    }
}

extension SQLiteInventoryStore {
    /// Demo data: every catalog SKU received at each location, `quantity(sku, location)` units
    /// (zero skips), recorded as receipts; one transaction. Returns the number of stock rows written.
    public func seedDemoStock(locations: [String], quantity: @Sendable (String, String) -> Int64) async throws -> Int {
        try await pool.write { db in
            let skus = try String.fetchAll(db, sql: "SELECT sku FROM variants ORDER BY sku")
            var rows = 0
            let context = StockMoveContext(reference: nil, note: "demo stock", actor: "demo", now: Date())
            for location in locations {
                for sku in skus {
                    let units = quantity(sku, location)
                    guard units > 0 else { continue }
                    try SQLiteStockLedger.add(db, location: location, sku: sku, delta: units, reason: .receipt, context)
                    rows += 1
                }
            }
            return rows
        }
    }
}
