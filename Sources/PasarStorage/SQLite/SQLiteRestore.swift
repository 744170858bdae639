import Foundation

/// Puts a backup back in place of a SQLite database that no server uses: the backup is copied
/// beside the target, checked there (`PRAGMA integrity_check`, Pasar's migrations table, no
/// migration newer than this Pasar), then renamed over the target after the target's stale `-wal`,
/// `-shm` and `-journal` files are removed. The target's `DatabaseLock` is held throughout, so no
/// server can open it midway.
///
/// ```swift
/// let summary = try SQLiteRestore.run(backup: "pasar-2025-01-31.sqlite", to: "pasar.sqlite")
/// ```
public enum SQLiteRestore {
    /// Restores `backup` to `database`; throws `DatabaseLockError.inUse` when a server uses it.
    public static func run(backup: String, to database: String) throws -> SQLiteBackup.Summary {
        guard FileManager.default.fileExists(atPath: backup) else { throw SQLiteBackupError.missing(backup) }
        let lock = try DatabaseLock(database: database)
        defer { lock.release() }
        let temporary = SQLiteFiles.temporaryPath(beside: database, purpose: "restore")
        defer { SQLiteFiles.remove(temporary) }
        do {
            try FileManager.default.copyItem(atPath: backup, toPath: temporary)
        } catch {
            throw SQLiteBackupError.io(path: backup, reason: "cannot copy it beside \(database): \(error.localizedDescription)")
        }
        let report = try SQLiteFileCheck.check(temporary, as: backup)
        // A log or journal left by the old file would be replayed into the restored one: remove
        // them first. Safe while the lock is held: no Pasar process has the database open.
        for companion in SQLiteFiles.companions(of: database) where FileManager.default.fileExists(atPath: companion) {
            do { try FileManager.default.removeItem(atPath: companion) } catch {
                throw SQLiteBackupError.io(path: companion, reason: "cannot remove the old database's file: \(error.localizedDescription)")
            }
        }
        try SQLiteFiles.durablyRename(temporary, to: database)
        return SQLiteBackup.Summary(database, report)
    }
}
