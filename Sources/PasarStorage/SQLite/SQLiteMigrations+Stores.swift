import GRDB

extension SQLiteMigrations {
    /// Store operations: what was taken at the till for an order, who did what at which store, a
    /// store's pickup queue found by index, customers found by phone at the till, and the parcels
    /// an order left in, with their tracking.
    static func registerStoreOperations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-store-operations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE order_tenders (
                        order_id TEXT NOT NULL REFERENCES orders(id),
                        number INTEGER NOT NULL,                 -- 1, 2, … in the order they were taken
                        kind TEXT NOT NULL CHECK (kind IN ('cash', 'card')),
                        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
                        currency TEXT NOT NULL,
                        reference TEXT,                         -- the card terminal's
                        cash_adjustment_minor INTEGER NOT NULL, -- cash rounding of this tender (0 for cards)
                        store TEXT NOT NULL,
                        operator TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (order_id, number)
                    );
                    CREATE TABLE store_audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        store TEXT NOT NULL,
                        key_name TEXT NOT NULL,                 -- the API key's name, never the key
                        operator TEXT NOT NULL,                 -- the person at the till (Pasar-Operator)
                        action TEXT NOT NULL,
                        order_id TEXT,
                        detail TEXT,
                        created_at INTEGER NOT NULL
                    );
                    CREATE INDEX store_audit_log_by_store ON store_audit_log(store, id);
                    CREATE INDEX orders_by_pickup_store ON orders(pickup_store, status, placed_at);
                    CREATE TABLE order_shipments (
                        order_id TEXT NOT NULL REFERENCES orders(id),
                        number INTEGER NOT NULL,
                        location TEXT NOT NULL,
                        carrier TEXT NOT NULL,
                        tracking_number TEXT NOT NULL,
                        tracking_url TEXT,
                        shipped_at INTEGER NOT NULL,
                        PRIMARY KEY (order_id, number)
                    );
                    ALTER TABLE customers ADD COLUMN phone TEXT;  -- E.164
                    CREATE INDEX customers_by_phone ON customers(phone);
                    """)
        }
    }
}
