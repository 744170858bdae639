import GRDB

extension SQLiteMigrations {
    /// Customers' saved addresses, one default per kind.
    static func registerCustomerAddresses(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16-customer-addresses") { db in
            try db.execute(
                sql: """
                    CREATE TABLE customer_addresses (
                        id TEXT PRIMARY KEY NOT NULL,
                        customer_id TEXT NOT NULL REFERENCES customers(id),
                        kind TEXT NOT NULL CHECK (kind IN ('shipping', 'billing')),
                        is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
                        name TEXT NOT NULL,
                        line1 TEXT NOT NULL,
                        line2 TEXT,
                        postal_code TEXT NOT NULL,
                        city TEXT NOT NULL,
                        country TEXT NOT NULL,
                        latitude TEXT,                          -- decimal degrees as the client geocoded them
                        longitude TEXT,
                        created_at INTEGER NOT NULL
                    );
                    CREATE INDEX customer_addresses_by_customer ON customer_addresses(customer_id, created_at);
                    CREATE UNIQUE INDEX customer_addresses_one_default ON customer_addresses(customer_id, kind) WHERE is_default = 1;
                    """)
        }
    }
}
