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

    /// One statement (`OutboxEntry.insert`): the lock and the insert go in a single round trip.
    /// Taken again by a second append in the same transaction, the lock costs nothing.
    static func append(_ connection: PostgresConnection, _ entry: OutboxEntry) async throws {
        try await PostgresSQL.execute(connection, entry.insert(dialect: .postgres))
    }

    static func events(_ connection: PostgresConnection, after sequence: Int64, limit: Int) async throws -> [OutboxEvent] {
        try await PostgresSQL.rows(connection, OutboxSQL.events(after: sequence, limit: limit)).map(OutboxSQL.event)
    }
}
