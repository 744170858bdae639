public import FoundationEssentials

/// Transfers on either database (`SharedSQLRunner`): requesting one and reading them. The steps
/// that move stock run in the inventory stores (`InventoryStore.run(_:)`), through their ledgers.
public final class TransferStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    public func create(_ new: NewStockTransfer) async throws -> StockTransfer {
        var statements: [SQLFragment] = [
            """
            INSERT INTO stock_transfers (id, market, from_location, to_location, status, note, created_by, created_at, updated_at) \
            VALUES (\(new.id), \(new.market), \(new.from), \(new.to), 'requested', \(new.note), \(new.actor), \(new.now.millis), \(new.now.millis))
            """
        ]
        for line in new.lines {
            statements.append("INSERT INTO stock_transfer_lines (transfer_id, sku, quantity) VALUES (\(new.id), \(line.sku), \(line.quantity))")
        }
        _ = try await runner.write(statements)
        guard let created = try await transfer(id: new.id) else { throw StorageError.corrupt("stock transfer") }
        return created
    }

    public func transfer(id: String) async throws -> StockTransfer? {
        try await transfers("id = \(id)", limit: 1).first
    }

    /// Transfers touching `location` (either end) or all, optionally of one status, newest first.
    public func transfers(location: String?, status: StockTransfer.Status?, limit: Int) async throws -> [StockTransfer] {
        var filter: SQLFragment = "1 = 1"
        if let location { filter = filter + " AND (from_location = \(location) OR to_location = \(location))" }
        if let status { filter = filter + " AND status = \(status.rawValue)" }
        return try await transfers(filter, limit: limit)
    }

    private func transfers(_ filter: SQLFragment, limit: Int) async throws -> [StockTransfer] {
        let rows = try await runner.rows(
            """
            SELECT id, market, from_location, to_location, status, note, created_by, created_at, updated_at, shipped_at, received_at \
            FROM stock_transfers WHERE \(filter) ORDER BY created_at DESC, \(raw: runner.dialect.bytewise("id")) DESC LIMIT \(limit)
            """)
        guard !rows.isEmpty else { return [] }
        let ids = rows.compactMap { $0[0]?.text }
        let lines = Dictionary(
            grouping: try await runner.rows(
                """
                SELECT transfer_id, sku, quantity FROM stock_transfer_lines WHERE transfer_id IN (\(SQLFragment.list(ids.map(SQLValue.text)))) \
                ORDER BY transfer_id, \(raw: runner.dialect.bytewise("sku"))
                """),
            by: { $0[0]?.text ?? "" })
        return try rows.map { row in
            guard let id = row[0]?.text, let status = row[4]?.text.flatMap(StockTransfer.Status.init(rawValue:)) else {
                throw StorageError.corrupt("stock transfer")
            }
            return StockTransfer(
                id: id, market: row[1]?.text ?? "", from: row[2]?.text ?? "", to: row[3]?.text ?? "", status: status,
                lines: (lines[id] ?? []).map { StockTransfer.Line(sku: $0[1]?.text ?? "", quantity: $0[2]?.integer ?? 0) }, note: row[5]?.text,
                createdBy: row[6]?.text ?? "", createdAt: Date(millis: row[7]?.integer ?? 0), updatedAt: Date(millis: row[8]?.integer ?? 0),
                shippedAt: row[9]?.integer.map(Date.init(millis:)), receivedAt: row[10]?.integer.map(Date.init(millis:)))
        }
    }
}
