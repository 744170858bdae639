import GRDB

extension SQLiteMigrations {
    /// Webhook subscriptions, one delivery per event and subscription, and every attempt's outcome.
    static func registerWebhooks(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-webhooks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE webhook_subscriptions (
                        id TEXT PRIMARY KEY NOT NULL,
                        url TEXT NOT NULL,
                        event_types TEXT NOT NULL,              -- comma-separated; empty: every type
                        description TEXT,
                        secret TEXT NOT NULL,
                        previous_secret TEXT,                   -- still signs until previous_secret_expires_at
                        previous_secret_expires_at INTEGER,
                        enabled INTEGER NOT NULL,
                        disabled_reason TEXT,
                        consecutive_failures INTEGER NOT NULL,
                        outbox_cursor INTEGER NOT NULL,         -- the last order_events sequence fanned out
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE TABLE webhook_deliveries (
                        subscription_id TEXT NOT NULL,
                        event_sequence INTEGER NOT NULL,
                        event_type TEXT NOT NULL,
                        order_id TEXT NOT NULL,
                        resource_sequence INTEGER NOT NULL,
                        status TEXT NOT NULL,                   -- pending, succeeded, failed
                        attempts INTEGER NOT NULL,
                        next_attempt_at INTEGER NOT NULL,
                        lease_until INTEGER NOT NULL,           -- a process is sending it until then
                        last_status_code INTEGER,
                        last_error TEXT,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (subscription_id, event_sequence)
                    );
                    CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
                    CREATE TABLE webhook_attempts (
                        subscription_id TEXT NOT NULL,
                        event_sequence INTEGER NOT NULL,
                        number INTEGER NOT NULL,
                        attempted_at INTEGER NOT NULL,
                        status_code INTEGER,
                        error TEXT,
                        duration_ms INTEGER NOT NULL,
                        PRIMARY KEY (subscription_id, event_sequence, number)
                    );
                    CREATE INDEX order_events_by_order ON order_events(order_id, sequence);
                    """)
        }
    }
}
