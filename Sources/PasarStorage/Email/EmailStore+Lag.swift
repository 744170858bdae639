public import FoundationEssentials

extension EmailStore {
    /// When the outbox event of the oldest email still pending (waiting for its next attempt, or
    /// being sent) was written; nil when none is. One index lookup: cheap enough for every scrape.
    public func oldestUnsentEvent() async throws -> Date? {
        let row = try await runner.rows(
            """
            SELECT MIN(e.created_at) FROM email_messages m JOIN outbox_events e ON e.sequence = m.event_sequence \
            WHERE m.status = 'pending'
            """
        ).first
        return row?.first??.integer.map(Date.init(millis:))
    }
}
