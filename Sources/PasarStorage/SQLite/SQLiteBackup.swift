import Foundation
import GRDB

/// A consistent copy of a SQLite database that a server may be writing to: SQLite's online backup
/// API copies every page in one step inside one read transaction (WAL readers never block the
/// writer), into a temporary file that is checked with `PRAGMA integrity_check` and then renamed
/// into place.
///
/// ```swift
/// let summary = try SQLiteBackup.run(database: "pasar.sqlite", to: "pasar-2025-01-31.sqlite", replacing: false)
/// print(summary)   // wrote pasar-2025-01-31.sqlite: 1441792 bytes, 352 pages, …
/// ```
public enum SQLiteBackup {
    /// What a backup or a restore wrote.
    public struct Summary: Sendable, Equatable {
        public let path: String
        public let bytes: Int
        public let pages: Int
        /// The newest migration of the copied schema, e.g. `v11-marketing-consent`.
        public let lastMigration: String
    }

    /// Copies `database` to `destination`; refuses an existing destination unless `replacing`.
    /// Nothing is left at `destination` when the copy fails its check.
    public static func run(database: String, to destination: String, replacing: Bool) throws(SQLiteBackupError) -> Summary {
        guard FileManager.default.fileExists(atPath: database) else { throw .missing(database) }
        guard replacing || !FileManager.default.fileExists(atPath: destination) else { throw .exists(destination) }
        let temporary = SQLiteFiles.temporaryPath(beside: destination, purpose: "backup")
        defer { SQLiteFiles.remove(temporary) }
        try copy(database, to: temporary)
        let report = try SQLiteFileCheck.check(temporary, as: "the copy of \(database) (not written to \(destination))")
        try SQLiteFiles.durablyRename(temporary, to: destination)
        return Summary(destination, report)
    }

    private static func copy(_ database: String, to temporary: String) throws(SQLiteBackupError) {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let source = try DatabaseQueue(path: database, configuration: configuration)
            defer { try? source.close() }
            let copy = try DatabaseQueue(path: temporary)
            defer { try? copy.close() }
            try source.backup(to: copy)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notSQLite(path: database, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .io(path: database, reason: "\(error)")
        }
    }
}

extension SQLiteBackup.Summary: CustomStringConvertible {
    init(_ path: String, _ report: SQLiteFileCheck.Report) {
        self.init(path: path, bytes: report.pages * report.pageSize, pages: report.pages, lastMigration: report.lastMigration)
    }

    public var description: String {
        "\(path): \(bytes) bytes, \(pages) pages, schema at \(lastMigration), integrity_check ok"
    }
}
