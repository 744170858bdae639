import FoundationEssentials
import GRDB
import PasarCore

/// Customers on the embedded SQLite database; the overview reads carts, orders and returns of the
/// customer (orders also by email, for guest checkouts) in one read transaction.
public final class SQLiteCustomerStore: CustomerStore {
    let pool: MeteredPool

    public init(database: SQLiteDatabase) {
        pool = database.metered
    }

    public func create(_ customer: Customer) async throws -> Customer {
        try await pool.write { db in
            do {
                try db.execute(
                    sql: "INSERT INTO customers (id, email, name, language, market, created_at, marketing_consent_at, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        customer.id, customer.email, customer.name, customer.language, customer.market, customer.createdAt.millis,
                        customer.marketingConsentAt?.millis, customer.phone,
                    ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw StorageError.conflict(field: "email", message: "another customer has the email \(customer.email)")
            }
            return try Self.fetch(db, id: customer.id) ?? customer
        }
    }

    public func customer(id: String) async throws -> Customer? {
        try await pool.read { db in try Self.fetch(db, id: id) }
    }

    public func overview(customerID: String, limit: Int) async throws -> CustomerOverview? {
        try await pool.read { db in
            guard let customer = try Self.fetch(db, id: customerID) else { return nil }
            let carts = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, market, status, channels, updated_at, (SELECT COUNT(*) FROM cart_lines WHERE cart_id = carts.id) AS line_count
                    FROM carts WHERE customer_id = ? ORDER BY updated_at DESC LIMIT ?
                    """,
                arguments: [customerID, limit]
            ).map { row in
                CustomerOverview.CartSummary(
                    id: row["id"], market: row["market"], status: row["status"], channels: ListColumn.decode(row["channels"]) ?? [],
                    lineCount: row["line_count"], updatedAt: Date(millis: row["updated_at"]))
            }
            let orderIDs = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM orders WHERE customer_id = ?1 OR (customer_id IS NULL AND email = ?2 COLLATE NOCASE)
                    ORDER BY placed_at DESC, id DESC LIMIT ?3
                    """,
                arguments: [customerID, customer.email, limit])
            let orders = try orderIDs.map { try SQLiteOrderRows.require(db, id: $0) }
            let returns = try Row.fetchAll(
                db,
                sql: """
                    SELECT returns.id, returns.order_id, returns.channel, returns.refund_minor, orders.currency, returns.created_at
                    FROM returns JOIN orders ON orders.id = returns.order_id
                    WHERE orders.customer_id = ?1 OR (orders.customer_id IS NULL AND orders.email = ?2 COLLATE NOCASE)
                    ORDER BY returns.created_at DESC LIMIT ?3
                    """,
                arguments: [customerID, customer.email, limit]
            ).map { row in
                CustomerOverview.ReturnSummary(
                    id: row["id"], orderID: row["order_id"], channel: row["channel"], refundMinorUnits: row["refund_minor"],
                    currency: row["currency"], createdAt: Date(millis: row["created_at"]))
            }
            return CustomerOverview(customer: customer, carts: carts, orders: orders, returns: returns)
        }
    }

    private static func fetch(_ db: Database, id: String) throws -> Customer? {
        try Row.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [id]).map { row in
            Customer(
                id: row["id"], email: row["email"], name: row["name"], language: row["language"], market: row["market"],
                createdAt: Date(millis: row["created_at"]), marketingConsentAt: (row["marketing_consent_at"] as Int64?).map(Date.init(millis:)),
                phone: row["phone"])
        }
    }
}
