import Foundation
import GRDB
import Logging
import MetricsTestKit
import PostgresNIO
import PasarTestSupport
import Testing

@testable import PasarStorage

/// The connection pool and statement error metrics of both databases, read from swift-metrics'
/// test factory: every read and write times its wait and counts its connection in use, an error
/// the database raised is counted by reason, an error the code threw is not.
struct DatabaseMetricsTests {
    private struct Refused: Error {}

    /// A row that breaks a NOT NULL constraint, the same on both databases.
    private static let violation = "INSERT INTO outbox_events (type) VALUES ('metrics_test')"

    @Test func sqliteReadsAndWritesAreMeasured() async throws {
        let metrics = TestMetrics()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("pasar.sqlite").path, metrics: metrics)
        defer { try? database.close() }
        let opened = try waits(metrics, database: "sqlite")

        _ = try await database.metered.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox_events") }
        try await database.metered.write { db in try db.execute(sql: "DELETE FROM outbox_events") }
        await #expect(throws: DatabaseError.self) { try await database.metered.write { db in try db.execute(sql: Self.violation) } }
        await #expect(throws: Refused.self) { try await database.metered.write { _ in throw Refused() } }
        // A write whose task is cancelled before it starts stops counting as waiting either way.
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await database.metered.write { _ in }
        }
        _ = try? await cancelled.value

        try expect(metrics, database: "sqlite", reads: 1, writes: 3...4, after: opened)
    }

    @Test func postgresReadsAndWritesAreMeasured() async throws {
        guard let server = try TestPostgres.server() else { return }
        let metrics = TestMetrics()
        let name = TestPostgres.databaseName(for: URL(fileURLWithPath: "/metrics-\(UUID().uuidString)"))
        try await PostgresDatabase.createDatabase(named: name, on: server)
        let database = try await PostgresDatabase.open(server.database(name), maximumConnections: 2, metrics: metrics)
        let logger = Logger(label: "test")
        do {
            let opened = try waits(metrics, database: "postgresql")  // the migrations wrote
            try await database.read { connection in _ = try await connection.query("SELECT COUNT(*) FROM outbox_events", logger: logger) }
            try await database.write { connection in _ = try await connection.query("DELETE FROM outbox_events", logger: logger) }
            await #expect(throws: PSQLError.self) {
                try await database.write { connection in _ = try await connection.query(PostgresQuery(unsafeSQL: Self.violation), logger: logger) }
            }
            await #expect(throws: Refused.self) { try await database.write { _ in throw Refused() } }
            try expect(metrics, database: "postgresql", reads: 1, writes: 3...3, after: opened)
        } catch {
            await database.close()
            try? await PostgresDatabase.dropDatabase(named: name, on: server)
            throw error
        }
        await database.close()
        try await PostgresDatabase.dropDatabase(named: name, on: server)
    }

    /// The waits timed so far: reads, writes.
    private func waits(_ metrics: TestMetrics, database: String) throws -> (read: Int, write: Int) {
        let timed = { (access: String) in
            try metrics.expectTimer(DatabaseMetricName.wait, [("database", database), ("access", access)]).values.count
        }
        return (try timed("read"), try timed("write"))
    }

    private func expect(_ metrics: TestMetrics, database: String, reads: Int, writes: ClosedRange<Int>, after opened: (read: Int, write: Int)) throws {
        let now = try waits(metrics, database: database)
        #expect(now.read - opened.read == reads)
        #expect(writes.contains(now.write - opened.write), "\(now.write - opened.write) writes")
        for access in ["read", "write"] {
            let labels = [("database", database), ("access", access)]
            #expect(try metrics.expectMeter(DatabaseMetricName.inUse, labels).lastValue ?? 0 == 0)
            #expect(try metrics.expectMeter(DatabaseMetricName.waiting, labels).lastValue ?? 0 == 0)
        }
        let errors = { (reason: String) in
            try metrics.expectCounter(DatabaseMetricName.statementErrors, [("database", database), ("reason", reason)]).totalValue
        }
        #expect(try errors("constraint") == 1, "the NOT NULL violation; the code's own error is not counted")
        #expect(try errors("other") == 0)
        #expect(try errors("unavailable") == 0)
    }
}
