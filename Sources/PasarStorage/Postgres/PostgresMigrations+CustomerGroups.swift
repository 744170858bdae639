extension PostgresMigrations {
    /// `v14-customer-groups` of `SQLiteMigrations`.
    static let customerGroups = Step(
        name: "v14-customer-groups",
        statements: [
            """
            CREATE TABLE customer_groups (
                customer_id TEXT NOT NULL REFERENCES customers(id), code TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('admin', 'rule')), market TEXT, expires_at BIGINT, created_at BIGINT NOT NULL,
                PRIMARY KEY (customer_id, code, source)
            )
            """,
            "ALTER TABLE cart_lines ADD COLUMN compare_at_minor BIGINT",
            "ALTER TABLE cart_lines ADD COLUMN customer_group TEXT",
            """
            CREATE TABLE voucher_uses (
                code TEXT NOT NULL, customer_key TEXT NOT NULL, uses BIGINT NOT NULL CHECK (uses >= 0), limit_uses BIGINT NOT NULL,
                CHECK (uses <= limit_uses), PRIMARY KEY (code, customer_key)
            )
            """,
            """
            CREATE TABLE voucher_redemptions (
                code TEXT NOT NULL, order_id TEXT NOT NULL, customer_key TEXT, created_at BIGINT NOT NULL, released_at BIGINT,
                PRIMARY KEY (code, order_id)
            )
            """,
            "CREATE INDEX voucher_redemptions_by_order ON voucher_redemptions(order_id)",
        ])
}
