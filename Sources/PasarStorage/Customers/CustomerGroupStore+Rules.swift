public import FoundationEssentials

/// A market's spend rule as the store applies it: the group, and the paid spend (minor units of the
/// market's currency) that puts a customer in it.
public struct SpendRule: Sendable, Equatable {
    public let group: String
    public let minimumMinorUnits: Int64

    public init(group: String, minimumMinorUnits: Int64) {
        self.group = group
        self.minimumMinorUnits = minimumMinorUnits
    }
}

/// What applying the rules changed for one customer.
public struct SpendRuleOutcome: Sendable, Equatable {
    public let granted: [String]
    public let withdrawn: [String]
}

extension CustomerGroupStore {
    /// Applies a market's spend rules to one customer in one write: a customer whose paid spend in the
    /// market (order totals less refunds; cancelled and unpaid orders count nothing) reaches a rule's
    /// minimum is in its group, granted by the rule; one below it loses the rule's membership (an
    /// admin's membership of the same group stays). The spend is summed inside each statement, so
    /// concurrent payments and refunds leave the memberships their final spend calls for.
    public func applySpendRules(_ rules: [SpendRule], customerID: String, market: String, now: Date) async throws -> SpendRuleOutcome {
        guard !rules.isEmpty else { return SpendRuleOutcome(granted: [], withdrawn: []) }
        let spend: SQLFragment = """
            (SELECT COALESCE(SUM(total_minor - refunded_minor), 0) FROM orders
             WHERE customer_id = \(customerID) AND market = \(market) AND paid_at IS NOT NULL AND status <> 'cancelled')
            """
        var statements: [SQLFragment] = []
        for rule in rules {
            statements.append(
                """
                INSERT INTO customer_groups (customer_id, code, source, market, expires_at, created_at)
                SELECT id, \(rule.group), 'rule', \(market), NULL, \(now.millis) FROM customers
                WHERE id = \(customerID) AND \(spend) >= \(rule.minimumMinorUnits)
                ON CONFLICT (customer_id, code, source) DO NOTHING
                RETURNING code
                """)
            statements.append(
                """
                DELETE FROM customer_groups WHERE customer_id = \(customerID) AND code = \(rule.group) AND source = 'rule'
                  AND market = \(market) AND \(spend) < \(rule.minimumMinorUnits)
                RETURNING code
                """)
        }
        let results = try await runner.write(statements)
        var granted: [String] = []
        var withdrawn: [String] = []
        for (index, rows) in results.enumerated() {
            let codes = rows.compactMap { $0.first??.text }
            if index.isMultiple(of: 2) { granted += codes } else { withdrawn += codes }
        }
        return SpendRuleOutcome(granted: granted, withdrawn: withdrawn)
    }
}
