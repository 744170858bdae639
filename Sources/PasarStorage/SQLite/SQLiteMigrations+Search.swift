import GRDB

extension SQLiteMigrations {
    /// The search index (`SearchIndexer`): term rows per language and product, the vocabulary with
    /// product counts that typo and prefix expansion read, and option values for filters and facets.
    static func registerSearch(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-search") { db in
            try db.execute(
                sql: """
                    CREATE TABLE search_terms (
                        language TEXT NOT NULL,
                        term TEXT NOT NULL,
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                        weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 3),
                        PRIMARY KEY (language, term, product_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX search_terms_by_product ON search_terms(product_id);
                    CREATE TABLE search_vocabulary (
                        language TEXT NOT NULL,
                        term TEXT NOT NULL,
                        products INTEGER NOT NULL,
                        PRIMARY KEY (language, term)
                    ) WITHOUT ROWID;
                    CREATE TABLE product_options (
                        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (product_id, name, value)
                    ) WITHOUT ROWID;
                    CREATE INDEX product_options_by_value ON product_options(name, value, product_id);
                    -- The next moment a price starts or ends, for caching list pages until then.
                    CREATE INDEX prices_by_start ON prices(valid_from) WHERE valid_from IS NOT NULL;
                    CREATE INDEX prices_by_end ON prices(valid_to) WHERE valid_to IS NOT NULL;
                    """)
        }
    }
}
