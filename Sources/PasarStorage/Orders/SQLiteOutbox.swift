import FoundationEssentials
import GRDB

/// The transactional outbox: events are appended inside the transaction of the change they report.
enum SQLiteOutbox {
    static func append(_ db: Database, _ entry: OutboxEntry) throws {
        try db.executeCached(
            sql: """
                INSERT INTO order_events (type, order_id, customer_id, market, language, arguments, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [entry.kind.rawValue, entry.orderID, entry.customerID, entry.market, entry.language, entry.arguments, entry.createdAt.millis])
    }

    static func events(_ db: Database, after sequence: Int64, limit: Int) throws -> [OrderEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM order_events WHERE sequence > ? ORDER BY sequence LIMIT ?", arguments: [sequence, limit])
            .map { row in
                guard let kind = OrderEvent.Kind(rawValue: row["type"]) else { throw StorageError.corrupt("order event type") }
                return OrderEvent(
                    sequence: row["sequence"], kind: kind, orderID: row["order_id"], customerID: row["customer_id"], market: row["market"],
                    language: row["language"], arguments: try JSONColumn.decode(OrderEvent.Arguments.self, from: row["arguments"]),
                    createdAt: Date(millis: row["created_at"]))
            }
    }
}
