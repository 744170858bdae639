import GRDB

extension SQLiteMigrations {
    /// Shared carts, their lines and vouchers, voucher definitions and spent recovery tokens.
    static func registerCarts(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-carts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE carts (
                        id TEXT PRIMARY KEY NOT NULL,
                        market TEXT NOT NULL,
                        currency TEXT NOT NULL,
                        customer_id TEXT,
                        email TEXT,
                        status TEXT NOT NULL DEFAULT 'active',  -- active, merged, checked_out
                        merged_into TEXT,
                        version INTEGER NOT NULL DEFAULT 1,
                        channels TEXT NOT NULL,                 -- ",mobile,web," in first-touch order
                        shipping_method TEXT,
                        created_at INTEGER NOT NULL,            -- milliseconds since 1970
                        updated_at INTEGER NOT NULL,
                        items_updated_at INTEGER NOT NULL
                    );
                    -- One active cart per customer per market, found from any channel.
                    CREATE UNIQUE INDEX carts_active_per_customer ON carts(customer_id, market)
                        WHERE customer_id IS NOT NULL AND status = 'active';
                    CREATE INDEX carts_by_items_activity ON carts(status, items_updated_at, id);
                    CREATE INDEX carts_by_activity ON carts(status, updated_at);
                    CREATE TABLE cart_lines (
                        id TEXT PRIMARY KEY NOT NULL,
                        cart_id TEXT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
                        sku TEXT NOT NULL,
                        product_id TEXT NOT NULL,
                        quantity INTEGER NOT NULL CHECK (quantity >= 1),
                        unit_minor INTEGER,         -- NULL while the variant is not sold in the cart's market
                        tax_rate TEXT,
                        unavailable_reason TEXT,
                        channel TEXT NOT NULL,      -- the channel that added the line
                        added_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        priced_at INTEGER NOT NULL,
                        UNIQUE (cart_id, sku)
                    );
                    CREATE TABLE cart_vouchers (
                        cart_id TEXT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
                        code TEXT NOT NULL,
                        applied_at INTEGER NOT NULL,
                        PRIMARY KEY (cart_id, code)
                    );
                    CREATE TABLE vouchers (
                        code TEXT PRIMARY KEY NOT NULL,
                        definition TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE TABLE spent_recovery_tokens (
                        nonce TEXT PRIMARY KEY NOT NULL,
                        cart_id TEXT NOT NULL,
                        spent_at INTEGER NOT NULL
                    );
                    """)
        }
    }

    /// Short codes that open a cart at the till (`CartCode`), each until it expires.
    static func registerCartCodes(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-cart-codes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE cart_codes (
                        code TEXT PRIMARY KEY NOT NULL,
                        cart_id TEXT NOT NULL,
                        expires_at INTEGER NOT NULL             -- milliseconds since 1970
                    );
                    CREATE INDEX cart_codes_by_expiry ON cart_codes(expires_at);
                    """)
        }
    }
}
