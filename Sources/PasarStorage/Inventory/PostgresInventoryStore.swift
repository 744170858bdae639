import FoundationEssentials
import PostgresNIO

/// Inventory on a shared PostgreSQL database; see `PostgresStockLedger` for the conditional updates
/// that keep several processes from overselling.
public final class PostgresInventoryStore: InventoryStore {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func adjust(_ adjustment: StockAdjustment) async throws -> StockLevel {
        try await database.write { connection in
            try await PostgresStockLedger.add(
                connection, location: adjustment.location, sku: adjustment.sku, delta: adjustment.delta, reason: adjustment.reason,
                .init(reference: nil, note: adjustment.note, actor: adjustment.actor, now: adjustment.now))
            return try await PostgresStockLedger.level(connection, location: adjustment.location, sku: adjustment.sku)
        }
    }

    public func run(_ step: TransferStep) async throws {
        try await database.write { connection in
            guard try await !PostgresSQL.rows(connection, step.statusUpdate).isEmpty else { throw TransferError.concurrentChange(step.transfer.id) }
            for move in step.stockMoves {
                try await PostgresStockLedger.add(connection, location: move.location, sku: move.sku, delta: move.delta, reason: move.reason, step.context)
            }
        }
    }

    public func levels(skus: [String], locations: [String]) async throws -> [StockLevel] {
        guard !skus.isEmpty, !locations.isEmpty else { return [] }
        return try await database.read { connection in
            try await connection.rows(
                """
                SELECT location, sku, on_hand, reserved FROM stock_levels
                WHERE sku = ANY(\(skus)) AND location = ANY(\(locations)) ORDER BY sku COLLATE "C", location COLLATE "C"
                """
            ).map(Self.level)
        }
    }

    public func levels(sku: String) async throws -> [StockLevel] {
        try await database.read { connection in
            try await connection.rows(
                #"SELECT location, sku, on_hand, reserved FROM stock_levels WHERE sku = \#(sku) ORDER BY location COLLATE "C""#
            ).map(Self.level)
        }
    }

    public func movements(sku: String, location: String?, limit: Int) async throws -> [StockMovement] {
        try await database.read { connection in
            try await connection.rows(
                """
                SELECT * FROM stock_movements WHERE sku = \(sku) AND (\(location)::text IS NULL OR location = \(location))
                ORDER BY id DESC LIMIT \(Int64(limit))
                """
            ).map { row in
                StockMovement(
                    id: try row.get("id"), location: try row.get("location"), sku: try row.get("sku"), onHandDelta: try row.get("on_hand_delta"),
                    reservedDelta: try row.get("reserved_delta"), reason: StockReason(rawValue: try row.get("reason")) ?? .count,
                    reference: try row.get("reference"), note: try row.get("note"), actor: try row.get("actor"),
                    at: Date(millis: try row.get("created_at")))
            }
        }
    }

    public func isEmpty() async throws -> Bool {
        try await database.read { connection in
            try await connection.value("SELECT EXISTS (SELECT 1 FROM stock_levels)", as: Bool.self) != true
        }
    }

    private static func level(_ row: PostgresRandomAccessRow) throws -> StockLevel {
        StockLevel(location: try row.get("location"), sku: try row.get("sku"), onHand: try row.get("on_hand"), reserved: try row.get("reserved"))
    }
}

extension PostgresInventoryStore {
    /// Demo data: every catalog SKU received at each location, `quantity(sku, location)` units
    /// (zero skips), recorded as receipts; one transaction. Returns the number of stock rows written:
    /// 0 when stock exists already, since several processes started with the demo at once each
    /// found the inventory empty and the first one to take the table's lock seeds it.
    public func seedDemoStock(locations: [String], quantity: @Sendable (String, String) -> Int64) async throws -> Int {
        try await database.write { connection in
            // Writers of stock wait until the seed commits; readers do not.
            try await connection.execute("LOCK TABLE stock_levels IN EXCLUSIVE MODE")
            guard try await connection.value("SELECT EXISTS (SELECT 1 FROM stock_levels)", as: Bool.self) != true else { return 0 }
            let skus = try await connection.values(#"SELECT sku FROM variants ORDER BY sku COLLATE "C""#, as: String.self)
            var rows = 0
            let context = StockMoveContext(reference: nil, note: "demo stock", actor: "demo", now: Date())
            for location in locations {
                // One statement per batch rather than per SKU: a large catalog would otherwise take a round trip each.
                let received = skus.map { ($0, quantity($0, location)) }.filter { $0.1 > 0 }
                for start in stride(from: 0, to: received.count, by: 1000) {
                    let batch = received[start..<min(start + 1000, received.count)]
                    try await Self.receive(connection, location: location, skus: batch.map(\.0), units: batch.map(\.1), context)
                }
                rows += received.count
            }
            return rows
        }
    }

    /// `PostgresStockLedger.add` of receipts for many SKUs at once.
    private static func receive(
        _ connection: PostgresConnection, location: String, skus: [String], units: [Int64], _ context: StockMoveContext
    ) async throws {
        try await connection.execute(
            """
            INSERT INTO stock_levels (location, sku, on_hand, reserved, updated_at)
            SELECT \(location), item.sku, item.units, 0, \(context.now.millis) FROM unnest(\(skus)::text[], \(units)::bigint[]) AS item (sku, units)
            ORDER BY item.sku COLLATE "C"
            ON CONFLICT (location, sku) DO UPDATE SET on_hand = stock_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at
            """)
        try await connection.execute(
            """
            INSERT INTO stock_movements (location, sku, on_hand_delta, reserved_delta, reason, reference, note, actor, created_at)
            SELECT \(location), item.sku, item.units, 0, \(StockReason.receipt.rawValue), NULL, \(context.note), \(context.actor), \(context.now.millis)
            FROM unnest(\(skus)::text[], \(units)::bigint[]) WITH ORDINALITY AS item (sku, units, position) ORDER BY item.position
            """)
    }
}
