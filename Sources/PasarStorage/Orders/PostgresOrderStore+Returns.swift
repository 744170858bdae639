import FoundationEssentials
import PasarCore
import PostgresNIO

extension PostgresOrderStore {
    /// One transaction, the order row locked first so returns of one order take turns and each reads
    /// the counts the previous one left: each line's returned count grows by a conditional update
    /// whose `RETURNING` value tells which units come back (so the refund is those units' exact
    /// share); `OrderReturnPlan` decides the rest, and the refund is added under `refunded ≤ total`.
    public func recordReturn(_ request: ReturnRequest) async throws -> OrderReturn {
        try await database.write { connection in
            try await Self.lockOrder(connection, id: request.orderID)
            let order = try await PostgresOrderRows.require(connection, id: request.orderID)
            var lines: [OrderReturn.Line] = []
            for (line, quantity) in try OrderReturnPlan.requestedLines(request, of: order) {
                let returned = try await connection.value(
                    """
                    UPDATE order_lines SET returned_quantity = returned_quantity + \(quantity)
                    WHERE order_id = \(order.id) AND line_number = \(Int64(line.number)) AND returned_quantity + \(quantity) <= quantity
                    RETURNING returned_quantity
                    """, as: Int64.self)
                lines.append(try OrderWriteRules.returnLine(line, of: order, quantity: quantity, returnedAfter: returned))
            }
            let plan = try OrderReturnPlan(request, of: order, lines: lines)
            for line in plan.restock {
                try await PostgresStockLedger.add(
                    connection, location: request.location, sku: line.sku, delta: line.refund.quantity, reason: .return,
                    .init(reference: request.id, note: request.reason, actor: request.channel, now: request.now))
            }
            let refunded = try await connection.execute(
                """
                UPDATE orders SET refunded_minor = refunded_minor + \(plan.refund.minorUnits), updated_at = \(request.now.millis)
                WHERE id = \(order.id) AND refunded_minor + \(plan.refund.minorUnits) <= total_minor
                """)
            guard refunded == 1 else { throw StorageError.corrupt("refunds of order \(order.id) exceed its total") }
            try await Self.insertReturn(connection, request, lines: lines, total: plan.refund, tax: plan.refundTax)
            for event in plan.events {
                try await PostgresOutbox.append(connection, OutboxEntry(event.kind, of: order, arguments: event.arguments, now: request.now))
            }
            for statement in plan.sharedStatements { try await PostgresSQL.execute(connection, statement) }
            return plan.stored
        }
    }

    private static func insertReturn(
        _ connection: PostgresConnection, _ request: ReturnRequest, lines: [OrderReturn.Line], total: Money, tax: Money
    ) async throws {
        try await connection.execute(
            """
            INSERT INTO returns (id, order_id, channel, location, reason, refund_minor, refund_tax_minor, created_at)
            VALUES (\(request.id), \(request.orderID), \(request.channel), \(request.location), \(request.reason), \(total.minorUnits),
                \(tax.minorUnits), \(request.now.millis))
            """)
        for line in lines {
            try await connection.execute(
                """
                INSERT INTO return_lines (return_id, line_number, quantity, amount_minor, discount_minor, tax_minor, refund_minor)
                VALUES (\(request.id), \(Int64(line.lineNumber)), \(line.refund.quantity), \(line.refund.amount.minorUnits),
                    \(line.refund.discount.minorUnits), \(line.refund.tax.minorUnits), \(line.refund.gross.minorUnits))
                """)
        }
    }

    public func setRefundReference(returnID: String, reference: String) async throws {
        try await database.write { connection in
            try await connection.execute("UPDATE returns SET payment_reference = \(reference) WHERE id = \(returnID)")
        }
    }

    public func returns(orderID: String) async throws -> [OrderReturn] {
        try await PostgresOrderRows.consistentRead(database) { connection in
            guard let order = try await PostgresOrderRows.fetch(connection, id: orderID) else { return [] }
            let currency = order.refunded.currency
            let skus = Dictionary(uniqueKeysWithValues: order.lines.map { ($0.number, $0.sku) })
            let returnRows = try await connection.rows(#"SELECT * FROM returns WHERE order_id = \#(orderID) ORDER BY created_at, id COLLATE "C""#)
            guard !returnRows.isEmpty else { return [] }
            let ids = try returnRows.map { try $0.get("id", as: String.self) }
            let lineRows = Dictionary(
                grouping: try await connection.rows("SELECT * FROM return_lines WHERE return_id = ANY(\(ids)) ORDER BY return_id, line_number"),
                by: { (try? $0.get("return_id", as: String.self)) ?? "" })
            return try zip(ids, returnRows).map { id, row in
                let lines = try (lineRows[id] ?? []).map { line in
                    func money(_ column: String) throws -> Money { Money(minorUnits: try line.get(column), currency: currency) }
                    let gross = try money("refund_minor")
                    let tax = try money("tax_minor")
                    let refund = RefundCalculator.Refund(
                        quantity: try line.get("quantity"), amount: try money("amount_minor"), discount: try money("discount_minor"), tax: tax,
                        net: try gross.subtracting(tax), gross: gross)
                    let number = try line.get("line_number", as: Int.self)
                    return OrderReturn.Line(lineNumber: number, sku: skus[number] ?? "", refund: refund)
                }
                return OrderReturn(
                    id: id, orderID: orderID, channel: try row.get("channel"), location: try row.get("location"), reason: try row.get("reason"),
                    lines: lines, refund: Money(minorUnits: try row.get("refund_minor"), currency: currency),
                    refundTax: Money(minorUnits: try row.get("refund_tax_minor"), currency: currency),
                    paymentReference: try row.get("payment_reference"), createdAt: Date(millis: try row.get("created_at")))
            }
        }
    }
}
