import GRDB

/// The transactional outbox: events are appended inside the transaction of the change they report.
enum SQLiteOutbox {
    static func append(_ db: Database, _ entry: OutboxEntry) throws {
        try SQLiteSQL.executeCached(db, entry.insert(dialect: .sqlite))
    }

    static func events(_ db: Database, after sequence: Int64, limit: Int) throws -> [OutboxEvent] {
        try SQLiteSQL.rows(db, OutboxSQL.events(after: sequence, limit: limit)).map(OutboxSQL.event)
    }
}
