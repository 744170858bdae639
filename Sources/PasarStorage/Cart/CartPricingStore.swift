public import FoundationEssentials

/// Prices a whole cart again in one write on either database (`SharedSQLRunner`), when who buys changes:
/// a customer signed in or a cart merged (their groups' prices), or the customer signed out (`detach`).
/// The prices are computed by the caller from the cart at one version; the write applies them only
/// while the cart is still at that version, so a line added meanwhile is never left unpriced.
public final class CartPricingStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// Writes `prices` (keyed by line id; a line's unit price is its tier for `cart`'s quantity) and,
    /// with `detachCustomer`, takes the customer off the cart; the version grows by one and `channel`
    /// is recorded. False when the cart is no longer active at `cart.version` (price it again).
    public func reprice(_ cart: StoredCart, prices: [String: LinePrice], detachCustomer: Bool, channel: String, now: Date) async throws -> Bool {
        guard cart.lines.allSatisfy({ prices[$0.id] != nil }) else { return false }
        let dialect = runner.dialect
        let listed = ",\(channel),"
        var statements: [SQLFragment] = [
            """
            UPDATE carts SET version = version + 1, updated_at = \(now.millis),
                customer_id = \(raw: detachCustomer ? "NULL" : "customer_id"),
                channels = CASE WHEN \(dialect.contains("channels", "\(listed)")) THEN channels ELSE channels || \(channel) || ',' END
            WHERE id = \(cart.id) AND status = 'active' AND version = \(cart.version)
            RETURNING version
            """
        ]
        for line in cart.lines {
            guard let price = prices[line.id] else { continue }
            statements.append(
                """
                UPDATE cart_lines SET unit_minor = \(price.unitMinorUnits(forQuantity: line.quantity)), tax_rate = \(price.taxRate),
                    unavailable_reason = \(price.unavailableReason), compare_at_minor = \(price.compareAtMinorUnits),
                    customer_group = \(price.customerGroup), priced_at = \(now.millis)
                WHERE id = \(line.id) AND cart_id = \(cart.id) AND (SELECT version FROM carts WHERE id = \(cart.id)) = \(cart.version + 1)
                """)
        }
        let results = try await runner.write(statements)
        return results.first?.isEmpty == false
    }
}
