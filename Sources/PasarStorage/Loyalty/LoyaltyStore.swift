public import FoundationEssentials
public import PasarCore

/// Reading loyalty points on either database, decided here once (`SharedSQLRunner`): a customer's
/// balance in a market (`LoyaltyBalance`: expiry and clawback computed from the ledger), their
/// history page by page, and a market's liability. Entries are written by the order stores, in the
/// transactions of the orders that make them.
public final class LoyaltyStore: Sendable {
    let runner: any SharedSQLRunner

    init(runner: any SharedSQLRunner) {
        self.runner = runner
    }

    /// The customer's points in `market` at `now`.
    public func balance(customerID: String, market: String, now: Date) async throws -> LoyaltyBalance {
        LoyaltyBalance(entries: try await entries(customerID: customerID, market: market), at: now)
    }

    /// Every entry of the customer in `market`, in ledger order.
    public func entries(customerID: String, market: String) async throws -> [LoyaltyEntry] {
        try await runner.rows(LoyaltyLedgerSQL.entries(customerID: customerID, market: market)).map(LoyaltyLedgerSQL.entry)
    }

    /// Up to `limit` entries, newest first, before the entry `before` (a sequence) when given.
    public func history(customerID: String, market: String, before: Int64?, limit: Int) async throws -> [LoyaltyEntry] {
        var filter: SQLFragment = "customer_id = \(customerID) AND market = \(market)"
        if let before { filter = filter + " AND sequence < \(before)" }
        return try await runner.rows(
            "SELECT \(raw: LoyaltyLedgerSQL.columns) FROM loyalty_ledger WHERE \(filter) ORDER BY sequence DESC LIMIT \(limit)"
        ).map(LoyaltyLedgerSQL.entry)
    }

    /// What a market owes its customers in points at `now`: each customer's balance from the ledger
    /// (`LoyaltyBalance`), the positive ones summed as outstanding, the negative ones as owed back.
    public func liability(market: String, now: Date) async throws -> LoyaltyLiability {
        let rows = try await runner.rows(
            "SELECT customer_id, \(raw: LoyaltyLedgerSQL.columns) FROM loyalty_ledger WHERE market = \(market) ORDER BY customer_id, sequence")
        var liability = LoyaltyLiability(customers: 0, outstanding: 0, owedBack: 0, expired: 0)
        var index = 0
        while index < rows.count {
            let customer = rows[index][0]?.text
            var entries: [LoyaltyEntry] = []
            while index < rows.count, rows[index][0]?.text == customer {
                entries.append(try LoyaltyLedgerSQL.entry(Array(rows[index].dropFirst())))
                index += 1
            }
            let balance = LoyaltyBalance(entries: entries, at: now)
            liability.customers += 1
            liability.expired += balance.expired
            if balance.points > 0 { liability.outstanding += balance.points } else { liability.owedBack -= balance.points }
        }
        return liability
    }
}

/// A market's points at a moment (`LoyaltyStore.liability`).
public struct LoyaltyLiability: Sendable, Equatable {
    /// Customers with ledger entries in the market.
    public var customers: Int
    /// Spendable points: what the market owes.
    public var outstanding: Int64
    /// Points customers owe after clawbacks (negative balances), as a positive number.
    public var owedBack: Int64
    /// Points that expired unspent.
    public var expired: Int64
}
