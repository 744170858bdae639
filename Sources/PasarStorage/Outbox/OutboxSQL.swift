import FoundationEssentials

/// Reading the outbox, the same on both databases.
enum OutboxSQL {
    static let columns = "sequence, type, resource_id, customer_id, market, language, arguments, created_at"

    /// Up to `limit` events after `sequence`, oldest first.
    static func events(after sequence: Int64, limit: Int) -> SQLFragment {
        "SELECT \(raw: columns) FROM outbox_events WHERE sequence > \(sequence) ORDER BY sequence LIMIT \(limit)"
    }

    static func event(_ row: [SQLValue?]) throws -> OutboxEvent {
        guard let kind = row[1]?.text.flatMap(OutboxEvent.Kind.init(rawValue:)) else { throw StorageError.corrupt("outbox event type") }
        return OutboxEvent(
            sequence: row[0]?.integer ?? 0, kind: kind, resourceID: row[2]?.text ?? "", customerID: row[3]?.text, market: row[4]?.text ?? "",
            language: row[5]?.text ?? "", arguments: try JSONColumn.decode(OutboxEvent.Arguments.self, from: row[6]?.text ?? ""),
            createdAt: Date(millis: row[7]?.integer ?? 0))
    }
}
