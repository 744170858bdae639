import GRDB

extension SQLiteMigrations {
    /// Store operations: what was taken at the till for an order, who did what at which store, a
    /// store's pickup queue found by index, customers found by phone at the till, and the parcels
    /// an order left in, with their tracking; stock transfers between locations.
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
                    CREATE TABLE stock_transfers (
                        id TEXT PRIMARY KEY NOT NULL,
                        market TEXT NOT NULL,
                        from_location TEXT NOT NULL,
                        to_location TEXT NOT NULL CHECK (to_location <> from_location),
                        status TEXT NOT NULL CHECK (status IN ('requested', 'in_transit', 'received', 'cancelled')),
                        note TEXT,
                        created_by TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        shipped_at INTEGER,
                        received_at INTEGER
                    );
                    CREATE INDEX stock_transfers_by_time ON stock_transfers(created_at, id);
                    CREATE TABLE stock_transfer_lines (
                        transfer_id TEXT NOT NULL REFERENCES stock_transfers(id),
                        sku TEXT NOT NULL,
                        quantity INTEGER NOT NULL CHECK (quantity > 0),
                        PRIMARY KEY (transfer_id, sku)
                    );
                    -- Transfers move stock: the movement log gets their two reasons (SQLite changes a CHECK
                    -- only by copying the table).
                    CREATE TABLE stock_movements_new (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        location TEXT NOT NULL,
                        sku TEXT NOT NULL,
                        on_hand_delta INTEGER NOT NULL,
                        reserved_delta INTEGER NOT NULL,
                        reason TEXT NOT NULL CHECK (reason IN ('receipt', 'sale', 'return', 'count', 'reservation', 'release', 'transfer_out', 'transfer_in')),
                        reference TEXT,
                        note TEXT,
                        actor TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        CHECK (on_hand_delta <> 0 OR reserved_delta <> 0)
                    );
                    INSERT INTO stock_movements_new SELECT * FROM stock_movements;
                    DROP TABLE stock_movements;
                    ALTER TABLE stock_movements_new RENAME TO stock_movements;
                    CREATE INDEX stock_movements_by_item ON stock_movements(sku, location, id);
                    ALTER TABLE customers ADD COLUMN phone TEXT;  -- E.164
                    CREATE INDEX customers_by_phone ON customers(phone);
                    """)
        }
    }
}
