import FoundationEssentials
import PasarCore
import PostgresNIO

/// `SQLiteOrderRows` on PostgreSQL: writes an order snapshot to its tables and reads orders back, with
/// the same JSON snapshot column (`OrderSnapshot`) as SQLite.
enum PostgresOrderRows {
    /// An order already holds the idempotency key being placed; the placement starts over and
    /// finds that order.
    struct IdempotencyKeyTaken: Error {}

    static func insert(
        _ connection: PostgresConnection, draft: OrderDraft, encoded columns: OrderWriteRules.Encoded, idempotencyKey: String, location: String
    ) async throws {
        let totals = draft.totals
        let pricesIncludeTax: Int64 = draft.pricesIncludeTax ? 1 : 0
        do {
            try await connection.execute(
                """
                INSERT INTO orders (id, number, idempotency_key, cart_id, customer_id, email, market, channel, language, currency,
                    prices_include_tax, status, fulfilment, location, shipping_method, shipping_address, pickup_store, payment_provider,
                    payment_reference, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, snapshot, placed_at, updated_at)
                VALUES (\(draft.id), \(draft.number), \(idempotencyKey), \(draft.cartID), \(draft.customerID), \(draft.email), \(draft.market),
                    \(draft.channel), \(draft.language), \(totals.total.currency.code), \(pricesIncludeTax), 'placed', \(draft.fulfilment.kind.rawValue),
                    \(location), \(columns.shippingMethod), \(columns.shippingAddress), \(columns.pickupStore), \(draft.payment.provider), \(draft.payment.reference),
                    \(totals.subtotal.minorUnits), \(totals.discount.minorUnits), \(totals.shipping.minorUnits), \(totals.tax.minorUnits),
                    \(totals.total.minorUnits), \(columns.snapshot), \(draft.placedAt.millis), \(draft.placedAt.millis))
                """)
        } catch let error as PSQLError where error.isUniqueViolation && error.constraintName == "orders_number_key" {
            // Order numbers are short and random; the caller draws another one and tries again.
            throw StorageError.conflict(field: "number", message: "order number \(draft.number) is taken")
        } catch let error as PSQLError where error.isUniqueViolation && error.constraintName == "orders_idempotency_key_key" {
            throw IdempotencyKeyTaken()
        }
        for (line, formatted) in zip(draft.lines, columns.lineFormatted) {
            try await connection.execute(
                """
                INSERT INTO order_lines (order_id, line_number, sku, product_id, name, quantity, unit_minor, amount_minor, discount_minor,
                    tax_rate, net_minor, tax_minor, gross_minor, formatted, shipment)
                VALUES (\(draft.id), \(Int64(line.number)), \(line.sku), \(line.productID), \(line.name), \(line.quantity),
                    \(line.unitAmount.minorUnits), \(line.amount.minorUnits), \(line.discount.minorUnits), \(line.taxRate.description),
                    \(line.net.minorUnits), \(line.tax.minorUnits), \(line.gross.minorUnits), \(formatted), \(columns.firstShipment))
                """)
        }
        try await recordStatus(connection, orderID: draft.id, status: .placed, actor: draft.channel, note: nil, at: draft.placedAt)
    }

    static func recordStatus(_ connection: PostgresConnection, orderID: String, status: OrderStatus, actor: String, note: String?, at: Date) async throws {
        try await PostgresSQL.execute(connection, OrderStatusSQL.record(orderID: orderID, status: status, actor: actor, note: note, at: at))
    }

    static func require(_ connection: PostgresConnection, id: String) async throws -> Order {
        guard let order = try await fetch(connection, id: id) else { throw OrderStoreError.orderNotFound(id) }
        return order
    }

    static func fetch(_ connection: PostgresConnection, id: String) async throws -> Order? {
        try await orders(connection, "SELECT * FROM orders WHERE id = \(id)").first
    }

    /// A customer's orders, newest first: those placed under their id, and guest orders with their
    /// email (in any case, as SQLite's `COLLATE NOCASE`). The customer overview lists these too.
    static func customerOrders(_ connection: PostgresConnection, customerID: String, email: String?, limit: Int) async throws -> [Order] {
        try await orders(
            connection,
            """
            SELECT * FROM orders
            WHERE customer_id = \(customerID) OR (customer_id IS NULL AND \(email)::text IS NOT NULL AND lower(email) = lower(\(email)::text))
            ORDER BY placed_at DESC, id COLLATE "C" DESC LIMIT \(Int64(limit))
            """)
    }

