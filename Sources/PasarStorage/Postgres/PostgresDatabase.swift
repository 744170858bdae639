public import CoreMetrics
import Foundation
public import Logging
import PostgresNIO

/// A shared PostgreSQL database: a connection pool, migrated on open. Several Pasar processes may
/// open the same database at once; each keeps nothing that the others could contradict except
/// short-lived caches, which change notifications clear (`PostgresChangeFeed`).
///
/// ```swift
/// let database = try await PostgresDatabase.open(try PostgresLocation(url: "postgres://pasar@db/pasar"))
/// let carts = PostgresCartStore(database: database, lifetime: 30 * 24 * 3600)
/// ```
///
/// Writes run in READ COMMITTED transactions. Every write that depends on a value it read first
/// locks that row (`FOR UPDATE`, or an `UPDATE` as its first statement), or is one conditional
/// statement, so concurrent processes serialize where they must and nowhere else.
public final class PostgresDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger
    public let location: PostgresLocation
    /// How long a read or write waits for a pooled connection, once the server seems gone, before
    /// it fails with `DatabaseUnavailable` (see `withConnection`).
    let leaseTimeout: Duration
    /// Set while the server seems gone (a connection failed or closed under a statement), cleared by
    /// the next connection leased: only then do lease waits give up after `leaseTimeout`.
    let outage = OutageSignal()
    /// The pool's waits and the statements' errors; nil measures nothing.
    let metrics: DatabaseMetrics?
    private let runner: Task<Void, Never>

    private init(
        location: PostgresLocation, maximumConnections: Int, leaseTimeout: Duration, logger: Logger, metrics: (any MetricsFactory)?,
        started: @escaping @Sendable () -> Void
    ) {
        self.location = location
        self.metrics = metrics.map { DatabaseMetrics(factory: $0, database: "postgresql") }
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        let client = PostgresClient(configuration: location.clientConfiguration(maximumConnections: maximumConnections), backgroundLogger: logger)
        self.client = client
        // The pool works while `run()` does; `close()` cancels it.
        runner = Task {
            started()
            await client.run()
        }
    }

    /// Connects, checks the server answers and brings the schema up to date. While the server cannot
    /// be reached later on, each read and write fails with `DatabaseUnavailable` after waiting
    /// `leaseTimeout` for a connection, and succeeds again once the pool reconnects. `metrics`: where
    /// the pool's waits and the statements' errors are reported (`DatabaseMetrics`); nil measures nothing.
    public static func open(
        _ location: PostgresLocation, maximumConnections: Int = 20, leaseTimeout: Duration = .milliseconds(1500),
        logger: Logger = Logger(label: "pasar.postgres"), metrics: (any MetricsFactory)? = nil
    ) async throws -> PostgresDatabase {
        try await open(
            location, maximumConnections: maximumConnections, leaseTimeout: leaseTimeout, logger: logger, metrics: metrics, steps: PostgresMigrations.steps)
    }

    /// `open`, bringing the schema only through `steps` (the upgrade tests stop at an older version).
    static func open(
        _ location: PostgresLocation, maximumConnections: Int, leaseTimeout: Duration, logger: Logger, metrics: (any MetricsFactory)? = nil,
        steps: [PostgresMigrations.Step]
    ) async throws -> PostgresDatabase {
        // Leasing a connection before `run()` began works but logs a warning; wait until the runner is about to call it.
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let database = PostgresDatabase(
            location: location, maximumConnections: maximumConnections, leaseTimeout: leaseTimeout, logger: logger, metrics: metrics
        ) { signal.finish() }
        for await _ in started {}
        await Task.yield()
        do {
            try await database.checkReachable(within: .seconds(30))
            try await PostgresMigrations.migrate(database, steps: steps)
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// The pool retries a server it cannot reach for ever; at start, a wrong URL or a server that is
    /// down should stop the process with a clear message instead.
    private func checkReachable(within limit: Duration) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [client] in
                // Waits as long as the limit allows, not just the lease timeout.
                _ = try await client.withConnection { connection in try await connection.execute("SELECT 1") }
            }
            group.addTask { [location] () async throws -> Void in
                try await Task.sleep(for: limit)
                throw PostgresLocationError("no answer from the PostgreSQL server at \(location.server) (database \(location.database)) within \(limit)")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Stops the pool; connections close once their queries finished.
    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    /// Runs `body` on one pooled connection, outside a transaction (each statement sees the latest commits).
    @discardableResult
    func read<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await withConnection(metrics?.reads) { connection in try await body(connection) }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws (its
    /// error is rethrown as it is). A deadlock or serialization failure, which PostgreSQL resolves
    /// by aborting one side, runs the whole body again; nothing else does, since a write whose
    /// connection broke may have committed.
    @discardableResult
    func write<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        var attempt = 0
        while true {
            do {
                return try await withConnection(metrics?.writes) { connection in
                    try await connection.execute("BEGIN", logger: logger)
                    do {
                        let result = try await body(connection)
                        try await connection.execute("COMMIT", logger: logger)
                        return result
                    } catch {
                        _ = try? await connection.execute("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch let error as PSQLError where error.isTransient && attempt < 8 {
                attempt += 1
                // Back off a little so the side that won can finish.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(2 << attempt))))
            }
        }
    }
}

extension PSQLError {
    /// The server's SQLSTATE, e.g. `23505` for a unique violation.
    var sqlState: String? { serverInfo?[.sqlState] }
    /// The constraint a violation names.
    var constraintName: String? { serverInfo?[.constraintName] }

    /// Serialization failure or deadlock: the transaction may succeed when run again.
    var isTransient: Bool { sqlState == "40001" || sqlState == "40P01" }
    var isUniqueViolation: Bool { sqlState == "23505" }
    var isCheckViolation: Bool { sqlState == "23514" }
}

extension PostgresDatabase {
    /// Creates a database on the server of `server` (whose own database is used to connect): empty,
    /// or a copy of `template` (which nobody may be connected to); for provisioning scripts and
    /// tests, which give each server under test a database of its own.
    public static func createDatabase(named name: String, template: String? = nil, on server: PostgresLocation) async throws {
        let copy = template.map { " TEMPLATE \(quoted($0))" } ?? ""
        try await administer(server, PostgresQuery(unsafeSQL: "CREATE DATABASE \(quoted(name))\(copy)"))
    }

    /// Drops a database, closing the connections still open to it.
    public static func dropDatabase(named name: String, on server: PostgresLocation) async throws {
        try await administer(server, PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)"))
    }

    private static func administer(_ server: PostgresLocation, _ statement: PostgresQuery) async throws {
        let client = PostgresClient(configuration: server.clientConfiguration(maximumConnections: 1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.withConnection { connection in _ = try await connection.execute(statement) }
        }
    }

    /// An SQL identifier in double quotes.
    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
