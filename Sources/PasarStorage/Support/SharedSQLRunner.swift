import Foundation
import GRDB
import PostgresNIO

/// Runs statements written once for both databases (`SQLFragment`); a store built on it decides
/// everything in shared Swift and leaves each database only the SQL. A write runs its statements in
/// one transaction, in order, and returns each statement's rows (`RETURNING`), so a statement's
/// effect can be read without a second round trip.
protocol SharedSQLRunner: Sendable {
    var dialect: SQLDialect { get }
    /// The rows of one read, columns in select order; NULL as nil.
    func rows(_ statement: SQLFragment) async throws -> [[SQLValue?]]
    func write(_ statements: [SQLFragment]) async throws -> [[[SQLValue?]]]
    /// True when `error` is a CHECK constraint refusing a write (which rolled the whole write back).
    func isCheckViolation(_ error: any Error) -> Bool
}

struct SQLiteRunner: SharedSQLRunner {
    let database: SQLiteDatabase
    var dialect: SQLDialect { .sqlite }

    func rows(_ statement: SQLFragment) async throws -> [[SQLValue?]] {
        try await database.metered.read { db in try SQLiteSQL.rows(db, statement) }
    }

    func write(_ statements: [SQLFragment]) async throws -> [[[SQLValue?]]] {
        try await database.metered.write { db in try statements.map { try SQLiteSQL.rows(db, $0) } }
    }

    func isCheckViolation(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK
    }
}

struct PostgresRunner: SharedSQLRunner {
    let database: PostgresDatabase
    var dialect: SQLDialect { .postgres }

    func rows(_ statement: SQLFragment) async throws -> [[SQLValue?]] {
        try await database.read { connection in try await PostgresSQL.rows(connection, statement) }
    }

    func write(_ statements: [SQLFragment]) async throws -> [[[SQLValue?]]] {
        try await database.write { connection in
            var results: [[[SQLValue?]]] = []
            for statement in statements { results.append(try await PostgresSQL.rows(connection, statement)) }
            return results
        }
    }

    func isCheckViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.isCheckViolation == true
    }
}
