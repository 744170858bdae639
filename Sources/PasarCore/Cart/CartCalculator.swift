/// Computes `CartTotals` from priced lines, a discount and shipping, in one documented order:
///
/// 1. line amount = unit amount × quantity (exact);
/// 2. the discount (a percentage of the subtotal, rounded once, or a fixed amount capped at the
///    subtotal), then the loyalty points' value (capped at what the discount left of the subtotal),
///    together are allocated over the lines in proportion to their amounts (largest remainder);
/// 3. tax per line on the discounted amount — or, when the market rounds per total, once per tax
///    rate on the sum of that rate's lines, allocated back to them — in the market's rounding mode.
public enum CartCalculator {
    /// A line to total: its unit amount as the price list states it (gross or net).
    public struct Line: Sendable {
        public let id: String
        public let quantity: Int64
        public let unitAmount: Money
        public let taxRate: ExactDecimal

        public init(id: String, quantity: Int64, unitAmount: Money, taxRate: ExactDecimal) {
            self.id = id
            self.quantity = quantity
            self.unitAmount = unitAmount
            self.taxRate = taxRate
        }
    }

    /// A cart-level discount.
    public enum Discount: Sendable, Equatable {
        case none
        case percentage(ExactDecimal)
        case fixed(Money)
    }

    /// Where tax is rounded.
    public enum RoundingLevel: String, Sendable, CaseIterable, Codable {
        /// Each line's tax is rounded, then summed.
        case line
        /// Tax is computed once per rate on the sum of the lines, then allocated back to lines.
        case total
    }

    public struct Policy: Sendable {
        public var pricesIncludeTax: Bool
        public var rounding: RoundingMode
        public var level: RoundingLevel

        public init(pricesIncludeTax: Bool, rounding: RoundingMode = .halfEven, level: RoundingLevel = .line) {
            self.pricesIncludeTax = pricesIncludeTax
            self.rounding = rounding
            self.level = level
        }
    }

    public static func totals(
        lines: [Line], currency: Currency, discount: Discount = .none, loyalty: Money? = nil, shipping: Line? = nil, policy: Policy
    ) throws(MoneyError) -> CartTotals {
        var amounts: [Money] = []
        for line in lines {
            guard line.unitAmount.currency.code == currency.code else {
                throw .currencyMismatch(currency.code, line.unitAmount.currency.code)
            }
            amounts.append(try line.unitAmount.multiplied(by: line.quantity))
        }
        let subtotal = try Money.sum(amounts, currency: currency)
        let voucherDiscount = try discountAmount(discount, subtotal: subtotal)
        let loyaltyDiscount = try discountAmount(loyalty.map { .fixed($0) } ?? .none, subtotal: try subtotal.subtracting(voucherDiscount))
        let discountTotal = try voucherDiscount.adding(loyaltyDiscount)
        let discounts =
            lines.isEmpty || discountTotal.isZero
            ? amounts.map { _ in Money.zero(currency) }
            : try discountTotal.allocate(weights: amounts.map { max($0.minorUnits, 0) })
        var discounted: [Money] = []
        for (amount, discount) in zip(amounts, discounts) { discounted.append(try amount.subtracting(discount)) }
        let taxes = try lineTaxes(lines: lines, amounts: discounted, policy: policy, currency: currency)
        var totals: [LineTotals] = []
        for index in lines.indices {
            totals.append(
                try lineTotals(
                    lines[index], amount: amounts[index], discount: discounts[index], discounted: discounted[index],
                    tax: taxes[index], policy: policy))
        }
        let shippingTotals = try shipping.map { line throws(MoneyError) in
            let amount = try line.unitAmount.multiplied(by: line.quantity)
            let tax = try tax(on: amount, rate: line.taxRate, policy: policy)
            return try lineTotals(line, amount: amount, discount: .zero(currency), discounted: amount, tax: tax, policy: policy)
        }
        let all = totals + (shippingTotals.map { [$0] } ?? [])
        return CartTotals(
            lines: totals, subtotal: subtotal, discount: discountTotal, loyaltyDiscount: loyaltyDiscount, shipping: shippingTotals,
            taxes: try taxLines(all, currency: currency), net: try Money.sum(all.map(\.net), currency: currency),
            tax: try Money.sum(all.map(\.tax), currency: currency), total: try Money.sum(all.map(\.gross), currency: currency))
    }

    private static func discountAmount(_ discount: Discount, subtotal: Money) throws(MoneyError) -> Money {
        switch discount {
        case .none:
            return .zero(subtotal.currency)
        case .percentage(let rate):
            guard rate.isWithin(0, 100) else { throw .invalidArgument("a discount percentage must be 0 to 100") }
            return try subtotal.percentage(rate, rounding: .halfEven)
        case .fixed(let amount):
            try subtotal.requireSameCurrency(amount)
            return amount.minorUnits > subtotal.minorUnits ? subtotal : amount
        }
    }

    /// Tax of each discounted line amount, rounded per line or per rate as the policy says.
    private static func lineTaxes(lines: [Line], amounts: [Money], policy: Policy, currency: Currency) throws(MoneyError) -> [Money] {
        guard policy.level == .total else {
            var taxes: [Money] = []
            for (line, amount) in zip(lines, amounts) { taxes.append(try tax(on: amount, rate: line.taxRate, policy: policy)) }
            return taxes
        }
        var taxes = amounts.map { _ in Money.zero(currency) }
        let groups = Dictionary(grouping: lines.indices, by: { lines[$0].taxRate })
        for (rate, indices) in groups {
            let groupAmount = try Money.sum(indices.map { amounts[$0] }, currency: currency)
            let groupTax = try tax(on: groupAmount, rate: rate, policy: policy)
            let weights = indices.map { max(amounts[$0].minorUnits, 0) }
            let shares = weights.allSatisfy { $0 == 0 } ? indices.map { _ in Money.zero(currency) } : try groupTax.allocate(weights: weights)
            for (index, share) in zip(indices, shares) { taxes[index] = share }
        }
        return taxes
    }

    private static func tax(on amount: Money, rate: ExactDecimal, policy: Policy) throws(MoneyError) -> Money {
        policy.pricesIncludeTax
            ? try amount.includedTax(at: rate, rounding: policy.rounding)
            : try amount.percentage(rate, rounding: policy.rounding)
    }

    private static func lineTotals(
        _ line: Line, amount: Money, discount: Money, discounted: Money, tax: Money, policy: Policy
    ) throws(MoneyError) -> LineTotals {
        let net = policy.pricesIncludeTax ? try discounted.subtracting(tax) : discounted
        let gross = policy.pricesIncludeTax ? discounted : try discounted.adding(tax)
        return LineTotals(
            id: line.id, quantity: line.quantity, unitAmount: line.unitAmount, amount: amount, discount: discount,
            taxRate: line.taxRate, net: net, tax: tax, gross: gross)
    }

    private static func taxLines(_ lines: [LineTotals], currency: Currency) throws(MoneyError) -> [TaxLine] {
        var byRate: [ExactDecimal: (net: Money, tax: Money)] = [:]
        for line in lines {
            let current = byRate[line.taxRate] ?? (.zero(currency), .zero(currency))
            byRate[line.taxRate] = (try current.net.adding(line.net), try current.tax.adding(line.tax))
        }
        return byRate.map { TaxLine(rate: $0.key, net: $0.value.net, tax: $0.value.tax) }
            .sorted { $0.rate < $1.rate }
    }
}
