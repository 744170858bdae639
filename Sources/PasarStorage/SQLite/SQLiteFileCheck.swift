import Foundation
import GRDB

/// Checks a SQLite file that is not in use: `PRAGMA integrity_check`, and that it holds a Pasar
/// schema this version knows. Backups are checked after they are written, restores before.
enum SQLiteFileCheck {
    /// What a checked file holds.
    struct Report: Sendable {
        let pages: Int
        let pageSize: Int
        /// The newest applied migration, e.g. `v11-marketing-consent`.
        let lastMigration: String
    }

    /// Opens `path`, turns it into a self-contained file (journal mode DELETE, no `-wal` beside it)
    /// and checks it; throws `SQLiteBackupError` naming `displayName` (the file the user named).
    static func check(_ path: String, as displayName: String) throws(SQLiteBackupError) -> Report {
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.writeWithoutTransaction { db throws -> Report in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else { throw SQLiteBackupError.corrupt(path: displayName, problems: problems) }
                guard try db.tableExists("grdb_migrations") else { throw SQLiteBackupError.notPasar(displayName) }
                let applied = try SQLiteMigrations.migrator.appliedIdentifiers(db)
                let known = Set(SQLiteMigrations.migrator.migrations)
                let unknown = applied.subtracting(known).sorted()
                guard unknown.isEmpty else { throw SQLiteBackupError.newerSchema(path: displayName, unknown: unknown) }
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                return Report(
                    pages: try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, pageSize: try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                    lastMigration: try SQLiteMigrations.migrator.completedMigrations(db).last ?? "none")
            }
        } catch let error as SQLiteBackupError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notSQLite(path: displayName, reason: error.message ?? "\(error.resultCode)")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw .corrupt(path: displayName, problems: [error.message ?? "\(error.resultCode)"])
        } catch {
            throw .io(path: displayName, reason: "\(error)")
        }
    }
}
