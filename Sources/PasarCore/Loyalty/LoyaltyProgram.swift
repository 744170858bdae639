public import FoundationEssentials

/// A market's loyalty points rule (`loyalty:` in its file): how many points a paid order earns, what
/// one point is worth when redeemed, and how long earned points last.
///
/// ```swift
/// let program = LoyaltyProgram(pointsPerUnit: 1, pointValue: Money(minorUnits: 1, currency: eur), expiresAfterDays: 365)
/// try program.pointsEarned(on: Money(minorUnits: 12_99, currency: eur))  // 12: whole euros only
/// try program.value(of: 500)                                             // 5.00 EUR
/// ```
public struct LoyaltyProgram: Sendable, Hashable {
    /// Points per whole currency unit paid.
    public let pointsPerUnit: Int64
    /// What one point takes off a cart, in the market's currency (at least one minor unit).
    public let pointValue: Money
    /// Earned points expire this many days after they were earned; nil: never.
    public let expiresAfterDays: Int?

    public init(pointsPerUnit: Int64, pointValue: Money, expiresAfterDays: Int?) {
        self.pointsPerUnit = pointsPerUnit
        self.pointValue = pointValue
        self.expiresAfterDays = expiresAfterDays
    }

    /// The points an order earns on `paid`, what the customer paid after every discount (vouchers and
    /// points) with tax and shipping: the whole currency units of it, rounded down, times
    /// `pointsPerUnit` (CHF 12.95 at 1 point per franc earns 12). Nothing on a zero amount.
    public func pointsEarned(on paid: Money) throws(MoneyError) -> Int64 {
        guard paid.minorUnits > 0 else { return 0 }
        let units = paid.minorUnits / paid.currency.minorUnitsPerMajorUnit
        let (points, overflow) = units.multipliedReportingOverflow(by: pointsPerUnit)
        if overflow { throw .overflow }
        return points
    }

    /// What `points` take off a cart.
    public func value(of points: Int64) throws(MoneyError) -> Money {
        try pointValue.multiplied(by: points)
    }

    /// The points a cart's points discount spends: those needed to cover `discount` (rounded up, so a
    /// discount capped at the cart's amount spends the point it partly uses), never more than asked for.
    public func pointsSpent(requested: Int64, discount: Money) -> Int64 {
        guard pointValue.minorUnits > 0, discount.minorUnits > 0 else { return 0 }
        let needed = discount.minorUnits / pointValue.minorUnits + (discount.minorUnits % pointValue.minorUnits == 0 ? 0 : 1)
        return min(requested, needed)
    }

    /// When points earned (or given back) at `date` expire; nil when they never do.
    public func expiry(ofPointsEarnedAt date: Date) -> Date? {
        expiresAfterDays.map { date.addingTimeInterval(TimeInterval($0) * 86_400) }
    }
}
