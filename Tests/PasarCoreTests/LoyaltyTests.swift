import FoundationEssentials
import PasarCore
import Testing

/// The points rules: earning rounds down to whole currency units, redemption spends the points its
/// discount needs, and the balance spends oldest points first, expires the rest and carries a debt.
@Suite("Loyalty points rules")
struct LoyaltyRulesTests {
    static let chf = Currency(code: "CHF", minorUnitDigits: 2)
    static let jpy = Currency(code: "JPY", minorUnitDigits: 0)
    static let program = LoyaltyProgram(pointsPerUnit: 1, pointValue: Money(minorUnits: 1, currency: chf), expiresAfterDays: 365)
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func earningCountsWholeCurrencyUnitsRoundedDown() throws {
        #expect(try Self.program.pointsEarned(on: Money(minorUnits: 12_95, currency: Self.chf)) == 12)
        #expect(try Self.program.pointsEarned(on: Money(minorUnits: 99, currency: Self.chf)) == 0)
        #expect(try Self.program.pointsEarned(on: Money(minorUnits: 0, currency: Self.chf)) == 0)
        let yen = LoyaltyProgram(pointsPerUnit: 2, pointValue: Money(minorUnits: 1, currency: Self.jpy), expiresAfterDays: nil)
        #expect(try yen.pointsEarned(on: Money(minorUnits: 1_234, currency: Self.jpy)) == 2_468)
        #expect(yen.expiry(ofPointsEarnedAt: Self.start) == nil)
    }

    @Test func redemptionSpendsThePointsItsDiscountNeeds() throws {
        #expect(try Self.program.value(of: 500) == Money(minorUnits: 500, currency: Self.chf))
        #expect(Self.program.pointsSpent(requested: 500, discount: Money(minorUnits: 500, currency: Self.chf)) == 500)
        #expect(Self.program.pointsSpent(requested: 500, discount: Money(minorUnits: 320, currency: Self.chf)) == 320, "capped at the cart")
        let tenth = LoyaltyProgram(pointsPerUnit: 1, pointValue: Money(minorUnits: 10, currency: Self.chf), expiresAfterDays: nil)
        #expect(tenth.pointsSpent(requested: 50, discount: Money(minorUnits: 325, currency: Self.chf)) == 33, "the partly used point counts")
    }

    private func entry(_ sequence: Int64, _ kind: LoyaltyEntry.Kind, _ points: Int64, day: Double, expires: Bool = true) -> LoyaltyEntry {
        let at = Self.start.addingTimeInterval(day * Self.day)
        return LoyaltyEntry(
            sequence: sequence, kind: kind, points: points, orderID: nil, createdAt: at,
            expiresAt: points > 0 && expires ? Self.program.expiry(ofPointsEarnedAt: at) : nil)
    }

    @Test func oldestPointsAreSpentFirstAndTheRestExpires() {
        let entries = [entry(1, .earn, 100, day: 0), entry(2, .redeem, -60, day: 10), entry(3, .earn, 50, day: 100)]
        let before = LoyaltyBalance(entries: entries, at: Self.start.addingTimeInterval(364 * Self.day))
        #expect(before.points == 90 && before.expired == 0 && before.nextExpiry?.points == 40)
        let after = LoyaltyBalance(entries: entries, at: Self.start.addingTimeInterval(366 * Self.day))
        #expect(after.points == 50 && after.expired == 40)
        // A redemption after the first lot expired cannot spend it.
        let late = entries + [entry(4, .redeem, -50, day: 400)]
        let lateBalance = LoyaltyBalance(entries: late, at: Self.start.addingTimeInterval(401 * Self.day))
        #expect(lateBalance.points == 0 && lateBalance.expired == 40)
    }

    @Test func aClawbackBeyondTheBalanceIsADebtThatEarningsRepayFirst() {
        let entries = [entry(1, .earn, 30, day: 0), entry(2, .redeem, -20, day: 1), entry(3, .reverse, -30, day: 2)]
        #expect(LoyaltyBalance(entries: entries, at: Self.start.addingTimeInterval(3 * Self.day)).points == -20)
        let repaid = entries + [entry(4, .earn, 25, day: 4)]
        let balance = LoyaltyBalance(entries: repaid, at: Self.start.addingTimeInterval(5 * Self.day))
        #expect(balance.points == 5 && balance.nextExpiry?.points == 5)
        // The debt does not expire: a year on, only the repaid lot's rest does.
        #expect(LoyaltyBalance(entries: entries, at: Self.start.addingTimeInterval(800 * Self.day)).points == -20)
    }
}
