import FoundationEssentials
import GRDB
import PasarCore

extension SQLiteOrderStore {
    /// One transaction: each line's returned count grows by a conditional update whose `RETURNING`
    /// value tells which units come back (so the refund is those units' exact share); `OrderReturnPlan`
    /// decides the rest, and the refund is added to the order under `refunded ≤ total`.
    public func recordReturn(_ request: ReturnRequest) async throws -> OrderReturn {
        try await pool.write { db in
            let order = try SQLiteOrderRows.require(db, id: request.orderID)
            var lines: [OrderReturn.Line] = []
            for (line, quantity) in try OrderReturnPlan.requestedLines(request, of: order) {
                let returned = try Int64.fetchOne(
                    db,
                    sql: """
                        UPDATE order_lines SET returned_quantity = returned_quantity + ?1
                        WHERE order_id = ?2 AND line_number = ?3 AND returned_quantity + ?1 <= quantity
                        RETURNING returned_quantity
                        """,
                    arguments: [quantity, order.id, line.number])
                lines.append(try OrderWriteRules.returnLine(line, of: order, quantity: quantity, returnedAfter: returned))
            }
            let plan = try OrderReturnPlan(request, of: order, lines: lines)
            for line in plan.restock {
                try SQLiteStockLedger.add(
                    db, location: request.location, sku: line.sku, delta: line.refund.quantity, reason: .return,
                    .init(reference: request.id, note: request.reason, actor: request.channel, now: request.now))
            }
            try db.execute(
                sql: "UPDATE orders SET refunded_minor = refunded_minor + ?1, updated_at = ?2 WHERE id = ?3 AND refunded_minor + ?1 <= total_minor",
                arguments: [plan.refund.minorUnits, request.now.millis, order.id])
            guard db.changesCount == 1 else { throw StorageError.corrupt("refunds of order \(order.id) exceed its total") }
            try insertReturn(db, request, lines: lines, total: plan.refund, tax: plan.refundTax)
            for event in plan.events {
                try SQLiteOutbox.append(db, OutboxEntry(event.kind, of: order, arguments: event.arguments, now: request.now))
            }
            for statement in plan.sharedStatements { try SQLiteSQL.execute(db, statement) }
            return plan.stored
        }
    }

    private func insertReturn(_ db: Database, _ request: ReturnRequest, lines: [OrderReturn.Line], total: Money, tax: Money) throws {
        try db.execute(
            sql: """
                INSERT INTO returns (id, order_id, channel, location, reason, refund_minor, refund_tax_minor, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [request.id, request.orderID, request.channel, request.location, request.reason, total.minorUnits, tax.minorUnits, request.now.millis])
        for line in lines {
            try db.execute(
                sql: """
                    INSERT INTO return_lines (return_id, line_number, quantity, amount_minor, discount_minor, tax_minor, refund_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    request.id, line.lineNumber, line.refund.quantity, line.refund.amount.minorUnits, line.refund.discount.minorUnits,
                    line.refund.tax.minorUnits, line.refund.gross.minorUnits,
                ])
        }
    }

    public func setRefundReference(returnID: String, reference: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE returns SET payment_reference = ? WHERE id = ?", arguments: [reference, returnID])
        }
    }

    public func returns(orderID: String) async throws -> [OrderReturn] {
        try await pool.read { db in
            guard let order = try SQLiteOrderRows.fetch(db, id: orderID) else { return [] }
            let currency = order.refunded.currency
            let skus = Dictionary(uniqueKeysWithValues: order.lines.map { ($0.number, $0.sku) })
            return try Row.fetchAll(db, sql: "SELECT * FROM returns WHERE order_id = ? ORDER BY created_at, id", arguments: [orderID]).map { row in
                let id: String = row["id"]
                let lines = try Row.fetchAll(db, sql: "SELECT * FROM return_lines WHERE return_id = ? ORDER BY line_number", arguments: [id])
                    .map { line in
                        func money(_ column: String) -> Money { Money(minorUnits: line[column], currency: currency) }
                        let gross = money("refund_minor")
                        let tax = money("tax_minor")
                        let refund = RefundCalculator.Refund(
                            quantity: line["quantity"], amount: money("amount_minor"), discount: money("discount_minor"), tax: tax,
                            net: try gross.subtracting(tax), gross: gross)
                        let number: Int = line["line_number"]
                        return OrderReturn.Line(lineNumber: number, sku: skus[number] ?? "", refund: refund)
                    }
                return OrderReturn(
                    id: id, orderID: orderID, channel: row["channel"], location: row["location"], reason: row["reason"], lines: lines,
                    refund: Money(minorUnits: row["refund_minor"], currency: currency),
                    refundTax: Money(minorUnits: row["refund_tax_minor"], currency: currency), paymentReference: row["payment_reference"],
                    createdAt: Date(millis: row["created_at"]))
            }
        }
    }
}
