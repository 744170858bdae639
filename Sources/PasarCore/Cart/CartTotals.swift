/// Exact totals of a cart: every displayed amount adds up to the grand total, to the minor unit.
///
/// For each line `net + tax == gross` and `gross == amount - discount` (tax-inclusive markets) or
/// `gross == amount - discount + tax` (tax added at checkout); the cart's net, tax and grand total
/// are plain sums of the lines and shipping, so nothing can drift.
public struct CartTotals: Sendable, Equatable {
    public let lines: [LineTotals]
    /// Sum of line amounts before discounts (as listed: gross or net per the market's tax mode).
    public let subtotal: Money
    /// Sum of line discounts (voucher amounts and the loyalty points' value, allocated over lines).
    public let discount: Money
    /// The part of `discount` that redeemed loyalty points pay.
    public let loyaltyDiscount: Money
    public let shipping: LineTotals?
    /// Tax per rate, for receipts and invoices.
    public let taxes: [TaxLine]
    public let net: Money
    public let tax: Money
    public let total: Money
}

/// One line's amounts; `id` names the cart line (or `shipping`).
public struct LineTotals: Sendable, Equatable {
    public let id: String
    public let quantity: Int64
    public let unitAmount: Money
    /// `unitAmount × quantity`.
    public let amount: Money
    public let discount: Money
    public let taxRate: ExactDecimal
    public let net: Money
    public let tax: Money
    public let gross: Money
}

/// Tax collected at one rate.
public struct TaxLine: Sendable, Equatable {
    public let rate: ExactDecimal
    public let net: Money
    public let tax: Money
}
