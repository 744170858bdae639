public import FoundationEssentials

/// Emails to customers on either database, decided here once (`SharedSQLRunner`), as `WebhookStore`
/// does for webhooks: `fanOut` turns the outbox's order and cart events into pending emails, idempotently
/// (one email per event, ever, whichever process gets there first); `claim` leases due ones to one
/// process; a lease that runs out (a crash) makes an email due again, with the same `Message-ID`.
public final class EmailStore: Sendable {
    let runner: any SharedSQLRunner

    /// The order events a customer is told of by email (`order_collected` happens in front of them);
    /// besides these, `cart_abandoned` becomes a reminder to a consenting address.
    public static let orderKinds = [
        "order_placed", "order_paid", "order_ready_for_pickup", "order_shipped", "order_delivered", "order_cancelled", "refund_issued",
        "return_received",
    ]
    /// Events older than this when first seen are not mailed: a server that starts sending after a
    /// pause does not flood customers with news of last month.
    public static let maximumAge: TimeInterval = 86_400

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// Turns up to `limit` outbox events after the cursor into pending emails to the orders'
    /// addresses and moves the cursor past them; returns how many events it looked at.
    @discardableResult
    public func fanOut(now: Date, limit: Int = 500) async throws -> Int {
        guard let cursor = try await runner.rows("SELECT sequence FROM email_outbox_cursor WHERE id = 1").first?.first??.integer else {
            throw StorageError.corrupt("email outbox cursor")
        }
        let next = try await runner.rows(
            "SELECT COUNT(*), MAX(sequence) FROM (SELECT sequence FROM outbox_events WHERE sequence > \(cursor) ORDER BY sequence LIMIT \(limit)) next_events"
        ).first
        guard let seen = next?[0]?.integer, seen > 0, let upTo = next?[1]?.integer else { return 0 }
        let oldest = now.addingTimeInterval(-Self.maximumAge).millis
        let newEvents: SQLFragment = "e.sequence > \(cursor) AND e.sequence <= \(upTo) AND e.created_at >= \(oldest)"
        let pending: SQLFragment = "'pending', 0, \(now.millis), 0, \(now.millis), \(now.millis)"
        _ = try await runner.write([
            """
            INSERT INTO email_messages (id, kind, recipient, language, market, event_sequence, order_id, status, attempts, \
            next_attempt_at, lease_until, created_at, updated_at) \
            SELECT 'evt_' || e.sequence, e.type, o.email, e.language, e.market, e.sequence, e.resource_id, \(pending) \
            FROM outbox_events e JOIN orders o ON o.id = e.resource_id \
            WHERE \(newEvents) AND e.resource_type = 'order' AND o.email IS NOT NULL AND o.email <> '' \
            AND e.type IN (\(SQLFragment.list(Self.orderKinds.map(SQLValue.text)))) \
            ON CONFLICT DO NOTHING
            """,
            // Reminders are marketing: only to an address that still consents.
            """
            INSERT INTO email_messages (id, kind, recipient, language, market, event_sequence, cart_id, status, attempts, \
            next_attempt_at, lease_until, created_at, updated_at) \
            SELECT 'evt_' || e.sequence, e.type, \(raw: MarketingStore.recipient), e.language, e.market, e.sequence, c.id, \(pending) \
            FROM outbox_events e JOIN carts c ON c.id = e.resource_id \(raw: MarketingStore.customerOfCart) \
            WHERE \(newEvents) AND e.type = 'cart_abandoned' AND \(raw: MarketingStore.recipient) <> '' AND \(raw: MarketingStore.consented) \
            ON CONFLICT DO NOTHING
            """,
            "UPDATE email_outbox_cursor SET sequence = \(upTo) WHERE id = 1 AND sequence < \(upTo)",
        ])
        return Int(seen)
    }

    /// Leases up to `limit` due emails to the caller until `leaseUntil` and counts the attempt.
    public func claim(now: Date, leaseUntil: Date, limit: Int) async throws -> [EmailMessage] {
        let lock = runner.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await runner.write([
            """
            UPDATE email_messages SET lease_until = \(leaseUntil.millis), attempts = attempts + 1, updated_at = \(now.millis) \
            WHERE id IN (SELECT id FROM email_messages WHERE status = 'pending' AND next_attempt_at <= \(now.millis) \
            AND lease_until <= \(now.millis) ORDER BY next_attempt_at, id LIMIT \(limit)\(raw: lock)) \
            RETURNING \(raw: Self.columns)
            """
        ])
        return try (rows.first ?? []).map(Self.message)
    }

    /// Records an attempt: sent; or due again at `retryAt`; or failed when there is none.
    public func record(_ message: EmailMessage, sentAt: Date?, error: String?, retryAt: Date?, now: Date) async throws {
        let status: EmailMessage.Status = sentAt != nil ? .sent : (retryAt != nil ? .pending : .failed)
        _ = try await runner.write([
            """
            UPDATE email_messages SET status = \(status.rawValue), sent_at = \(sentAt?.millis), last_error = \(error), \
            next_attempt_at = \((retryAt ?? now).millis), lease_until = 0, updated_at = \(now.millis) WHERE id = \(message.id)
            """
        ])
    }

    /// Emails, newest event first, optionally of one status or one order; `before` (an event
    /// sequence) pages on.
    public func messages(status: EmailMessage.Status?, orderID: String?, before: Int64?, limit: Int) async throws -> [EmailMessage] {
        var filter: SQLFragment = "event_sequence IS NOT NULL"
        if let status { filter = filter + " AND status = \(status.rawValue)" }
        if let orderID { filter = filter + " AND order_id = \(orderID)" }
        if let before { filter = filter + " AND event_sequence < \(before)" }
        return try await runner.rows(
            "SELECT \(raw: Self.columns) FROM email_messages WHERE \(filter) ORDER BY event_sequence DESC LIMIT \(limit)"
        ).map(Self.message)
    }

    /// Makes an email due now, as a new round of attempts; false when there is none.
    public func resend(id: String, now: Date) async throws -> Bool {
        let changed = try await runner.write([
            """
            UPDATE email_messages SET status = 'pending', attempts = 0, next_attempt_at = \(now.millis), lease_until = 0, \
            updated_at = \(now.millis) WHERE id = \(id) RETURNING id
            """
        ])
        return changed.first?.isEmpty == false
    }

    // MARK: Rows

    static let columns =
        "id, kind, recipient, language, market, event_sequence, order_id, cart_id, status, attempts, next_attempt_at, last_error, created_at, sent_at"

    static func message(_ row: [SQLValue?]) throws -> EmailMessage {
        guard let status = row[8]?.text.flatMap(EmailMessage.Status.init(rawValue:)) else { throw StorageError.corrupt("email status") }
        return EmailMessage(
            id: row[0]?.text ?? "", kind: row[1]?.text ?? "", recipient: row[2]?.text ?? "", language: row[3]?.text ?? "",
            market: row[4]?.text ?? "", eventSequence: row[5]?.integer, orderID: row[6]?.text, cartID: row[7]?.text, status: status,
            attempts: row[9]?.integer ?? 0, nextAttemptAt: Date(millis: row[10]?.integer ?? 0), lastError: row[11]?.text,
            createdAt: Date(millis: row[12]?.integer ?? 0), sentAt: row[13]?.integer.map(Date.init(millis:)))
    }
}
