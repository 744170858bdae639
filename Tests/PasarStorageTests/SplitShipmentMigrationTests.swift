import Foundation
import GRDB
import Logging
@testable import PasarStorage
import PasarTestSupport
import PostgresNIO
import Testing

/// `v13-split-shipments` on a database that already holds orders: every ship order gets one
/// shipment with all its lines, in the state the order is in (a parcel's tracking kept), collect
/// orders get none, and nothing referring to `orders` loses its target (SQLite copies that table).
@Suite("Upgrading orders to shipments")
struct SplitShipmentMigrationTests {
    /// Three orders as v12 stored them: shipped with a parcel, paid, and a collect order.
    static let ordersBefore = [
        """
        INSERT INTO orders (id, number, market, channel, language, currency, prices_include_tax, status, fulfilment, location, shipping_method,
            shipping_address, pickup_store, payment_provider, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, snapshot,
            placed_at, updated_at)
        VALUES ('ord_shipped', 'PAS-1', 'de', 'web', 'en', 'EUR', 1, 'shipped', 'ship', 'leipzig-lager', 'standard', '{}', NULL, 'manual',
                1000, 0, 490, 0, 1490, '{}', 1000, 3000),
               ('ord_paid', 'PAS-2', 'de', 'web', 'en', 'EUR', 1, 'paid', 'ship', 'berlin-mitte', 'standard', '{}', NULL, 'manual',
                1000, 0, 490, 0, 1490, '{}', 1000, 2000),
               ('ord_collect', 'PAS-3', 'de', 'web', 'en', 'EUR', 1, 'placed', 'collect', 'berlin-mitte', NULL, NULL, 'berlin-mitte', 'manual',
                1000, 0, 0, 0, 1000, '{}', 1000, 1000)
        """,
        """
        INSERT INTO order_lines (order_id, line_number, sku, product_id, name, quantity, unit_minor, amount_minor, discount_minor, tax_rate,
            net_minor, tax_minor, gross_minor, formatted)
        VALUES ('ord_shipped', 1, 'A', 'a', 'A', 1, 500, 500, 0, '19', 420, 80, 500, '{}'),
               ('ord_shipped', 2, 'B', 'b', 'B', 1, 500, 500, 0, '19', 420, 80, 500, '{}'),
               ('ord_paid', 1, 'A', 'a', 'A', 2, 500, 1000, 0, '19', 840, 160, 1000, '{}'),
               ('ord_collect', 1, 'A', 'a', 'A', 2, 500, 1000, 0, '19', 840, 160, 1000, '{}')
        """,
        "INSERT INTO order_status_changes (order_id, status, actor, note, changed_at) VALUES ('ord_shipped', 'shipped', 'admin', NULL, 2500)",
        """
        INSERT INTO order_shipments (order_id, number, location, carrier, tracking_number, tracking_url, shipped_at)
        VALUES ('ord_shipped', 1, 'leipzig-lager', 'DHL', '0034', NULL, 2500)
        """,
    ]

    static let expectedShipments = [
        "ord_paid 1 berlin-mitte pending - - -", "ord_shipped 1 leipzig-lager shipped DHL 0034 2500",
    ]
    static let expectedLines = ["ord_collect 1 -", "ord_paid 1 1", "ord_shipped 1 1", "ord_shipped 2 1"]

    static let shipmentsQuery = """
        SELECT order_id || ' ' || number || ' ' || location || ' ' || status || ' ' || COALESCE(carrier, '-') || ' ' ||
            COALESCE(tracking_number, '-') || ' ' || COALESCE(CAST(shipped_at AS TEXT), '-') FROM order_shipments ORDER BY order_id
        """
    static let linesQuery = "SELECT order_id || ' ' || line_number || ' ' || COALESCE(CAST(shipment AS TEXT), '-') FROM order_lines ORDER BY order_id, line_number"
    static let newStatus = "UPDATE orders SET status = 'partially_shipped' WHERE id = 'ord_paid'"

    @Test func sqliteOrdersBecomeShipments() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pasar.sqlite").path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let old = try DatabasePool(path: path, configuration: configuration)
        try SQLiteMigrations.migrator.migrate(old, upTo: "v12-store-operations")
        try old.write { db in for statement in Self.ordersBefore { try db.execute(sql: statement) } }
        try old.close()

        let database = try SQLiteDatabase(path: path)
        defer { try? database.close() }
        try database.pool.write { db in
            #expect(try String.fetchAll(db, sql: Self.shipmentsQuery) == Self.expectedShipments)
            #expect(try String.fetchAll(db, sql: Self.linesQuery) == Self.expectedLines)
            #expect(try String.fetchAll(db, sql: "SELECT status FROM orders ORDER BY id") == ["placed", "paid", "shipped"])
            try db.execute(sql: Self.newStatus)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            for table in ["order_lines", "order_status_changes", "returns", "order_tenders", "order_shipments"] {
                #expect(try String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [table]) == ["orders"], "\(table)")
            }
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured, "needs PASAR_TEST_POSTGRES_URL"))
    func postgresOrdersBecomeShipments() async throws {
        let server = try #require(try TestPostgres.server())
        let name = TestPostgres.databaseName(for: URL(fileURLWithPath: "/upgrade-\(UUID().uuidString)"))
        try await PostgresDatabase.createDatabase(named: name, on: server)
        let through = try #require(PostgresMigrations.steps.firstIndex { $0.name == "v12-store-operations" })
        let old = try await PostgresDatabase.open(
            server.database(name), maximumConnections: 2, leaseTimeout: .seconds(5), logger: Logger(label: "upgrade"),
            steps: Array(PostgresMigrations.steps[...through]))
        try await old.write { connection in
            for statement in Self.ordersBefore { try await connection.execute(PostgresQuery(unsafeSQL: statement)) }
        }
        await old.close()

        let database = try await PostgresDatabase.open(server.database(name), maximumConnections: 2)
        let (shipments, lines) = try await database.write { connection in
            let shipments = try await connection.values(PostgresQuery(unsafeSQL: Self.shipmentsQuery), as: String.self)
            let lines = try await connection.values(PostgresQuery(unsafeSQL: Self.linesQuery), as: String.self)
            try await connection.execute(PostgresQuery(unsafeSQL: Self.newStatus))
            return (shipments, lines)
        }
        await database.close()
        try await PostgresDatabase.dropDatabase(named: name, on: server)
        #expect(shipments == Self.expectedShipments)
        #expect(lines == Self.expectedLines)
    }
}
