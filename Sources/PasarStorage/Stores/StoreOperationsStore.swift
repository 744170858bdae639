public import FoundationEssentials
public import PasarCore
import PasarLocalization

/// What a store's staff read, on either database (`SharedSQLRunner`): the pickup queue, the audit
/// log and what was taken at the till for an order. The writes happen inside order steps
/// (`TillRecord`), so they share the step's transaction.
public final class StoreOperationsStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// Ids of the collect orders at `store` in one of `statuses`, oldest first.
    public func pickupQueue(store: String, statuses: [OrderStatus], limit: Int) async throws -> [String] {
        try await runner.rows(
            """
            SELECT id FROM orders WHERE pickup_store = \(store) AND status IN (\(SQLFragment.list(statuses.map { .text($0.rawValue) }))) \
            ORDER BY placed_at, \(raw: runner.dialect.bytewise("id")) LIMIT \(limit)
            """
        ).compactMap { $0[0]?.text }
    }

    /// Records something done at a store outside an order step (a stock adjustment, a return).
    public func recordAudit(store: String, keyName: String, operatorID: String, action: String, orderID: String?, detail: String?, now: Date) async throws {
        _ = try await runner.write([
            StoreAudit.append(store: store, keyName: keyName, operatorID: operatorID, action: action, orderID: orderID, detail: detail, now: now)
        ])
    }

    /// The store's audit log, newest first; `before` (an entry id) pages on.
    public func audit(store: String, before: Int64?, limit: Int) async throws -> [StoreAuditEntry] {
        var filter: SQLFragment = "store = \(store)"
        if let before { filter = filter + " AND id < \(before)" }
        return try await runner.rows(
            "SELECT id, store, key_name, operator, action, order_id, detail, created_at FROM store_audit_log WHERE \(filter) ORDER BY id DESC LIMIT \(limit)"
        ).map { row in
            StoreAuditEntry(
                id: row[0]?.integer ?? 0, store: row[1]?.text ?? "", keyName: row[2]?.text ?? "", operatorID: row[3]?.text ?? "",
                action: row[4]?.text ?? "", orderID: row[5]?.text, detail: row[6]?.text, createdAt: Date(millis: row[7]?.integer ?? 0))
        }
    }

    /// What was taken at the till for an order, in the order it was taken.
    public func tenders(orderID: String) async throws -> [RecordedTender] {
        try await runner.rows(
            """
            SELECT kind, amount_minor, currency, reference, cash_adjustment_minor, store, operator, created_at FROM order_tenders \
            WHERE order_id = \(orderID) ORDER BY number
            """
        ).compactMap { row in
            guard let kind = row[0]?.text.flatMap(TillTender.Kind.init(rawValue:)), let code = row[2]?.text,
                let currency = try? CurrencyCatalog.currency(code)
            else { return nil }
            return RecordedTender(
                tender: TillTender(kind: kind, amount: Money(minorUnits: row[1]?.integer ?? 0, currency: currency), reference: row[3]?.text),
                cashAdjustment: Money(minorUnits: row[4]?.integer ?? 0, currency: currency), store: row[5]?.text ?? "",
                operatorID: row[6]?.text ?? "", createdAt: Date(millis: row[7]?.integer ?? 0))
        }
    }
}

/// A tender as recorded on an order: where, by whom, with its cash rounding.
public struct RecordedTender: Sendable, Equatable {
    public let tender: TillTender
    public let cashAdjustment: Money
    public let store: String
    public let operatorID: String
    public let createdAt: Date
}