    /// The orders `query` selects (`SELECT * FROM orders …`), in its order, each with its lines and
    /// status history (two more statements for all of them). Run it inside `consistentRead` (or a
    /// write) so the three statements see the same commits.
    static func orders(_ connection: PostgresConnection, _ query: PostgresQuery) async throws -> [Order] {
        let rows = try await connection.rows(query)
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.get("id", as: String.self) }
        let lineRows = Dictionary(
            grouping: try await connection.rows("SELECT * FROM order_lines WHERE order_id = ANY(\(ids)) ORDER BY order_id, line_number"),
            by: { (try? $0.get("order_id", as: String.self)) ?? "" })
        // SQLite breaks ties of `changed_at` by insertion (rowid). Statuses only move forward, so
        // within one order their rank along the lifecycle is that insertion order.
        let historyRows = Dictionary(
            grouping: try await connection.rows(
                """
                SELECT * FROM order_status_changes WHERE order_id = ANY(\(ids))
                ORDER BY order_id, changed_at, CASE status WHEN 'placed' THEN 0 WHEN 'paid' THEN 1 WHEN 'ready_for_pickup' THEN 2
                    WHEN 'partially_shipped' THEN 3 WHEN 'shipped' THEN 4 WHEN 'delivered' THEN 5 WHEN 'collected' THEN 5 ELSE 6 END
                """),
            by: { (try? $0.get("order_id", as: String.self)) ?? "" })
        let shipped = try rows.filter { try $0.get("fulfilment", as: String.self) == FulfilmentKind.ship.rawValue }.map { try $0.get("id", as: String.self) }
        var shipments: [String: [OrderShipment]] = [:]
        if !shipped.isEmpty {
            let lineShipments = try lineRows.mapValues { rows in
                Dictionary(grouping: try rows.compactMap { row in try row.get("shipment", as: Int64?.self).map { ($0, try row.get("line_number", as: Int.self)) } }, by: \.0)
                    .mapValues { $0.map(\.1) }
            }
            shipments = OrderShipmentSQL.shipments(try await PostgresSQL.rows(connection, OrderShipmentSQL.select(orderIDs: shipped)), lineShipments: lineShipments)
        }
        return try zip(ids, rows).map { id, row in
            try order(row, id: id, lines: lineRows[id] ?? [], history: historyRows[id] ?? [], shipments: shipments[id] ?? [])
        }
    }

    /// Runs `body` in a read-only REPEATABLE READ transaction: every statement sees the same
    /// commits, as one SQLite read does (an order's status and its history agree).
    static func consistentRead<Result: Sendable>(
        _ database: PostgresDatabase, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await database.read { connection in
            try await connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            do {
                let result = try await body(connection)
                try await connection.execute("COMMIT")
                return result
            } catch {
                _ = try? await connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    private static func order(
        _ row: PostgresRandomAccessRow, id: String, lines lineRows: [PostgresRandomAccessRow], history historyRows: [PostgresRandomAccessRow],
        shipments: [OrderShipment]
    ) throws -> Order {
        let currency = try OrderSnapshot.currency(try row.get("currency"))
        let snapshot = try JSONColumn.decode(OrderSnapshot.self, from: try row.get("snapshot"))
        let lines = try lineRows.map { try line($0, currency: currency) }
        let history = try historyRows.map { change in
            OrderStatusChange(
                status: try OrderSnapshot.status(try change.get("status")), actor: try change.get("actor"), note: try change.get("note"),
                at: Date(millis: try change.get("changed_at")))
        }
        let draft = OrderDraft(
            id: id, number: try row.get("number"), cartID: try row.get("cart_id"), customerID: try row.get("customer_id"),
            email: try row.get("email"), market: try row.get("market"), channel: try row.get("channel"), language: try row.get("language"),
            pricesIncludeTax: try row.get("prices_include_tax", as: Int64.self) != 0, fulfilment: snapshot.fulfilment,
            stockLocations: snapshot.stockLocations, lines: lines, totals: snapshot.totals, vouchers: snapshot.vouchers,
            payment: snapshot.payment, placedAt: Date(millis: try row.get("placed_at")), delivery: snapshot.delivery)
        let paidAt = try row.get("paid_at", as: Int64?.self)
        return Order(
            status: try OrderSnapshot.status(try row.get("status")), draft: draft, stockLocation: try row.get("location"), lines: lines,
            paidAt: paidAt.map(Date.init(millis:)), refunded: Money(minorUnits: try row.get("refunded_minor"), currency: currency),
            history: history, shipments: shipments, updatedAt: Date(millis: try row.get("updated_at")))
    }

    private static func line(_ row: PostgresRandomAccessRow, currency: Currency) throws -> OrderLine {
        func money(_ column: String) throws -> Money { Money(minorUnits: try row.get(column), currency: currency) }
        guard let rate = try? ExactDecimal(try row.get("tax_rate", as: String.self)) else { throw StorageError.corrupt("tax rate") }
        return OrderLine(
            number: try row.get("line_number", as: Int.self), sku: try row.get("sku"), productID: try row.get("product_id"),
            name: try row.get("name"), quantity: try row.get("quantity"), returnedQuantity: try row.get("returned_quantity"),
            unitAmount: try money("unit_minor"), amount: try money("amount_minor"), discount: try money("discount_minor"), taxRate: rate,
            net: try money("net_minor"), tax: try money("tax_minor"), gross: try money("gross_minor"),
            formatted: try JSONColumn.decode([String: String].self, from: try row.get("formatted")))
    }
}
