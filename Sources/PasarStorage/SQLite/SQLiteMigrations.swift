import GRDB

/// Versioned schema steps. A step is never edited once released; changes are new steps.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalog") { db in
            try db.execute(
                sql: """
                    CREATE TABLE categories (
                        id TEXT PRIMARY KEY NOT NULL,
                        parent_id TEXT,
                        position INTEGER NOT NULL DEFAULT 0,
                        translations TEXT NOT NULL
                    );
                    CREATE TABLE products (
                        id TEXT PRIMARY KEY NOT NULL,
                        tax_class TEXT NOT NULL,
                        images TEXT NOT NULL,
                        markets TEXT,   -- ",de,fr," or NULL for every market
                        channels TEXT,  -- ",web,pos," or NULL for every channel
                        translations TEXT NOT NULL,
                        variants TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE TABLE product_categories (
                        category_id TEXT NOT NULL,
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                        PRIMARY KEY (category_id, product_id)
                    );
                    CREATE INDEX product_categories_by_product ON product_categories(product_id);
                    CREATE TABLE variants (
                        sku TEXT PRIMARY KEY NOT NULL,
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE
                    );
                    CREATE INDEX variants_by_product ON variants(product_id);
                    CREATE TABLE product_slugs (
                        language TEXT NOT NULL,
                        slug TEXT NOT NULL,
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                        PRIMARY KEY (language, slug)
                    );
                    CREATE INDEX product_slugs_by_product ON product_slugs(product_id);
                    -- Per index language: the accent-free search text and the ICU collation key of the
                    -- name shown in that language, so SQL can filter and ORDER BY like the language.
                    CREATE TABLE product_index (
                        language TEXT NOT NULL,
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                        search_text TEXT NOT NULL,
                        sort_key BLOB NOT NULL,
                        PRIMARY KEY (language, product_id)
                    );
                    CREATE INDEX product_index_by_name ON product_index(language, sort_key, product_id);
                    CREATE INDEX product_index_by_product ON product_index(product_id);
                    CREATE TABLE prices (
                        id INTEGER PRIMARY KEY,
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                        sku TEXT,
                        market TEXT NOT NULL,
                        currency TEXT NOT NULL,
                        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
                        channel TEXT,
                        customer_group TEXT,
                        min_quantity INTEGER NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
                        valid_from INTEGER,
                        valid_to INTEGER
                    );
                    CREATE INDEX prices_by_product ON prices(product_id, market);
                    -- The everyday list price per market, for sort=price.
                    CREATE TABLE list_prices (
                        market TEXT NOT NULL,
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                        amount_minor INTEGER NOT NULL,
                        PRIMARY KEY (market, product_id)
                    );
                    CREATE INDEX list_prices_by_amount ON list_prices(market, amount_minor, product_id);
                    CREATE INDEX list_prices_by_product ON list_prices(product_id);
                    """)
        }
        registerCarts(in: &migrator)
        registerOrders(in: &migrator)
        registerSearch(in: &migrator)
        registerCartCodes(in: &migrator)
        registerWebhooks(in: &migrator)
        registerEmails(in: &migrator)
        registerOutboxResources(in: &migrator)
        registerMarketingConsent(in: &migrator)
        registerStoreOperations(in: &migrator)
        registerSplitShipments(in: &migrator)
        registerCustomerGroups(in: &migrator)
        registerLoyalty(in: &migrator)
        registerCustomerAddresses(in: &migrator)
        return migrator
    }
}
