public import CoreMetrics
public import GRDB
import Synchronization

/// The embedded SQLite database: one file in WAL mode, migrated on open.
///
/// ```swift
/// let database = try SQLiteDatabase(path: "pasar.sqlite")
/// let catalog = SQLiteCatalogStore(database: database, indexLanguages: ["en", "de"])
/// ```
public final class SQLiteDatabase: Sendable {
    /// GRDB's pool: one writer, concurrent readers (WAL).
    public let pool: DatabasePool
    /// The same pool, its waits and errors measured: the stores read and write through it.
    let metered: MeteredPool
    private let closed = Mutex(false)

    /// `metrics`: where the pool's waits and errors are reported (`DatabaseMetrics`); nil measures nothing.
    public init(path: String, metrics: (any MetricsFactory)? = nil) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose
            // the last transactions, and never corrupts the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        metered = MeteredPool(pool: pool, metrics: metrics.map { DatabaseMetrics(factory: $0, database: "sqlite") })
        try SQLiteMigrations.migrator.migrate(pool)
    }

    /// Moves everything in the write-ahead log into the database file and closes the connections;
    /// later use throws. Called on graceful shutdown, so a stopped server leaves one self-contained file.
    /// Closing again does nothing.
    public func close() throws {
        guard closed.withLock({ wasClosed in defer { wasClosed = true }; return !wasClosed }) else { return }
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
    }
}
