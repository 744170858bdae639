extension PostgresMigrations {
    /// `v12-store-operations` of `SQLiteMigrations`.
    static let storeOperations = Step(
        name: "v12-store-operations",
        statements: [
            """
            CREATE TABLE order_tenders (
                order_id TEXT NOT NULL REFERENCES orders(id), number BIGINT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('cash', 'card')),
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0), currency TEXT NOT NULL, reference TEXT,
                cash_adjustment_minor BIGINT NOT NULL, store TEXT NOT NULL, operator TEXT NOT NULL, created_at BIGINT NOT NULL,
                PRIMARY KEY (order_id, number)
            )
            """,
            """
            CREATE TABLE store_audit_log (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, store TEXT NOT NULL, key_name TEXT NOT NULL, operator TEXT NOT NULL,
                action TEXT NOT NULL, order_id TEXT, detail TEXT, created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX store_audit_log_by_store ON store_audit_log(store, id)",
            "CREATE INDEX orders_by_pickup_store ON orders(pickup_store, status, placed_at)",
            """
            CREATE TABLE order_shipments (
                order_id TEXT NOT NULL REFERENCES orders(id), number BIGINT NOT NULL, location TEXT NOT NULL, carrier TEXT NOT NULL,
                tracking_number TEXT NOT NULL, tracking_url TEXT, shipped_at BIGINT NOT NULL, PRIMARY KEY (order_id, number)
            )
            """,
            """
            CREATE TABLE stock_transfers (
                id TEXT PRIMARY KEY, market TEXT NOT NULL, from_location TEXT NOT NULL, to_location TEXT NOT NULL CHECK (to_location <> from_location),
                status TEXT NOT NULL CHECK (status IN ('requested', 'in_transit', 'received', 'cancelled')), note TEXT, created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, shipped_at BIGINT, received_at BIGINT
            )
            """,
            "CREATE INDEX stock_transfers_by_time ON stock_transfers(created_at, id)",
            """
            CREATE TABLE stock_transfer_lines (
                transfer_id TEXT NOT NULL REFERENCES stock_transfers(id), sku TEXT NOT NULL, quantity BIGINT NOT NULL CHECK (quantity > 0),
                PRIMARY KEY (transfer_id, sku)
            )
            """,
            "ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reason_check",
            """
            ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check
                CHECK (reason IN ('receipt', 'sale', 'return', 'count', 'reservation', 'release', 'transfer_out', 'transfer_in'))
            """,
            "ALTER TABLE customers ADD COLUMN phone TEXT",
            "CREATE INDEX customers_by_phone ON customers(phone)",
        ])
}
