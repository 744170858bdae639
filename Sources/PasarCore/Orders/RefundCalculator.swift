/// Exact refunds for returned units of an order line.
///
/// A line's paid amounts (amount before discount, discount, tax) are spread over its units by the
/// largest-remainder method — the first units carry the extra minor units, as `Money.split(into:)`
/// does — and a return of units `k+1 … k+n` refunds exactly those units' shares. So returns of
/// every unit, in any number of steps, refund exactly what the line cost: nothing is lost to
/// rounding and nothing is refunded twice.
///
/// ```swift
/// // 3 units for 10.00 with a 1.00 discount, tax 1.44 included (gross 9.00):
/// let line = RefundCalculator.PaidLine(quantity: 3, amount: 10.00, discount: 1.00, tax: 1.44, pricesIncludeTax: true)
/// try RefundCalculator.refund(line, alreadyReturned: 0, returning: 1).gross   // 3.00 (3.34 − 0.34)
/// try RefundCalculator.refund(line, alreadyReturned: 1, returning: 2).gross   // 6.00 — 9.00 in all
/// ```
public enum RefundCalculator {
    /// What a line cost, as the order recorded it.
    public struct PaidLine: Sendable, Equatable {
        public let quantity: Int64
        /// Unit amount × quantity, as listed (gross or net per the market's tax mode).
        public let amount: Money
        public let discount: Money
        public let tax: Money
        public let pricesIncludeTax: Bool

        public init(quantity: Int64, amount: Money, discount: Money, tax: Money, pricesIncludeTax: Bool) {
            self.quantity = quantity
            self.amount = amount
            self.discount = discount
            self.tax = tax
            self.pricesIncludeTax = pricesIncludeTax
        }

        /// What the customer paid for the line: `amount − discount` (+ tax where it is added).
        public var gross: Money {
            get throws(MoneyError) {
                let discounted = try amount.subtracting(discount)
                return pricesIncludeTax ? discounted : try discounted.adding(tax)
            }
        }
    }

    /// The refund for some units of a line; `net + tax == gross` and `amount − discount (+ tax) == gross`.
    public struct Refund: Sendable, Equatable {
        public let quantity: Int64
        public let amount: Money
        public let discount: Money
        public let tax: Money
        public let net: Money
        public let gross: Money

        public init(quantity: Int64, amount: Money, discount: Money, tax: Money, net: Money, gross: Money) {
            self.quantity = quantity
            self.amount = amount
            self.discount = discount
            self.tax = tax
            self.net = net
            self.gross = gross
        }
    }

    public static func refund(_ line: PaidLine, alreadyReturned: Int64, returning: Int64) throws(RefundError) -> Refund {
        guard returning > 0 else { throw .nothingToReturn }
        guard alreadyReturned >= 0, alreadyReturned <= line.quantity,
            returning <= line.quantity - alreadyReturned
        else { throw .moreThanBought(remaining: max(0, line.quantity - alreadyReturned)) }
        let end = alreadyReturned + returning
        do {
            let amount = try unitsShare(line.amount, units: line.quantity, from: alreadyReturned, to: end)
            let discount = try unitsShare(line.discount, units: line.quantity, from: alreadyReturned, to: end)
            let tax = try unitsShare(line.tax, units: line.quantity, from: alreadyReturned, to: end)
            let discounted = try amount.subtracting(discount)
            let gross = line.pricesIncludeTax ? discounted : try discounted.adding(tax)
            return Refund(quantity: returning, amount: amount, discount: discount, tax: tax, net: try gross.subtracting(tax), gross: gross)
        } catch {
            throw .money(error)
        }
    }

    /// The share of `total` carried by units `from+1 … to` of `units`, where unit `i` (from 0) carries
    /// `total / units` plus one minor unit while `i < total % units`.
    static func unitsShare(_ total: Money, units: Int64, from: Int64, to: Int64) throws(MoneyError) -> Money {
        guard units > 0, total.minorUnits >= 0 else { throw .invalidArgument("a paid line has units and no negative amounts") }
        return try cumulativeShare(total, units: units, count: to).subtracting(try cumulativeShare(total, units: units, count: from))
    }

    private static func cumulativeShare(_ total: Money, units: Int64, count: Int64) throws(MoneyError) -> Money {
        let (quotient, remainder) = total.minorUnits.quotientAndRemainder(dividingBy: units)
        let (product, overflow) = quotient.multipliedReportingOverflow(by: count)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: product + min(count, remainder), currency: total.currency)
    }
}

/// Why a return cannot be refunded.
public enum RefundError: Error, Equatable, Sendable, CustomStringConvertible {
    case nothingToReturn
    /// More units than were bought and not yet returned.
    case moreThanBought(remaining: Int64)
    case money(MoneyError)

    public var description: String {
        switch self {
        case .nothingToReturn: "return at least one unit"
        case .moreThanBought(let remaining): "only \(remaining) unit(s) of this line can still be returned"
        case .money(let error): error.description
        }
    }
}
