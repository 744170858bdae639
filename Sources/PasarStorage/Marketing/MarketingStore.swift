public import FoundationEssentials
public import PasarCore

/// Marketing email on either database, decided here once (`SharedSQLRunner`): who consented
/// (customers, and guests for their cart's email), which carts are due an abandoned-cart
/// reminder, the `cart_abandoned` event that tells of one (once per cart, ever, whichever process
/// gets there first: a unique index), and unsubscribing.
///
/// A cart's reminder goes to the signed-in customer's address with the customer's consent, else to
/// the cart's own email with the consent given for it (`recipient`, `consented`).
public final class MarketingStore: Sendable {
    let runner: any SharedSQLRunner
    /// Carts untouched for longer are expired (`CartStore`): never reminded.
    let cartLifetime: TimeInterval

    init(runner: any SharedSQLRunner, cartLifetime: TimeInterval) {
        self.runner = runner
        self.cartLifetime = cartLifetime
    }

    /// A cart's (`c`) signed-in customer (`cu`), if any.
    static let customerOfCart = "LEFT JOIN customers cu ON cu.id = c.customer_id"
    static let cartWithCustomer = "carts c \(customerOfCart)"
    /// The address a cart's marketing goes to.
    static let recipient = "CASE WHEN cu.id IS NULL THEN c.email ELSE cu.email END"
    /// Whether that address consented to marketing.
    static let consented = "(CASE WHEN cu.id IS NULL THEN c.marketing_consent_at ELSE cu.marketing_consent_at END) IS NOT NULL"

    /// Up to `limit` carts due a reminder: no line change since `idleSince`, oldest first.
    public func dueReminders(idleSince: Date, now: Date, limit: Int) async throws -> [CartReminderCandidate] {
        try await runner.rows(
            """
            SELECT c.id, c.market, c.customer_id, COALESCE(cu.language, c.language) FROM \(raw: Self.cartWithCustomer) \
            WHERE c.status = 'active' AND c.reminded_at IS NULL AND c.items_updated_at <= \(idleSince.millis) \
            AND c.updated_at > \(now.addingTimeInterval(-cartLifetime).millis) \
            AND \(raw: Self.recipient) <> '' AND \(raw: Self.consented) \
            AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id) \
            ORDER BY c.items_updated_at, c.id LIMIT \(limit)
            """
        ).map { row in
            CartReminderCandidate(cartID: row[0]?.text ?? "", market: row[1]?.text ?? "", customerID: row[2]?.text, language: row[3]?.text)
        }
    }

    /// Marks the cart reminded and appends its `cart_abandoned` event (the email follows from the
    /// outbox); a second call for the same cart, from any process, appends nothing.
    public func remind(_ cart: CartReminderCandidate, language: String, itemCount: Int64, total: Money, now: Date) async throws {
        let event = try OutboxEntry(
            .cartAbandoned, resourceID: cart.cartID, customerID: cart.customerID, market: cart.market, language: language,
            arguments: .init(count: itemCount, amount: total), now: now)
        _ = try await runner.write([
            "UPDATE carts SET reminded_at = \(now.millis) WHERE id = \(cart.cartID) AND reminded_at IS NULL",
            event.insert(dialect: runner.dialect),
        ])
    }

    /// The address a reminder for the cart may go to now: nil when the cart is no longer active or
    /// its address no longer consents.
    public func reminderRecipient(cartID: String) async throws -> String? {
        try await runner.rows(
            """
            SELECT \(raw: Self.recipient) FROM \(raw: Self.cartWithCustomer) \
            WHERE c.id = \(cartID) AND c.status = 'active' AND \(raw: Self.consented)
            """
        ).first?.first??.text
    }

    /// Withdraws every consent given for `email` (customers and carts, any case); returns how many
    /// customers and carts held one.
    public func unsubscribe(email: String) async throws -> Int {
        let address = email.lowercased()
        let changed = try await runner.write([
            "UPDATE customers SET marketing_consent_at = NULL WHERE lower(email) = \(address) AND marketing_consent_at IS NOT NULL RETURNING id",
            "UPDATE carts SET marketing_consent_at = NULL WHERE lower(email) = \(address) AND marketing_consent_at IS NOT NULL RETURNING id",
        ])
        return changed.reduce(0) { $0 + $1.count }
    }
}
