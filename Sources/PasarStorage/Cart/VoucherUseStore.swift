public import FoundationEssentials
public import PasarCore

/// Counts the uses of limited vouchers on either database (`SharedSQLRunner`): an order claims one use
/// of each limited code in all and for its customer, in one write, or none when a limit is reached;
/// cancelling the order gives its uses back. A counter row carries the limit it was claimed under and
/// a CHECK keeps `uses <= limit_uses`, so a claim past the limit fails inside the database and takes
/// the whole write back with it: 100 concurrent orders on a code limited to 10 claim exactly 10.
public final class VoucherUseStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// Claims a use of every limited voucher in `vouchers` for `orderID`; `customerKey` is who uses it
    /// (the customer id, or a guest's lower-cased email; nil counts no per-customer use). Returns the
    /// rejection of the first voucher that has no use left (nothing is claimed then), else nil.
    public func claim(_ vouchers: [Voucher], orderID: String, customerKey: String?, now: Date) async throws -> (code: String, rejection: VoucherRejection)? {
        let limited = vouchers.filter(\.isLimited)
        guard !limited.isEmpty else { return nil }
        var statements: [SQLFragment] = []
        for voucher in limited {
            if let max = voucher.maxUses { statements.append(Self.count(voucher.code, key: "", limit: max)) }
            if let max = voucher.maxUsesPerCustomer, let customerKey { statements.append(Self.count(voucher.code, key: customerKey, limit: max)) }
            statements.append(
                """
                INSERT INTO voucher_redemptions (code, order_id, customer_key, created_at)
                VALUES (\(voucher.code), \(orderID), \(customerKey), \(now.millis))
                """)
        }
        do {
            _ = try await runner.write(statements)
            return nil
        } catch let error where runner.isCheckViolation(error) {
            return try await exhausted(limited, customerKey: customerKey)
        }
    }

    /// Gives back the uses `orderID` claimed (once: a second call finds them given back).
    public func release(orderID: String, now: Date) async throws {
        // The redemptions are marked first (on PostgreSQL that locks them against a concurrent
        // release), then exactly the counters of the rows this write marked go down.
        let released: SQLFragment = "SELECT code, customer_key FROM voucher_redemptions WHERE order_id = \(orderID) AND released_at = \(now.millis)"
        _ = try await runner.write([
            "UPDATE voucher_redemptions SET released_at = \(now.millis) WHERE order_id = \(orderID) AND released_at IS NULL",
            "UPDATE voucher_uses SET uses = uses - 1 WHERE customer_key = '' AND code IN (SELECT code FROM (\(released)) AS r)",
            """
            UPDATE voucher_uses SET uses = uses - 1
            WHERE customer_key <> '' AND (code, customer_key) IN (SELECT code, customer_key FROM (\(released)) AS r)
            """,
        ])
    }

    /// Gives back the uses claimed before `cutoff` by orders that were never placed: a process that
    /// stopped between claiming and placing (the claim comes first, so a code with no use left stops
    /// a checkout before its payment starts). Returns how many orders' claims it gave back.
    public func releaseAbandoned(claimedBefore cutoff: Date, now: Date, limit: Int = 500) async throws -> Int {
        let orderIDs = try await runner.rows(
            """
            SELECT r.order_id FROM voucher_redemptions r \
            WHERE r.released_at IS NULL AND r.created_at < \(cutoff.millis) AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = r.order_id) \
            GROUP BY r.order_id LIMIT \(limit)
            """
        ).compactMap { $0[0]?.text }
        for orderID in orderIDs { try await release(orderID: orderID, now: now) }
        return orderIDs.count
    }

    /// Uses counted for a code in all (`customerKey` nil) or for one customer.
    public func uses(code: String, customerKey: String? = nil) async throws -> Int64 {
        let rows = try await runner.rows("SELECT uses FROM voucher_uses WHERE code = \(code) AND customer_key = \(customerKey ?? "")")
        return rows.first?.first??.integer ?? 0
    }

    /// One more use of `code` under `key` ('' for all uses), refused by the CHECK past `limit`.
    private static func count(_ code: String, key: String, limit: Int64) -> SQLFragment {
        """
        INSERT INTO voucher_uses (code, customer_key, uses, limit_uses) VALUES (\(code), \(key), 1, \(limit))
        ON CONFLICT (code, customer_key) DO UPDATE SET uses = voucher_uses.uses + 1, limit_uses = excluded.limit_uses
        """
    }

    /// Which voucher ran out, read after a refused claim.
    private func exhausted(_ vouchers: [Voucher], customerKey: String?) async throws -> (code: String, rejection: VoucherRejection) {
        for voucher in vouchers {
            if let max = voucher.maxUses, try await uses(code: voucher.code) >= max { return (voucher.code, .usedUp) }
            if let max = voucher.maxUsesPerCustomer, let customerKey, try await uses(code: voucher.code, customerKey: customerKey) >= max {
                return (voucher.code, .alreadyUsed)
            }
        }
        return (vouchers[0].code, .usedUp)
    }
}
