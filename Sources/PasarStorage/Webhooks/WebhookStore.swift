public import FoundationEssentials

/// Webhook subscriptions, their deliveries and the delivery log, on either database: every rule is
/// decided here, once; each database only runs the SQL (`SharedSQLRunner`).
///
/// Deliveries come from the outbox (`outbox_events`): each subscription keeps a cursor, and `fanOut`
/// turns the events after it into pending deliveries, idempotently, so two processes doing it at once
/// make each delivery once. `claim` leases due deliveries to one process (`FOR UPDATE SKIP LOCKED` on
/// PostgreSQL, the single writer on SQLite); a lease that runs out (a crashed process) makes the
/// delivery due again, so nothing acknowledged by the outbox is lost and a delivery in flight may be
/// repeated, with the same id.
public final class WebhookStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    // MARK: Subscriptions

    public func create(_ new: NewWebhookSubscription) async throws -> WebhookSubscription {
        let now = new.now.millis
        _ = try await runner.write([
            """
            INSERT INTO webhook_subscriptions (id, url, event_types, description, secret, enabled, consecutive_failures, outbox_cursor, \
            created_at, updated_at) \
            SELECT \(new.id), \(new.url), \(Self.typesColumn(new.eventTypes)), \(new.description), \(new.secret), 1, 0, \
            COALESCE(MAX(sequence), 0), \(now), \(now) FROM outbox_events
            """
        ])
        guard let created = try await subscription(id: new.id) else { throw StorageError.corrupt("webhook subscription") }
        return created
    }

    public func subscriptions() async throws -> [WebhookSubscription] {
        try await runner.rows("SELECT \(raw: Self.subscriptionColumns) FROM webhook_subscriptions ORDER BY created_at, id").map(Self.subscription)
    }

    public func subscription(id: String) async throws -> WebhookSubscription? {
        try await runner.rows("SELECT \(raw: Self.subscriptionColumns) FROM webhook_subscriptions WHERE id = \(id)").first.map(Self.subscription)
    }

    /// Applies `change`; turning a subscription back on clears its failures. Nil when there is none.
    public func update(id: String, _ change: WebhookSubscriptionChange, now: Date) async throws -> WebhookSubscription? {
        var sets: [SQLFragment] = ["updated_at = \(now.millis)"]
        if let url = change.url { sets.append("url = \(url)") }
        if let types = change.eventTypes { sets.append("event_types = \(Self.typesColumn(types))") }
        if let description = change.description { sets.append("description = \(description)") }
        if let enabled = change.enabled {
            sets.append("enabled = \(enabled ? 1 : 0)")
            if enabled { sets.append("disabled_reason = NULL, consecutive_failures = 0") }
        }
        let changed = try await runner.write(["UPDATE webhook_subscriptions SET \(SQLFragment.join(sets, separator: ", ")) WHERE id = \(id) RETURNING id"])
        guard changed.first?.isEmpty == false else { return nil }
        return try await subscription(id: id)
    }

    /// A new signing secret; the old one keeps signing until `overlapUntil`.
    public func rotateSecret(id: String, to secret: String, overlapUntil: Date, now: Date) async throws -> WebhookSubscription? {
        let changed = try await runner.write([
            """
            UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_expires_at = \(overlapUntil.millis), \
            secret = \(secret), updated_at = \(now.millis) WHERE id = \(id) RETURNING id
            """
        ])
        guard changed.first?.isEmpty == false else { return nil }
        return try await subscription(id: id)
    }

    /// Deletes the subscription with its deliveries and their log; false when there was none.
    public func delete(id: String) async throws -> Bool {
        let results = try await runner.write([
            "DELETE FROM webhook_attempts WHERE subscription_id = \(id)",
            "DELETE FROM webhook_deliveries WHERE subscription_id = \(id)",
            "DELETE FROM webhook_subscriptions WHERE id = \(id) RETURNING id",
        ])
        return results.last?.isEmpty == false
    }

    // MARK: Deliveries

    /// Turns up to `limit` outbox events after each enabled subscription's cursor into pending
    /// deliveries (for the types it wants) and moves the cursor past them; returns how many
    /// subscriptions are enabled (none: nothing can be due). Running it twice at once makes nothing twice.
    @discardableResult
    public func fanOut(now: Date, limit: Int = 500) async throws -> Int {
        var enabled = 0
        for row in try await runner.rows("SELECT id, event_types, outbox_cursor FROM webhook_subscriptions WHERE enabled = 1") {
            guard let id = row[0]?.text, let cursor = row[2]?.integer else { continue }
            enabled += 1
            let types = Self.types(row[1]?.text)
            let upTo = try await runner.rows(
                "SELECT MAX(sequence) FROM (SELECT sequence FROM outbox_events WHERE sequence > \(cursor) ORDER BY sequence LIMIT \(limit)) next_events"
            ).first?.first??.integer
            guard let upTo else { continue }
            let wanted: SQLFragment = types.isEmpty ? "" : " AND e.type IN (\(SQLFragment.list(types.map(SQLValue.text))))"
            _ = try await runner.write([
                """
                INSERT INTO webhook_deliveries (subscription_id, event_sequence, event_type, resource_type, resource_id, resource_sequence, status, attempts, \
                next_attempt_at, lease_until, created_at, updated_at) \
                SELECT \(id), e.sequence, e.type, e.resource_type, e.resource_id, \
                (SELECT COUNT(*) FROM outbox_events same WHERE same.resource_type = e.resource_type AND same.resource_id = e.resource_id \
                AND same.sequence <= e.sequence), \
                'pending', 0, \(now.millis), 0, \(now.millis), \(now.millis) \
                FROM outbox_events e WHERE e.sequence > \(cursor) AND e.sequence <= \(upTo)\(wanted) \
                ON CONFLICT DO NOTHING
                """,
                "UPDATE webhook_subscriptions SET outbox_cursor = \(upTo) WHERE id = \(id) AND outbox_cursor < \(upTo)",
            ])
        }
        return enabled
    }

    /// Leases up to `limit` due deliveries of enabled subscriptions to the caller until `leaseUntil`
    /// and counts the attempt; another process skips them while the lease holds.
    public func claim(now: Date, leaseUntil: Date, limit: Int) async throws -> [WebhookDelivery] {
        let lock = runner.dialect == .postgres ? " FOR UPDATE OF d SKIP LOCKED" : ""
        let rows = try await runner.write([
            """
            UPDATE webhook_deliveries SET lease_until = \(leaseUntil.millis), attempts = attempts + 1, updated_at = \(now.millis) \
            WHERE (subscription_id, event_sequence) IN (\
            SELECT d.subscription_id, d.event_sequence FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id \
            WHERE d.status = 'pending' AND d.next_attempt_at <= \(now.millis) AND d.lease_until <= \(now.millis) AND s.enabled = 1 \
            ORDER BY d.next_attempt_at, d.event_sequence LIMIT \(limit)\(raw: lock)) \
            RETURNING \(raw: Self.deliveryColumns)
            """
        ])
        return try (rows.first ?? []).map(Self.delivery)
    }

    /// Records an attempt's outcome: done on a 2xx; else due again at `retryAt`, or failed when
    /// there is none, which also turns the subscription off (`disabledReason`).
    public func record(_ attempt: WebhookAttempt, of delivery: WebhookDelivery, retryAt: Date?, now: Date) async throws {
        let key: SQLFragment = "subscription_id = \(delivery.subscriptionID) AND event_sequence = \(delivery.eventSequence)"
        var statements: [SQLFragment] = [
            """
            INSERT INTO webhook_attempts (subscription_id, event_sequence, number, attempted_at, status_code, error, duration_ms) \
            SELECT \(delivery.subscriptionID), \(delivery.eventSequence), COUNT(*) + 1, \(attempt.at.millis), \(attempt.statusCode), \
            \(attempt.error), \(attempt.durationMilliseconds) FROM webhook_attempts WHERE \(key)
            """
        ]
        let last: SQLFragment = "last_status_code = \(attempt.statusCode), last_error = \(attempt.error), lease_until = 0, updated_at = \(now.millis)"
        if attempt.succeeded {
            statements.append("UPDATE webhook_deliveries SET status = 'succeeded', \(last) WHERE \(key)")
            statements.append("UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = \(delivery.subscriptionID)")
        } else if let retryAt {
            statements.append("UPDATE webhook_deliveries SET next_attempt_at = \(retryAt.millis), \(last) WHERE \(key)")
            statements.append(
                "UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE id = \(delivery.subscriptionID)")
        } else {
            statements.append("UPDATE webhook_deliveries SET status = 'failed', \(last) WHERE \(key)")
            let reason = "event \(delivery.eventSequence) failed on every attempt"
            // Told once, by whichever final failure turns it off; merchants read it in English.
            let url = try await subscription(id: delivery.subscriptionID)?.url
            let disabled = try OutboxEntry(
                .webhookDisabled, resourceID: delivery.subscriptionID, customerID: nil, market: "", language: "en",
                arguments: .init(url: url), now: now)
            statements.append(
                disabled.insert(
                    dialect: runner.dialect,
                    onlyIf: "EXISTS (SELECT 1 FROM webhook_subscriptions WHERE id = \(delivery.subscriptionID) AND enabled = 1)"))
            statements.append(
                """
                UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, enabled = 0, \
                disabled_reason = \(reason), updated_at = \(now.millis) WHERE id = \(delivery.subscriptionID)
                """)
        }
        _ = try await runner.write(statements)
    }

    /// A subscription's deliveries, newest event first, each with its attempts; `before` pages on.
    public func deliveries(subscriptionID: String, status: WebhookDelivery.Status?, before: Int64?, limit: Int) async throws -> [WebhookDelivery] {
        var filter: SQLFragment = "subscription_id = \(subscriptionID)"
        if let status { filter = filter + " AND status = \(status.rawValue)" }
        if let before { filter = filter + " AND event_sequence < \(before)" }
        var deliveries = try await runner.rows(
            "SELECT \(raw: Self.deliveryColumns) FROM webhook_deliveries WHERE \(filter) ORDER BY event_sequence DESC LIMIT \(limit)"
        ).map(Self.delivery)
        guard let oldest = deliveries.last?.eventSequence, let newest = deliveries.first?.eventSequence else { return deliveries }
        var log: [Int64: [WebhookAttempt]] = [:]
        for row in try await runner.rows(
            """
            SELECT event_sequence, number, attempted_at, status_code, error, duration_ms FROM webhook_attempts \
            WHERE subscription_id = \(subscriptionID) AND event_sequence BETWEEN \(oldest) AND \(newest) ORDER BY event_sequence, number
            """)
        {
            guard let sequence = row[0]?.integer else { continue }
            log[sequence, default: []].append(
                WebhookAttempt(
                    number: row[1]?.integer ?? 0, at: Date(millis: row[2]?.integer ?? 0), statusCode: row[3]?.integer, error: row[4]?.text,
                    durationMilliseconds: row[5]?.integer ?? 0))
        }
        for index in deliveries.indices { deliveries[index].log = log[deliveries[index].eventSequence] ?? [] }
        return deliveries
    }

    /// Makes a delivery due now, as a new round of attempts; false when there is no such delivery.
    public func redeliver(subscriptionID: String, eventSequence: Int64, now: Date) async throws -> Bool {
        let changed = try await runner.write([
            """
            UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = \(now.millis), lease_until = 0, \
            updated_at = \(now.millis) WHERE subscription_id = \(subscriptionID) AND event_sequence = \(eventSequence) RETURNING event_sequence
            """
        ])
        return changed.first?.isEmpty == false
    }

    // MARK: Rows

    static let subscriptionColumns =
        "id, url, event_types, description, secret, previous_secret, previous_secret_expires_at, enabled, disabled_reason, consecutive_failures, created_at, updated_at"

    static func subscription(_ row: [SQLValue?]) -> WebhookSubscription {
        WebhookSubscription(
            id: row[0]?.text ?? "", url: row[1]?.text ?? "", eventTypes: types(row[2]?.text), description: row[3]?.text, secret: row[4]?.text ?? "",
            previousSecret: row[5]?.text, previousSecretExpires: row[6]?.integer.map(Date.init(millis:)), enabled: row[7]?.integer == 1,
            disabledReason: row[8]?.text, consecutiveFailures: row[9]?.integer ?? 0, createdAt: Date(millis: row[10]?.integer ?? 0),
            updatedAt: Date(millis: row[11]?.integer ?? 0))
    }

    static let deliveryColumns =
        "subscription_id, event_sequence, event_type, resource_type, resource_id, resource_sequence, status, attempts, next_attempt_at, last_status_code, last_error, "
        + "created_at"

    static func delivery(_ row: [SQLValue?]) throws -> WebhookDelivery {
        guard let status = row[6]?.text.flatMap(WebhookDelivery.Status.init(rawValue:)),
            let resourceType = row[3]?.text.flatMap(OutboxEvent.ResourceType.init(rawValue:))
        else { throw StorageError.corrupt("webhook delivery") }
        return WebhookDelivery(
            subscriptionID: row[0]?.text ?? "", eventSequence: row[1]?.integer ?? 0, eventType: row[2]?.text ?? "", resourceType: resourceType,
            resourceID: row[4]?.text ?? "", resourceSequence: row[5]?.integer ?? 0, status: status, attempts: row[7]?.integer ?? 0,
            nextAttemptAt: Date(millis: row[8]?.integer ?? 0), lastStatusCode: row[9]?.integer, lastError: row[10]?.text,
            createdAt: Date(millis: row[11]?.integer ?? 0))
    }

    /// Event types as one column: comma-separated, empty for every type.
    static func typesColumn(_ types: [String]) -> String { types.sorted().joined(separator: ",") }
    static func types(_ column: String?) -> [String] { (column ?? "").split(separator: ",").map(String.init) }
}
