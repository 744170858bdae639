public import FoundationEssentials

/// A customer's points in one market at a moment, computed from the ledger (nothing about expiry is
/// stored): points are spent first in, first out, and the unspent rest of an entry expires at its
/// `expiresAt`. A debit larger than what is left (a reversal after the points were spent) becomes a
/// debt, a negative balance that later earnings pay off before they can be spent.
///
/// ```
/// earn +100 (expires day 365), redeem -60 on day 10   → day 366: 0 left, 40 expired
/// earn +50, redeem -50, return reverses -50           → -50: redemption is blocked until 50 are earned
/// ```
public struct LoyaltyBalance: Sendable, Equatable {
    /// Spendable points; negative while a clawback is owed.
    public let points: Int64
    /// Points that expired unspent.
    public let expired: Int64
    /// The next expiry that will take points, and how many.
    public let nextExpiry: (date: Date, points: Int64)?

    public init(entries: [LoyaltyEntry], at now: Date) {
        var lots: [(remaining: Int64, expiresAt: Date?)] = []
        var debt: Int64 = 0
        var expired: Int64 = 0
        func expire(upTo moment: Date) {
            for index in lots.indices {
                if let expiresAt = lots[index].expiresAt, expiresAt <= moment, lots[index].remaining > 0 {
                    expired += lots[index].remaining
                    lots[index].remaining = 0
                }
            }
            lots.removeAll { $0.remaining == 0 }
        }
        for entry in entries.sorted(by: { $0.sequence < $1.sequence }) {
            expire(upTo: entry.createdAt)
            if entry.points > 0 {
                let repaid = min(debt, entry.points)
                debt -= repaid
                if entry.points > repaid { lots.append((entry.points - repaid, entry.expiresAt)) }
            } else {
                var owed = entry.points == .min ? Int64.max : -entry.points
                for index in lots.indices where owed > 0 {
                    let taken = min(lots[index].remaining, owed)
                    lots[index].remaining -= taken
                    owed -= taken
                }
                lots.removeAll { $0.remaining == 0 }
                debt += owed
            }
        }
        expire(upTo: now)
        points = lots.reduce(0) { $0 + $1.remaining } - debt
        self.expired = expired
        nextExpiry = lots.compactMap { lot in lot.expiresAt.map { ($0, lot.remaining) } }.min { $0.0 < $1.0 }
            .map { first in (first.0, lots.filter { $0.expiresAt == first.0 }.reduce(0) { $0 + $1.remaining }) }
    }

    public static func == (lhs: LoyaltyBalance, rhs: LoyaltyBalance) -> Bool {
        lhs.points == rhs.points && lhs.expired == rhs.expired && lhs.nextExpiry?.date == rhs.nextExpiry?.date
            && lhs.nextExpiry?.points == rhs.nextExpiry?.points
    }
}
