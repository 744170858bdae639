import FoundationEssentials
import GRDB
import PasarCore
import PasarLocalization

/// Writes an order snapshot to its tables and reads it back.
enum SQLiteOrderRows {
    static func insert(_ db: Database, draft: OrderDraft, encoded columns: OrderWriteRules.Encoded, idempotencyKey: String, location: String) throws {
        let totals = draft.totals
        do {
            try db.executeCached(
                sql: """
                    INSERT INTO orders (id, number, idempotency_key, cart_id, customer_id, email, market, channel, language, currency,
                        prices_include_tax, status, fulfilment, location, shipping_method, shipping_address, pickup_store, payment_provider,
                        payment_reference, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, snapshot, placed_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'placed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    draft.id, draft.number, idempotencyKey, draft.cartID, draft.customerID, draft.email, draft.market, draft.channel,
                    draft.language, totals.total.currency.code, draft.pricesIncludeTax, draft.fulfilment.kind.rawValue, location, columns.shippingMethod,
                    columns.shippingAddress, columns.pickupStore, draft.payment.provider, draft.payment.reference, totals.subtotal.minorUnits, totals.discount.minorUnits,
                    totals.shipping.minorUnits, totals.tax.minorUnits, totals.total.minorUnits, columns.snapshot,
                    draft.placedAt.millis, draft.placedAt.millis,
                ])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && error.message?.contains("orders.number") == true {
            // Order numbers are short and random; the caller draws another one and tries again.
            throw StorageError.conflict(field: "number", message: "order number \(draft.number) is taken")
        }
        for (line, formatted) in zip(draft.lines, columns.lineFormatted) {
            try db.executeCached(
                sql: """
                    INSERT INTO order_lines (order_id, line_number, sku, product_id, name, quantity, unit_minor, amount_minor, discount_minor,
                        tax_rate, net_minor, tax_minor, gross_minor, formatted, shipment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    draft.id, line.number, line.sku, line.productID, line.name, line.quantity, line.unitAmount.minorUnits,
                    line.amount.minorUnits, line.discount.minorUnits, line.taxRate.description, line.net.minorUnits, line.tax.minorUnits,
                    line.gross.minorUnits, formatted, columns.firstShipment,
                ])
        }
        try recordStatus(db, orderID: draft.id, status: .placed, actor: draft.channel, note: nil, at: draft.placedAt)
    }

    static func recordStatus(_ db: Database, orderID: String, status: OrderStatus, actor: String, note: String?, at: Date) throws {
        try SQLiteSQL.executeCached(db, OrderStatusSQL.record(orderID: orderID, status: status, actor: actor, note: note, at: at))
    }

    static func require(_ db: Database, id: String) throws -> Order {
        guard let order = try fetch(db, id: id) else { throw OrderStoreError.orderNotFound(id) }
        return order
    }

    static func fetch(_ db: Database, id: String) throws -> Order? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM orders WHERE id = ?", arguments: [id]) else { return nil }
        let currency = try OrderSnapshot.currency(row["currency"])
        let snapshot = try JSONColumn.decode(OrderSnapshot.self, from: row["snapshot"])
        let lineRows = try Row.fetchAll(db, sql: "SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_number", arguments: [id])
        let lines = try lineRows.map { try line($0, currency: currency) }
        let history = try Row.fetchAll(
            db, sql: "SELECT * FROM order_status_changes WHERE order_id = ? ORDER BY changed_at, rowid", arguments: [id]
        ).map { change in
            OrderStatusChange(
                status: try OrderSnapshot.status(change["status"]), actor: change["actor"], note: change["note"], at: Date(millis: change["changed_at"]))
        }
        let draft = OrderDraft(
            id: id, number: row["number"], cartID: row["cart_id"], customerID: row["customer_id"], email: row["email"], market: row["market"],
            channel: row["channel"], language: row["language"], pricesIncludeTax: row["prices_include_tax"], fulfilment: snapshot.fulfilment,
            stockLocations: snapshot.stockLocations, lines: lines, totals: snapshot.totals, vouchers: snapshot.vouchers,
            payment: snapshot.payment, placedAt: Date(millis: row["placed_at"]), delivery: snapshot.delivery)
        let paidAt: Int64? = row["paid_at"]
        let status = try OrderSnapshot.status(row["status"])
        var shipments: [String: [OrderShipment]] = [:]
        if snapshot.fulfilment.kind == .ship {
            let lineShipments = Dictionary(grouping: lineRows.compactMap { row in (row["shipment"] as Int64?).map { ($0, row["line_number"] as Int) } }, by: \.0)
                .mapValues { $0.map(\.1) }
            shipments = OrderShipmentSQL.shipments(try SQLiteSQL.rows(db, OrderShipmentSQL.select(orderIDs: [id])), lineShipments: [id: lineShipments])
        }
        return Order(
            status: status, draft: draft, stockLocation: row["location"], lines: lines, paidAt: paidAt.map(Date.init(millis:)),
            refunded: Money(minorUnits: row["refunded_minor"], currency: currency), history: history, shipments: shipments[id] ?? [],
            updatedAt: Date(millis: row["updated_at"]))
    }


    private static func line(_ row: Row, currency: Currency) throws -> OrderLine {
        func money(_ column: String) -> Money { Money(minorUnits: row[column], currency: currency) }
        guard let rate = try? ExactDecimal(row["tax_rate"] as String) else { throw StorageError.corrupt("tax rate") }
        return OrderLine(
            number: row["line_number"], sku: row["sku"], productID: row["product_id"], name: row["name"], quantity: row["quantity"],
            returnedQuantity: row["returned_quantity"], unitAmount: money("unit_minor"), amount: money("amount_minor"),
            discount: money("discount_minor"), taxRate: rate, net: money("net_minor"), tax: money("tax_minor"), gross: money("gross_minor"),
            formatted: try JSONColumn.decode([String: String].self, from: row["formatted"]))
    }
}
