import GRDB

extension SQLiteMigrations {
    /// Emails to customers, one per outbox event, and how far the outbox has been read for them.
    static func registerEmails(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-emails") { db in
            try db.execute(
                sql: """
                    CREATE TABLE email_messages (
                        id TEXT PRIMARY KEY NOT NULL,           -- evt_<sequence>; the Message-ID's local part
                        kind TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        language TEXT NOT NULL,
                        market TEXT NOT NULL,
                        event_sequence INTEGER,
                        order_id TEXT,
                        status TEXT NOT NULL,                   -- pending, sent, failed
                        attempts INTEGER NOT NULL,
                        next_attempt_at INTEGER NOT NULL,
                        lease_until INTEGER NOT NULL,           -- a process is sending it until then
                        last_error TEXT,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        sent_at INTEGER
                    );
                    CREATE INDEX email_messages_due ON email_messages(status, next_attempt_at);
                    CREATE INDEX email_messages_by_order ON email_messages(order_id);
                    -- Events before the first start are history, not news: the cursor starts at the end.
                    CREATE TABLE email_outbox_cursor (id INTEGER PRIMARY KEY NOT NULL, sequence INTEGER NOT NULL);
                    INSERT INTO email_outbox_cursor (id, sequence) SELECT 1, COALESCE(MAX(sequence), 0) FROM order_events;
                    """)
        }
    }
}
