import GRDB

extension SQLiteMigrations {
    /// The outbox tells of more than orders: each event names its resource (an order, a cart, a
    /// webhook subscription), and a cart is told abandoned once, ever.
    static func registerOutboxResources(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-outbox-resources") { db in
            try db.execute(
                sql: """
                    ALTER TABLE order_events RENAME TO outbox_events;
                    ALTER TABLE outbox_events RENAME COLUMN order_id TO resource_id;
                    ALTER TABLE outbox_events ADD COLUMN resource_type TEXT NOT NULL DEFAULT 'order';  -- order, cart, webhook
                    DROP INDEX order_events_by_order;
                    CREATE INDEX outbox_events_by_resource ON outbox_events(resource_type, resource_id, sequence);
                    CREATE UNIQUE INDEX outbox_events_one_cart_abandoned ON outbox_events(resource_id) WHERE type = 'cart_abandoned';
                    ALTER TABLE webhook_deliveries RENAME COLUMN order_id TO resource_id;
                    ALTER TABLE webhook_deliveries ADD COLUMN resource_type TEXT NOT NULL DEFAULT 'order';
                    ALTER TABLE email_messages ADD COLUMN cart_id TEXT;
                    """)
        }
    }

    /// Marketing needs opt-in: when a customer (or a guest, for a cart's email) gave consent; the
    /// language a cart was used in, for a guest's reminder; when a cart was reminded (once, ever).
    static func registerMarketingConsent(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-marketing-consent") { db in
            try db.execute(
                sql: """
                    ALTER TABLE customers ADD COLUMN marketing_consent_at INTEGER;
                    ALTER TABLE carts ADD COLUMN language TEXT;
                    ALTER TABLE carts ADD COLUMN marketing_consent_at INTEGER;
                    ALTER TABLE carts ADD COLUMN reminded_at INTEGER;
                    """)
        }
    }
}
