public import FoundationEssentials

extension WebhookStore {
    /// When the oldest outbox event that an enabled subscription has not received yet was written:
    /// a delivery still pending (waiting for its next attempt, or being tried), or an event past a
    /// subscription's cursor that no delivery was made of yet (a sender that stopped fanning out);
    /// nil when every subscription is up to date. Events a subscription does not want count until
    /// fan-out moves its cursor past them. Two index lookups: cheap enough to run on every scrape.
    public func oldestUndeliveredEvent() async throws -> Date? {
        let row = try await runner.rows(
            """
            SELECT (SELECT MIN(e.created_at) FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id \
            JOIN outbox_events e ON e.sequence = d.event_sequence WHERE d.status = 'pending' AND s.enabled = 1), \
            (SELECT e.created_at FROM outbox_events e \
            WHERE e.sequence > (SELECT MIN(outbox_cursor) FROM webhook_subscriptions WHERE enabled = 1) ORDER BY e.sequence LIMIT 1)
            """
        ).first
        return (row ?? []).compactMap { $0?.integer }.min().map(Date.init(millis:))
    }
}
