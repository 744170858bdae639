import GRDB

/// GRDB's pool with its waits measured: the time a read waits for a reader connection and a write
/// for the one writer, the connections in use, and the errors reads and writes end with
/// (`DatabaseMetrics`). Without metrics it only forwards to the pool.
///
/// ```swift
/// let count = try await database.metered.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM carts") ?? 0 }
/// ```
struct MeteredPool: Sendable {
    let pool: DatabasePool
    let metrics: DatabaseMetrics?

    /// Runs `value` in a read-only transaction on a reader connection.
    func read<T: Sendable>(_ value: @Sendable (Database) throws -> T) async throws -> T {
        guard let metrics else { return try await pool.read(value) }
        let lease = PoolLease(metrics.reads)
        defer { lease.ended() }
        do {
            return try await pool.read { db in
                lease.acquired()
                defer { lease.released() }
                return try value(db)
            }
        } catch {
            metrics.count(StatementErrorReason(sqlite: error))
            throw error
        }
    }

    /// Runs `updates` in a transaction on the writer connection, after the writes before it.
    func write<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        guard let metrics else { return try await pool.write(updates) }
        let lease = PoolLease(metrics.writes)
        defer { lease.ended() }
        do {
            return try await pool.write { db in
                lease.acquired()
                defer { lease.released() }
                return try updates(db)
            }
        } catch {
            metrics.count(StatementErrorReason(sqlite: error))
            throw error
        }
    }
}
