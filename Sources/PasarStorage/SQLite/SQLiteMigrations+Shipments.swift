import GRDB

extension SQLiteMigrations {
    /// Split shipments: a ship order leaves in shipments, one per stock location, each with its lines
    /// and its own status; the order is `partially_shipped` while some have left and others not.
    /// Orders placed before get one shipment holding every line, in the state their order is in.
    /// SQLite changes a CHECK only by copying the table; foreign keys are off during migrations, so
    /// the tables that reference `orders` point at the copy once it takes the name.
    static func registerSplitShipments(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-split-shipments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE orders_new (
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
                        status TEXT NOT NULL CHECK (status IN ('placed', 'paid', 'ready_for_pickup', 'partially_shipped', 'shipped', 'delivered', 'collected', 'cancelled')),
                        fulfilment TEXT NOT NULL CHECK (fulfilment IN ('ship', 'collect')),
                        location TEXT NOT NULL,                 -- where the stock was taken (the first shipment's)
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
                    INSERT INTO orders_new SELECT * FROM orders;
                    DROP TABLE orders;
                    ALTER TABLE orders_new RENAME TO orders;
                    CREATE INDEX orders_by_customer ON orders(customer_id, placed_at);
                    CREATE INDEX orders_by_email ON orders(email COLLATE NOCASE, placed_at);
                    CREATE INDEX orders_by_pickup_store ON orders(pickup_store, status, placed_at);
                    ALTER TABLE order_lines ADD COLUMN shipment INTEGER;  -- the shipment it leaves in (ship orders)
                    UPDATE order_lines SET shipment = 1 WHERE order_id IN (SELECT id FROM orders WHERE fulfilment = 'ship');
                    -- What was bought with a product (recommendations).
                    CREATE INDEX order_lines_by_product ON order_lines(product_id, order_id);
                    CREATE TABLE order_shipments_new (
                        order_id TEXT NOT NULL REFERENCES orders(id),
                        number INTEGER NOT NULL,
                        location TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled')),
                        carrier TEXT,
                        tracking_number TEXT,
                        tracking_url TEXT,
                        shipped_at INTEGER,
                        closed_at INTEGER,                      -- delivered or cancelled
                        PRIMARY KEY (order_id, number)
                    );
                    INSERT INTO order_shipments_new (order_id, number, location, status, carrier, tracking_number, tracking_url, shipped_at, closed_at)
                    SELECT o.id, 1, o.location,
                        CASE WHEN o.status IN ('shipped', 'delivered', 'cancelled') THEN o.status ELSE 'pending' END,
                        s.carrier, s.tracking_number, s.tracking_url,
                        COALESCE(s.shipped_at, (SELECT max(changed_at) FROM order_status_changes c WHERE c.order_id = o.id AND c.status = 'shipped')),
                        (SELECT max(changed_at) FROM order_status_changes c WHERE c.order_id = o.id AND c.status IN ('delivered', 'cancelled'))
                    FROM orders o LEFT JOIN order_shipments s ON s.order_id = o.id AND s.number = 1
                    WHERE o.fulfilment = 'ship';
                    DROP TABLE order_shipments;
                    ALTER TABLE order_shipments_new RENAME TO order_shipments;
                    """)
        }
    }
}
