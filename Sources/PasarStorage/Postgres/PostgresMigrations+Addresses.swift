extension PostgresMigrations {
    /// `v16-customer-addresses` of `SQLiteMigrations`.
    static let customerAddresses = Step(
        name: "v16-customer-addresses",
        statements: [
            """
            CREATE TABLE customer_addresses (
                id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id),
                kind TEXT NOT NULL CHECK (kind IN ('shipping', 'billing')), is_default BIGINT NOT NULL CHECK (is_default IN (0, 1)),
                name TEXT NOT NULL, line1 TEXT NOT NULL, line2 TEXT, postal_code TEXT NOT NULL, city TEXT NOT NULL, country TEXT NOT NULL,
                latitude TEXT, longitude TEXT, created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX customer_addresses_by_customer ON customer_addresses(customer_id, created_at)",
            "CREATE UNIQUE INDEX customer_addresses_one_default ON customer_addresses(customer_id, kind) WHERE is_default = 1",
        ])
}
