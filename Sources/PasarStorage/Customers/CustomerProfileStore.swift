public import FoundationEssentials

/// Finding and changing customers' contact details and consent on either database (`SharedSQLRunner`): the
/// till looks a customer up by email, phone or an order's number.
public final class CustomerProfileStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// The customer with this email (any case), phone (E.164), or whose order has this number (a
    /// guest order by the customer's email counts); nil when none.
    public func find(email: String? = nil, phone: String? = nil, orderNumber: String? = nil) async throws -> String? {
        let statement: SQLFragment
        if let email {
            statement = "SELECT id FROM customers WHERE lower(email) = \(email.lowercased())"
        } else if let phone {
            statement = "SELECT id FROM customers WHERE phone = \(phone) ORDER BY created_at LIMIT 1"
        } else if let orderNumber {
            statement = """
                SELECT COALESCE(o.customer_id, c.id) FROM orders o LEFT JOIN customers c ON lower(c.email) = lower(o.email) \
                WHERE o.number = \(orderNumber)
                """
        } else {
            return nil
        }
        return try await runner.rows(statement).first?.first??.text
    }

    /// Changes what a customer may change of themselves, in one write: the phone (`.some(nil)`
    /// removes it) and marketing consent (given again, it keeps the time it was first given).
    /// False for an unknown customer.
    public func update(customerID: String, phone: String??, marketingConsent: Bool?, now: Date) async throws -> Bool {
        var sets: [SQLFragment] = []
        if let phone { sets.append("phone = \(phone)") }
        if let marketingConsent {
            sets.append(marketingConsent ? "marketing_consent_at = COALESCE(marketing_consent_at, \(now.millis))" : "marketing_consent_at = NULL")
        }
        let changed = try await runner.write([
            "UPDATE customers SET \(SQLFragment.join(sets.isEmpty ? ["id = id"] : sets, separator: ", ")) WHERE id = \(customerID) RETURNING id"
        ])
        return changed.first?.isEmpty == false
    }
}
