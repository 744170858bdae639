import FoundationEssentials
import PasarCore
import PostgresNIO

/// Customers on a shared PostgreSQL database; the overview reads carts, orders and returns of the
/// customer (orders also by email, for guest checkouts) in one snapshot.
public final class PostgresCustomerStore: CustomerStore {
    let database: PostgresDatabase

    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func create(_ customer: Customer) async throws -> Customer {
        do {
            return try await database.write { connection in
                try await connection.execute(
                    """
                    INSERT INTO customers (id, email, name, language, market, created_at, marketing_consent_at, phone)
                    VALUES (\(customer.id), \(customer.email), \(customer.name), \(customer.language), \(customer.market), \(customer.createdAt.millis),
                        \(customer.marketingConsentAt?.millis), \(customer.phone))
                    """)
                return try await Self.fetch(connection, id: customer.id) ?? customer
            }
        } catch let error as PSQLError where error.isUniqueViolation && error.constraintName == "customers_email_key" {
            // The unique index on lower(email) decides between concurrent sign-ups with one address.
            throw StorageError.conflict(field: "email", message: "another customer has the email \(customer.email)")
        }
    }

    public func customer(id: String) async throws -> Customer? {
        try await database.read { connection in try await Self.fetch(connection, id: id) }
    }

    public func overview(customerID: String, limit: Int) async throws -> CustomerOverview? {
        try await PostgresOrderRows.consistentRead(database) { connection -> CustomerOverview? in
            guard let customer = try await Self.fetch(connection, id: customerID) else { return nil }
            let carts = try await connection.rows(
                """
                SELECT id, market, status, channels, updated_at,
                    (SELECT COUNT(*) FROM cart_lines WHERE cart_id = carts.id) AS line_count
                FROM carts WHERE customer_id = \(customerID) ORDER BY updated_at DESC LIMIT \(Int64(limit))
                """
            ).map { row in
                CustomerOverview.CartSummary(
                    id: try row.get("id"), market: try row.get("market"), status: try row.get("status"),
                    channels: ListColumn.decode(try row.get("channels", as: String?.self)) ?? [],
                    lineCount: Int(try row.get("line_count", as: Int64.self)), updatedAt: Date(millis: try row.get("updated_at")))
            }
            let orders = try await PostgresOrderRows.customerOrders(connection, customerID: customerID, email: customer.email, limit: limit)
            let returns = try await connection.rows(
                """
                SELECT returns.id, returns.order_id, returns.channel, returns.refund_minor, orders.currency, returns.created_at
                FROM returns JOIN orders ON orders.id = returns.order_id
                WHERE orders.customer_id = \(customerID) OR (orders.customer_id IS NULL AND lower(orders.email) = lower(\(customer.email)))
                ORDER BY returns.created_at DESC LIMIT \(Int64(limit))
                """
            ).map { row in
                CustomerOverview.ReturnSummary(
                    id: try row.get("id"), orderID: try row.get("order_id"), channel: try row.get("channel"),
                    refundMinorUnits: try row.get("refund_minor"), currency: try row.get("currency"),
                    createdAt: Date(millis: try row.get("created_at")))
            }
            return CustomerOverview(customer: customer, carts: carts, orders: orders, returns: returns)
        }
    }

    private static func fetch(_ connection: PostgresConnection, id: String) async throws -> Customer? {
        try await connection.row("SELECT id, email, name, language, market, created_at, marketing_consent_at, phone FROM customers WHERE id = \(id)").map { row in
            Customer(
                id: try row.get("id"), email: try row.get("email"), name: try row.get("name"), language: try row.get("language"),
                market: try row.get("market"), createdAt: Date(millis: try row.get("created_at")),
                marketingConsentAt: try row.get("marketing_consent_at", as: Int64?.self).map(Date.init(millis:)), phone: try row.get("phone", as: String?.self))
        }
    }
}
