import Foundation
import GRDB
@testable import PasarStorage
import PasarTestSupport
import PostgresNIO
import Testing

/// The two migration sets build the same schema: the same tables, columns (type, nullability,
/// primary key) and indexes (columns, uniqueness), so a change to one cannot drift silently from
/// the other. Types compare by family: TEXT = text, INTEGER = bigint, BLOB = bytea.
@Suite("SQLite and PostgreSQL schemas")
struct SchemaEqualityTests {
    /// One table as both databases describe it, in comparable words.
    struct Table {
        var columns: [String: String] = [:]
        var primaryKey: [String] = []
        var indexes: Set<String> = []
    }

    @Test(.enabled(if: TestPostgres.isConfigured, "needs PASAR_TEST_POSTGRES_URL"))
    func bothMigrationSetsBuildTheSameSchema() async throws {
        let sqlite = try Self.sqliteSchema()
        let postgres = try await Self.postgresSchema()
        #expect(sqlite.keys.sorted() == postgres.keys.sorted(), "the same tables")
        for name in sqlite.keys.sorted() {
            guard let mine = sqlite[name], let theirs = postgres[name] else { continue }
            let columns = Set(mine.columns.map { "\($0.key) \($0.value)" }).symmetricDifference(theirs.columns.map { "\($0.key) \($0.value)" })
            #expect(columns.isEmpty, "\(name): columns differ: \(columns.sorted())")
            #expect(mine.primaryKey == theirs.primaryKey, "\(name): primary key \(mine.primaryKey) on SQLite, \(theirs.primaryKey) on PostgreSQL")
            let indexes = mine.indexes.symmetricDifference(theirs.indexes).subtracting(Self.dialectIndexes)
            #expect(indexes.isEmpty, "\(name): indexes differ: \(indexes.sorted())")
        }
    }

    /// Indexes each database writes in its own words, and nothing else may differ: emails compare
    /// without case through `COLLATE NOCASE` on SQLite and `lower(email)` on PostgreSQL (whose
    /// unique email is an index, SQLite's a column constraint), and PostgreSQL orders product ids
    /// bytewise through an index in the "C" collation, which SQLite's BINARY primary key already is.
    static let dialectIndexes: Set<String> = [
        "customers_email_key(expression) unique",
        "orders_by_email(expression, placed_at)", "orders_by_email(email, placed_at)",
        "products_by_id(id)",
    ]

    static func sqliteSchema() throws -> [String: Table] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("pasar.sqlite").path)
        defer { try? database.close() }
        return try database.pool.read { db in
            var tables: [String: Table] = [:]
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            for name in names {
                var table = Table()
                var key: [(Int, String)] = []
                for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\(name))") {
                    let column: String = row["name"]
                    let notNull = (row["notnull"] as Int) == 1 || (row["pk"] as Int) > 0
                    table.columns[column] = family(row["type"]) + (notNull ? " not null" : "")
                    if (row["pk"] as Int) > 0 { key.append((row["pk"], column)) }
                }
                table.primaryKey = key.sorted { $0.0 < $1.0 }.map(\.1)
                for index in try Row.fetchAll(db, sql: "PRAGMA index_list(\(name))") where (index["origin"] as String) == "c" {
                    let indexName: String = index["name"]
                    let columns = try String.fetchAll(
                        db, sql: "SELECT COALESCE(name, 'expression') FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", arguments: [indexName])
                    let partial = (index["partial"] as Int) == 1 ? " partial" : ""
                    table.indexes.insert("\(indexName)(\(columns.joined(separator: ", ")))\((index["unique"] as Int) == 1 ? " unique" : "")\(partial)")
                }
                tables[name] = table
            }
            return tables
        }
    }

    static func postgresSchema() async throws -> [String: Table] {
        let server = try #require(try TestPostgres.server())
        let name = TestPostgres.databaseName(for: URL(fileURLWithPath: "/schema-\(UUID().uuidString)"))
        try await PostgresDatabase.createDatabase(named: name, on: server)
        let database = try await PostgresDatabase.open(server.database(name), maximumConnections: 2)
        do {
            let tables = try await database.read { connection in try await Self.describe(connection) }
            await database.close()
            try await PostgresDatabase.dropDatabase(named: name, on: server)
            return tables
        } catch {
            await database.close()
            try? await PostgresDatabase.dropDatabase(named: name, on: server)
            throw error
        }
    }

    private static func describe(_ connection: PostgresConnection) async throws -> [String: Table] {
        var tables: [String: Table] = [:]
        let columns = try await connection.query(
            """
            SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'pasar_migrations'
            """, logger: Logger(label: "schema"))
        for try await (table, column, type, nullable) in columns.decode((String, String, String, String).self) {
            tables[table, default: Table()].columns[column] = family(type) + (nullable == "NO" ? " not null" : "")
        }
        let keys = try await connection.query(
            """
            SELECT t.relname::text, a.attname::text FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE i.indisprimary ORDER BY t.relname, k.position
            """, logger: Logger(label: "schema"))
        for try await (table, column) in keys.decode((String, String).self) { tables[table]?.primaryKey.append(column) }
        // Indexes created by name (not the primary key's or a UNIQUE constraint's own).
        let indexes = try await connection.query(
            """
            SELECT t.relname::text, c.relname::text, i.indisunique, i.indpred IS NOT NULL,
                (SELECT string_agg(COALESCE(a.attname::text, 'expression'), ', ' ORDER BY k.position)
                 FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
                 LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            WHERE NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """, logger: Logger(label: "schema"))
        for try await (table, index, unique, partial, columns) in indexes.decode((String, String, Bool, Bool, String).self) {
            tables[table]?.indexes.insert("\(index)(\(columns))\(unique ? " unique" : "")\(partial ? " partial" : "")")
        }
        return tables
    }

    /// A column type's family, the same word for both databases.
    static func family(_ type: String) -> String {
        switch type.lowercased() {
        case "text", "character varying": "text"
        case "integer", "bigint", "int8", "int", "smallint": "integer"
        case "blob", "bytea": "blob"
        case "real", "double precision": "real"
        default: type.lowercased()
        }
    }
}
