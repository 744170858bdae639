public import PasarCore

/// A customer group a market declares (`customer_groups:` in its file): a merchant's own code that price
/// rows and vouchers may name, and optionally the rule that puts customers in it.
///
/// ```yaml
/// customer_groups:
///   - code: students
///   - code: gold
///     lifetime_spend: "500.00"   # paid orders in this market, refunds deducted, in the market's currency
/// ```
public struct CustomerGroupDefinition: Sendable, Hashable {
    public let code: String
    /// The rule: a customer whose paid spend in the market (total less refunds, cancelled orders not
    /// counted) reaches this amount is in the group; nil: only admins set the group.
    public let lifetimeSpend: Money?

    public init(code: String, lifetimeSpend: Money? = nil) {
        self.code = code
        self.lifetimeSpend = lifetimeSpend
    }
}
