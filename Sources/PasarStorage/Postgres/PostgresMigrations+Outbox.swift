extension PostgresMigrations {
    /// `v10-outbox-resources` of `SQLiteMigrations`.
    static let outboxResources = Step(
        name: "v10-outbox-resources",
        statements: [
            "ALTER TABLE order_events RENAME TO outbox_events",
            "ALTER TABLE outbox_events RENAME COLUMN order_id TO resource_id",
            "ALTER TABLE outbox_events ADD COLUMN resource_type TEXT NOT NULL DEFAULT 'order'",
            "DROP INDEX order_events_by_order",
            "CREATE INDEX outbox_events_by_resource ON outbox_events(resource_type, resource_id, sequence)",
            "CREATE UNIQUE INDEX outbox_events_one_cart_abandoned ON outbox_events(resource_id) WHERE type = 'cart_abandoned'",
            "ALTER TABLE webhook_deliveries RENAME COLUMN order_id TO resource_id",
            "ALTER TABLE webhook_deliveries ADD COLUMN resource_type TEXT NOT NULL DEFAULT 'order'",
            "ALTER TABLE email_messages ADD COLUMN cart_id TEXT",
        ])

    /// `v11-marketing-consent` of `SQLiteMigrations`.
    static let marketingConsent = Step(
        name: "v11-marketing-consent",
        statements: [
            "ALTER TABLE customers ADD COLUMN marketing_consent_at BIGINT",
            "ALTER TABLE carts ADD COLUMN language TEXT",
            "ALTER TABLE carts ADD COLUMN marketing_consent_at BIGINT",
            "ALTER TABLE carts ADD COLUMN reminded_at BIGINT",
        ])
}
