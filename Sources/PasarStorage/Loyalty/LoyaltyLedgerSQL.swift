import FoundationEssentials
import PasarCore

/// The loyalty ledger's statements, written once for both databases. Every entry carries a
/// `reference` naming what made it (`earn:<order>`, `redeem:<order>`, `restore:<order>`,
/// `reverse:<return>`), unique, so a repeated step appends nothing.
enum LoyaltyLedgerSQL {
    static let columns = "sequence, kind, points, order_id, created_at, expires_at"

    /// A customer's entries in a market, in ledger order.
    static func entries(customerID: String, market: String) -> SQLFragment {
        "SELECT \(raw: columns) FROM loyalty_ledger WHERE customer_id = \(customerID) AND market = \(market) ORDER BY sequence"
    }

    static func entry(_ row: [SQLValue?]) throws -> LoyaltyEntry {
        guard let kind = row[1]?.text.flatMap(LoyaltyEntry.Kind.init(rawValue:)) else { throw StorageError.corrupt("loyalty entry kind") }
        return LoyaltyEntry(
            sequence: row[0]?.integer ?? 0, kind: kind, points: row[2]?.integer ?? 0, orderID: row[3]?.text,
            createdAt: Date(millis: row[4]?.integer ?? 0), expiresAt: row[5]?.integer.map(Date.init(millis:)))
    }

    /// The class of the PostgreSQL advisory locks that serialize redemptions of one customer in one
    /// market ("loya"); SQLite's single writer needs none.
    static let lockClass: Int32 = 0x6C6F_7961

    /// Held until the transaction ends: a second redemption of the same points waits, then reads
    /// the ledger the first one left.
    static func lock(customerID: String, market: String, dialect: SQLDialect) -> SQLFragment? {
        switch dialect {
        case .sqlite: nil
        case .postgres: "SELECT pg_advisory_xact_lock(\(raw: String(lockClass)), hashtext(\(customerID + "/" + market)))"
        }
    }

    /// Appends one entry, unless its reference is taken.
    static func insert(
        customerID: String, market: String, kind: LoyaltyEntry.Kind, points: Int64, orderID: String?, reference: String, expiresAt: Date?, now: Date
    ) -> SQLFragment {
        """
        INSERT INTO loyalty_ledger (customer_id, market, kind, points, order_id, reference, expires_at, created_at) \
        VALUES (\(customerID), \(market), \(kind.rawValue), \(points), \(orderID), \(reference), \(expiresAt?.millis), \(now.millis)) \
        ON CONFLICT DO NOTHING
        """
    }

    /// Takes back the share of an order's earned points that its refunds reached: with `E` earned on
    /// a total `T`, refunds that grew from `before` to `after` reverse `⌊E·after/T⌋ − ⌊E·before/T⌋`
    /// points, so partial refunds add up to exactly `E` once everything was refunded. Nothing when the
    /// order earned nothing.
    static func reversal(order: Order, reference: String, refundedBefore: Money, refundedAfter: Money, now: Date) -> SQLFragment? {
        let total = order.totals.total.minorUnits
        guard total > 0, refundedAfter.minorUnits > refundedBefore.minorUnits else { return nil }
        let reached: SQLFragment = "(e.points * \(refundedAfter.minorUnits) / \(total))"
        let before: SQLFragment = "(e.points * \(refundedBefore.minorUnits) / \(total))"
        return """
            INSERT INTO loyalty_ledger (customer_id, market, kind, points, order_id, reference, expires_at, created_at) \
            SELECT e.customer_id, e.market, 'reverse', \(before) - \(reached), e.order_id, \(reference), NULL, \(now.millis) \
            FROM loyalty_ledger e WHERE e.reference = \(earnReference(order.id)) AND \(reached) > \(before) \
            ON CONFLICT DO NOTHING
            """
    }

    /// Gives back the points an order redeemed (its order was cancelled); they count as newly
    /// earned, expiring at `expiresAt`.
    static func restore(orderID: String, expiresAt: Date?, now: Date) -> SQLFragment {
        """
        INSERT INTO loyalty_ledger (customer_id, market, kind, points, order_id, reference, expires_at, created_at) \
        SELECT r.customer_id, r.market, 'restore', -r.points, r.order_id, \("restore:" + orderID), \(expiresAt?.millis), \(now.millis) \
        FROM loyalty_ledger r WHERE r.reference = \(redeemReference(orderID)) \
        ON CONFLICT DO NOTHING
        """
    }

    static func earnReference(_ orderID: String) -> String { "earn:" + orderID }
    static func redeemReference(_ orderID: String) -> String { "redeem:" + orderID }
}
