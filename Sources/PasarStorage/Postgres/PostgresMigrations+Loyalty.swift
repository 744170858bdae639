extension PostgresMigrations {
    /// `v15-loyalty` of `SQLiteMigrations`.
    static let loyalty = Step(
        name: "v15-loyalty",
        statements: [
            """
            CREATE TABLE loyalty_ledger (
                sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id TEXT NOT NULL,
                market TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'restore', 'reverse')),
                points BIGINT NOT NULL CHECK (points <> 0), order_id TEXT REFERENCES orders(id), reference TEXT NOT NULL,
                expires_at BIGINT, created_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX loyalty_ledger_by_reference ON loyalty_ledger(reference)",
            "CREATE INDEX loyalty_ledger_by_customer ON loyalty_ledger(customer_id, market, sequence)",
            "CREATE INDEX loyalty_ledger_by_market ON loyalty_ledger(market, customer_id, sequence)",
            "ALTER TABLE carts ADD COLUMN loyalty_points BIGINT NOT NULL DEFAULT 0 CHECK (loyalty_points >= 0)",
        ])
}
