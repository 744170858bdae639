import GRDB

extension SQLiteMigrations {
    /// Inventory per location, customers, orders with their snapshot, returns and the event outbox.
    static func registerOrders(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-inventory") { db in
            try db.execute(
                sql: """
                    -- Stock of one SKU at one location (a store or warehouse of a market file).
                    -- reserved: promised to placed orders, not yet shipped or collected.
                    CREATE TABLE stock_levels (
                        location TEXT NOT NULL,
                        sku TEXT NOT NULL,
                        on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
                        reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (location, sku)
                    );
                    CREATE INDEX stock_levels_by_sku ON stock_levels(sku, location);
                    -- Every change of on_hand or reserved, with its reason; append-only.
                    CREATE TABLE stock_movements (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        location TEXT NOT NULL,
                        sku TEXT NOT NULL,
                        on_hand_delta INTEGER NOT NULL,
                        reserved_delta INTEGER NOT NULL,
                        reason TEXT NOT NULL CHECK (reason IN ('receipt', 'sale', 'return', 'count', 'reservation', 'release')),
                        reference TEXT,           -- order or return id
                        note TEXT,
                        actor TEXT NOT NULL,      -- admin, or the channel that caused it
                        created_at INTEGER NOT NULL,
                        CHECK (on_hand_delta <> 0 OR reserved_delta <> 0)
                    );
                    CREATE INDEX stock_movements_by_item ON stock_movements(sku, location, id);
                    """)
        }
        migrator.registerMigration("v4-customers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE customers (
                        id TEXT PRIMARY KEY NOT NULL,
                        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        name TEXT NOT NULL,
                        language TEXT NOT NULL,
                        market TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v5-orders") { db in
            try db.execute(
                sql: """
                    -- An order is a snapshot taken at checkout: amounts (minor units) and their formatted
                    -- strings in the order's language never change afterwards; only status moves on.
                    CREATE TABLE orders (
                        id TEXT PRIMARY KEY NOT NULL,
                        number TEXT NOT NULL UNIQUE,
                        idempotency_key TEXT UNIQUE,
                        cart_id TEXT,
                        customer_id TEXT,
                        email TEXT,
                        market TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        language TEXT NOT NULL,
                        currency TEXT NOT NULL,
                        prices_include_tax INTEGER NOT NULL CHECK (prices_include_tax IN (0, 1)),
                        status TEXT NOT NULL CHECK (status IN ('placed', 'paid', 'ready_for_pickup', 'shipped', 'delivered', 'collected', 'cancelled')),
                        fulfilment TEXT NOT NULL CHECK (fulfilment IN ('ship', 'collect')),
                        location TEXT NOT NULL,                 -- where the stock was taken
                        shipping_method TEXT,
                        shipping_address TEXT,                  -- JSON
                        pickup_store TEXT,
                        payment_provider TEXT NOT NULL,
                        payment_reference TEXT,
                        paid_at INTEGER,
                        subtotal_minor INTEGER NOT NULL,
                        discount_minor INTEGER NOT NULL,
                        shipping_minor INTEGER NOT NULL,
                        tax_minor INTEGER NOT NULL,
                        total_minor INTEGER NOT NULL,
                        refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor),
                        snapshot TEXT NOT NULL,                 -- JSON: formatted amounts, taxes, vouchers, shipping line
                        placed_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        CHECK ((fulfilment = 'ship') = (shipping_method IS NOT NULL)),
                        CHECK ((fulfilment = 'collect') = (pickup_store IS NOT NULL))
                    );
                    CREATE INDEX orders_by_customer ON orders(customer_id, placed_at);
                    CREATE INDEX orders_by_email ON orders(email COLLATE NOCASE, placed_at);
                    CREATE TABLE order_lines (
                        order_id TEXT NOT NULL REFERENCES orders(id),
                        line_number INTEGER NOT NULL,
                        sku TEXT NOT NULL,
                        product_id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        quantity INTEGER NOT NULL CHECK (quantity >= 1),
                        returned_quantity INTEGER NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0 AND returned_quantity <= quantity),
                        unit_minor INTEGER NOT NULL,
                        amount_minor INTEGER NOT NULL,
                        discount_minor INTEGER NOT NULL,
                        tax_rate TEXT NOT NULL,
                        net_minor INTEGER NOT NULL,
                        tax_minor INTEGER NOT NULL,
                        gross_minor INTEGER NOT NULL,
                        formatted TEXT NOT NULL,                -- JSON: the amounts as shown in the order's language
                        PRIMARY KEY (order_id, line_number)
                    );
                    CREATE TABLE order_status_changes (
                        order_id TEXT NOT NULL REFERENCES orders(id),
                        status TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        note TEXT,
                        changed_at INTEGER NOT NULL
                    );
                    CREATE INDEX order_status_changes_by_order ON order_status_changes(order_id, changed_at);
                    CREATE TABLE returns (
                        id TEXT PRIMARY KEY NOT NULL,
                        order_id TEXT NOT NULL REFERENCES orders(id),
                        channel TEXT NOT NULL,
                        location TEXT NOT NULL,                 -- where the units were restocked
                        reason TEXT,
                        refund_minor INTEGER NOT NULL CHECK (refund_minor >= 0),
                        refund_tax_minor INTEGER NOT NULL,
                        payment_reference TEXT,
                        created_at INTEGER NOT NULL
                    );
                    CREATE INDEX returns_by_order ON returns(order_id, created_at);
                    CREATE TABLE return_lines (
                        return_id TEXT NOT NULL REFERENCES returns(id),
                        line_number INTEGER NOT NULL,
                        quantity INTEGER NOT NULL CHECK (quantity >= 1),
                        amount_minor INTEGER NOT NULL,
                        discount_minor INTEGER NOT NULL,
                        tax_minor INTEGER NOT NULL,
                        refund_minor INTEGER NOT NULL,
                        PRIMARY KEY (return_id, line_number)
                    );
                    -- Transactional outbox: written in the transaction that changes the order, read
                    -- by GET /v1/events in sequence order.
                    CREATE TABLE order_events (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        type TEXT NOT NULL,
                        order_id TEXT NOT NULL,
                        customer_id TEXT,
                        market TEXT NOT NULL,
                        language TEXT NOT NULL,
                        arguments TEXT NOT NULL,                -- JSON: message arguments
                        created_at INTEGER NOT NULL
                    );
                    """)
        }
    }
}
