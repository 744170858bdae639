import FoundationEssentials
public import PasarCore
import PostgresNIO

/// Orders on a shared PostgreSQL database. Placing, status changes and returns each run in one
/// transaction together with their stock changes (`PostgresStockLedger`) and outbox events
/// (`PostgresOutbox`), and lock what they read before deciding, so several processes placing,
/// moving and returning orders at once reach the results one SQLite writer would.
public final class PostgresOrderStore: OrderStore {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// The class of the advisory locks that serialize placements under one idempotency key ("ordk");
    /// the lock's second half is the key's hash, so other keys never wait (unless their hashes collide).
    static let idempotencyLockClass: Int32 = 0x6F72_646B

    public func place(_ draft: OrderDraft, idempotencyKey: String) async throws -> PlacedOrder {
        do {
            return try await placeOnce(draft, idempotencyKey: idempotencyKey)
        } catch is PostgresOrderRows.IdempotencyKeyTaken {
            // Another placement committed this key after ours looked; run again to answer with its order.
            return try await placeOnce(draft, idempotencyKey: idempotencyKey)
        }
    }

    /// The checks in SQLite's order: the key, then the cart, then the stock (a taken order number,
    /// which the caller retries with another, can now surface before a shortage). The key's advisory
    /// lock makes a second checkout with the same key wait until the first commits and then find its
    /// order; the cart's conditional update makes a second checkout of one cart (another key) wait
    /// and then find the cart closed.
    private func placeOnce(_ draft: OrderDraft, idempotencyKey: String) async throws -> PlacedOrder {
        let encoded = try OrderWriteRules.Encoded(draft)
        return try await database.write { connection in
            try await connection.execute("SELECT pg_advisory_xact_lock(\(Self.idempotencyLockClass), hashtext(\(idempotencyKey)))")
            if let existingID = try await connection.value("SELECT id FROM orders WHERE idempotency_key = \(idempotencyKey)", as: String.self) {
                let existing = try await PostgresOrderRows.require(connection, id: existingID)
                guard existing.cartID == draft.cartID else { throw OrderStoreError.idempotencyKeyReused(orderID: existingID) }
                return PlacedOrder(order: existing, created: false)
            }
            if let cartID = draft.cartID, try await !Self.closeCart(connection, cartID: cartID, now: draft.placedAt) {
                throw OrderStoreError.cartNotActive(cartID)
            }
            // The order goes in before the stock is reserved: the stock rows, which every checkout of the
            // same SKU waits for, then stay locked only for the reservation, the outbox append and the commit.
            let firstChoice = draft.stockLocations.first ?? ""
            try await PostgresOrderRows.insert(connection, draft: draft, encoded: encoded, idempotencyKey: idempotencyKey, location: firstChoice)
            let placement = try await Self.reserveStock(connection, for: draft)
            if placement.location != firstChoice {
                try await connection.execute("UPDATE orders SET location = \(placement.location) WHERE id = \(draft.id)")
            }
            if draft.fulfilment.kind == .ship {
                for statement in OrderShipmentSQL.placement(orderID: draft.id, placement) { try await PostgresSQL.execute(connection, statement) }
            }
            try await PostgresOutbox.append(connection, encoded.placedEvent)
            if let redemption = draft.loyaltyRedemption, let entries = LoyaltyRedemptionPlan.entries(draft) {
                if let lock = LoyaltyRedemptionPlan.lock(draft, dialect: .postgres) { try await PostgresSQL.execute(connection, lock) }
                let plan = try LoyaltyRedemptionPlan(draft, redemption: redemption, rows: try await PostgresSQL.rows(connection, entries))
                for statement in plan.statements { try await PostgresSQL.execute(connection, statement) }
                try await PostgresOutbox.append(connection, plan.event)
            }
            return PlacedOrder(order: try OrderWriteRules.placed(draft, placement), created: true)
        }
    }

    /// `CartCheckout.close`: false when the cart is no longer active. The update waits for any
    /// other transaction holding the cart and then checks the status that one left.
    private static func closeCart(_ connection: PostgresConnection, cartID: String, now: Date) async throws -> Bool {
        try await connection.execute(
            """
            UPDATE carts SET status = 'checked_out', version = version + 1, updated_at = \(now.millis)
            WHERE id = \(cartID) AND status = 'active'
            """) == 1
    }

    /// Runs the reservations `StockAllocation` asks for, an all-or-nothing attempt that another may
    /// follow inside a savepoint, so a location that lacks one line leaves no reservation behind. An
    /// attempt's stock rows are locked in SKU order first, so checkouts of the same SKUs in different
    /// line orders cannot deadlock; the conditional updates then run in line order, so the first
    /// short line is the one SQLite reports.
    private static func reserveStock(_ connection: PostgresConnection, for draft: OrderDraft) async throws -> StockAllocation.Placement {
        let context = StockMoveContext(reference: draft.id, note: nil, actor: draft.channel, now: draft.placedAt)
        var allocation = StockAllocation(draft)
        while let attempt = allocation.next() {
            if attempt.guarded { try await connection.execute("SAVEPOINT reserve_stock") }
            try await PostgresStockLedger.lock(connection, location: attempt.location, skus: attempt.lines.map(\.sku))
            var reserved: [Int] = []
            var shortage: String?
            for line in attempt.lines {
                if try await PostgresStockLedger.reserve(connection, location: attempt.location, sku: line.sku, quantity: line.quantity, context) {
                    reserved.append(line.number)
                } else {
                    shortage = shortage ?? line.sku
                    if attempt.allOrNothing {
                        reserved = []
                        break
                    }
                }
            }
            if attempt.guarded {
                if shortage != nil { try await connection.execute("ROLLBACK TO SAVEPOINT reserve_stock") }
                try await connection.execute("RELEASE SAVEPOINT reserve_stock")
            }
            allocation.record(reserved: reserved, shortage: shortage)
        }
        return try allocation.result()
    }

    public func order(idempotencyKey: String) async throws -> Order? {
        try await PostgresOrderRows.consistentRead(database) { connection in
            try await PostgresOrderRows.orders(connection, "SELECT * FROM orders WHERE idempotency_key = \(idempotencyKey)").first
        }
    }

    public func order(id: String) async throws -> Order? {
        try await PostgresOrderRows.consistentRead(database) { connection in try await PostgresOrderRows.fetch(connection, id: id) }
    }

    public func orders(customerID: String, email: String?, limit: Int) async throws -> [Order] {
        try await PostgresOrderRows.consistentRead(database) { connection in
            try await PostgresOrderRows.customerOrders(connection, customerID: customerID, email: email, limit: limit)
        }
    }

    public func events(after sequence: Int64, limit: Int) async throws -> [OutboxEvent] {
        try await database.read { connection in try await PostgresOutbox.events(connection, after: sequence, limit: limit) }
    }
}
