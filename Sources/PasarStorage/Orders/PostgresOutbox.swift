import FoundationEssentials
import PostgresNIO

/// The transactional outbox on PostgreSQL: events are appended inside the transaction of the
/// change they report, one appending transaction at a time.
///
/// An identity column hands out sequence numbers when rows are inserted, not when they commit: if
/// one transaction drew 41 and another 42, and 42 committed first, a reader could page past 42
/// while 41 was still invisible and never see 41. So every appender first takes a transaction-level
/// advisory lock (`lockKey`), held until it commits or rolls back: numbers are drawn and made
/// visible in the same order, and a reader paging by sequence never skips one.
enum PostgresOutbox {
    /// Any fixed number no other Pasar lock uses ("pasar_ev"); taken only here.
    static let lockKey: Int64 = 0x7061_7361_725F_6576

    /// One statement: the lock and the insert go in a single round trip. Taken again by a second
    /// append in the same transaction, the lock costs nothing.
    static func append(_ connection: PostgresConnection, _ entry: OutboxEntry) async throws {
        try await connection.execute(
            """
            WITH serialized AS (SELECT pg_advisory_xact_lock(\(lockKey)))
            INSERT INTO order_events (type, order_id, customer_id, market, language, arguments, created_at)
            SELECT \(entry.kind.rawValue), \(entry.orderID), \(entry.customerID), \(entry.market), \(entry.language), \(entry.arguments),
                \(entry.createdAt.millis)
            FROM serialized
            """)
    }

    static func events(_ connection: PostgresConnection, after sequence: Int64, limit: Int) async throws -> [OrderEvent] {
        try await connection.rows("SELECT * FROM order_events WHERE sequence > \(sequence) ORDER BY sequence LIMIT \(Int64(limit))").map { row in
            guard let kind = OrderEvent.Kind(rawValue: try row.get("type")) else { throw StorageError.corrupt("order event type") }
            return OrderEvent(
                sequence: try row.get("sequence"), kind: kind, orderID: try row.get("order_id"), customerID: try row.get("customer_id"),
                market: try row.get("market"), language: try row.get("language"),
                arguments: try JSONColumn.decode(OrderEvent.Arguments.self, from: try row.get("arguments")),
                createdAt: Date(millis: try row.get("created_at")))
        }
    }
}
