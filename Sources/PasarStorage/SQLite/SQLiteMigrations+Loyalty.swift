import GRDB

extension SQLiteMigrations {
    /// Loyalty points: an append-only ledger per customer and market (earned on paid orders, redeemed
    /// at checkout, given back on cancellation, reversed on refunds), each entry made once by its
    /// `reference`; and the points a cart redeems at checkout.
    static func registerLoyalty(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15-loyalty") { db in
            try db.execute(
                sql: """
                    CREATE TABLE loyalty_ledger (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        customer_id TEXT NOT NULL,
                        market TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'restore', 'reverse')),
                        points INTEGER NOT NULL CHECK (points <> 0),   -- signed: positive adds to the balance
                        order_id TEXT REFERENCES orders(id),
                        reference TEXT NOT NULL,                      -- what made the entry: earn:<order>, redeem:<order>, …
                        expires_at INTEGER,                           -- positive entries: when their unspent points expire
                        created_at INTEGER NOT NULL
                    );
                    CREATE UNIQUE INDEX loyalty_ledger_by_reference ON loyalty_ledger(reference);
                    CREATE INDEX loyalty_ledger_by_customer ON loyalty_ledger(customer_id, market, sequence);
                    CREATE INDEX loyalty_ledger_by_market ON loyalty_ledger(market, customer_id, sequence);
                    ALTER TABLE carts ADD COLUMN loyalty_points INTEGER NOT NULL DEFAULT 0 CHECK (loyalty_points >= 0);
                    """)
        }
    }
}
