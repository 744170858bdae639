import GRDB

extension SQLiteMigrations {
    /// Customer groups (set by admins or granted by a market's rule, optionally until a time), the
    /// group price and everyday price a cart line was priced with, and voucher uses: counted per
    /// voucher (`customer_key` '') and per customer, with one redemption row per order to release.
    static func registerCustomerGroups(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14-customer-groups") { db in
            try db.execute(
                sql: """
                    CREATE TABLE customer_groups (
                        customer_id TEXT NOT NULL REFERENCES customers(id),
                        code TEXT NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('admin', 'rule')),
                        market TEXT,              -- the market whose rule granted the group
                        expires_at INTEGER,
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (customer_id, code, source)
                    );
                    ALTER TABLE cart_lines ADD COLUMN compare_at_minor INTEGER;
                    ALTER TABLE cart_lines ADD COLUMN customer_group TEXT;
                    CREATE TABLE voucher_uses (
                        code TEXT NOT NULL,
                        customer_key TEXT NOT NULL,   -- '' counts every use of the code
                        uses INTEGER NOT NULL CHECK (uses >= 0),
                        limit_uses INTEGER NOT NULL,  -- the voucher's limit when last claimed
                        CHECK (uses <= limit_uses),
                        PRIMARY KEY (code, customer_key)
                    );
                    CREATE TABLE voucher_redemptions (
                        code TEXT NOT NULL,
                        order_id TEXT NOT NULL,
                        customer_key TEXT,
                        created_at INTEGER NOT NULL,
                        released_at INTEGER,
                        PRIMARY KEY (code, order_id)
                    );
                    CREATE INDEX voucher_redemptions_by_order ON voucher_redemptions(order_id);
                    """)
        }
    }
}
