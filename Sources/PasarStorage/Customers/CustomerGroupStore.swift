public import FoundationEssentials
public import PasarCore

/// Customers' groups on either database (`SharedSQLRunner`): memberships admins set, the ones a market's
/// spend rule grants and withdraws, and the active groups a cart is priced with.
public final class CustomerGroupStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// Puts the customer in `group` (again: the new expiry replaces the old); false for an unknown customer.
    public func set(customerID: String, group: CustomerGroup) async throws -> Bool {
        let written = try await runner.write([
            """
            INSERT INTO customer_groups (customer_id, code, source, market, expires_at, created_at)
            SELECT id, \(group.code), \(group.source.rawValue), \(group.market), \(group.expiresAt?.millis), \(group.since.millis)
            FROM customers WHERE id = \(customerID)
            ON CONFLICT (customer_id, code, source) DO UPDATE SET expires_at = excluded.expires_at, market = excluded.market
            RETURNING code
            """
        ])
        return written.first?.isEmpty == false
    }

    /// Takes the customer out of `code` as far as `source` put them in; false when they were not.
    public func remove(customerID: String, code: String, source: CustomerGroup.Source) async throws -> Bool {
        let removed = try await runner.write([
            "DELETE FROM customer_groups WHERE customer_id = \(customerID) AND code = \(code) AND source = \(source.rawValue) RETURNING code"
        ])
        return removed.first?.isEmpty == false
    }

    /// Every membership of the customer, expired ones included, by code then source.
    public func groups(customerID: String) async throws -> [CustomerGroup] {
        let rows = try await runner.rows(
            """
            SELECT code, source, market, expires_at, created_at FROM customer_groups WHERE customer_id = \(customerID)
            ORDER BY \(raw: runner.dialect.bytewise("code")), source
            """)
        return rows.compactMap { row in
            guard let code = row[0]?.text, let source = row[1]?.text.flatMap(CustomerGroup.Source.init(rawValue:)), let since = row[4]?.integer
            else { return nil }
            return CustomerGroup(
                code: code, source: source, market: row[2]?.text, expiresAt: row[3]?.integer.map(Date.init(millis:)), since: Date(millis: since))
        }
    }

    /// The customer a cart belongs to and the codes of their groups active at `now` (each once, sorted);
    /// nil customer for a guest cart or an unknown one.
    public func activeGroups(cartID: String, now: Date) async throws -> (customerID: String?, codes: [String]) {
        let rows = try await runner.rows(
            """
            SELECT carts.customer_id, g.code FROM carts
            LEFT JOIN customer_groups g ON g.customer_id = carts.customer_id AND (g.expires_at IS NULL OR g.expires_at > \(now.millis))
            WHERE carts.id = \(cartID)
            """)
        let codes = Set(rows.compactMap { $0[1]?.text }).sorted()
        return (rows.first?[0]?.text, codes)
    }

    /// The codes of the customer's groups active at `now`, each once, sorted.
    public func activeCodes(customerID: String, now: Date) async throws -> [String] {
        let rows = try await runner.rows(
            "SELECT code FROM customer_groups WHERE customer_id = \(customerID) AND (expires_at IS NULL OR expires_at > \(now.millis))")
        return Set(rows.compactMap { $0[0]?.text }).sorted()
    }
}
