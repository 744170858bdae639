/// How a customer pays at the till: the tenders taken and the rule that they settle what is due.
///
/// Cards pay exact amounts (with the terminal's reference); cash pays what the cards leave, rounded
/// to the market's cash increment, and the difference is the cash adjustment:
///
/// ```swift
/// // CHF 23.42 due, all in cash: 23.40 taken (CHF cash rounds to 0.05), adjustment −0.02.
/// let settlement = try TillPayment.settle(due: due, tenders: [TillTender(kind: .cash, amount: chf2340)], cashIncrement: 5, cashMode: .halfUp)
/// ```
public enum TillPayment {
    public static func settle(due: Money, tenders: [TillTender], cashIncrement: Int64, cashMode: RoundingMode) throws(TillPaymentError) -> TillSettlement {
        guard !tenders.isEmpty else { throw .noTenders }
        if let index = tenders.firstIndex(where: { $0.amount.currency != due.currency }) { throw .currencyMismatch(index: index) }
        if let index = tenders.firstIndex(where: { $0.amount.minorUnits <= 0 }) { throw .notPositive(index: index) }
        if let index = tenders.firstIndex(where: { $0.kind == .card && ($0.reference ?? "").isEmpty }) { throw .cardNeedsReference(index: index) }
        let cashIndices = tenders.indices.filter { tenders[$0].kind == .cash }
        guard cashIndices.count <= 1 else { throw .severalCashTenders(index: cashIndices[1]) }
        let cards: Money, left: Money
        do throws(MoneyError) {
            cards = try Money.sum(tenders.filter { $0.kind == .card }.map(\.amount), currency: due.currency)
            left = try due.subtracting(cards)
        } catch {
            throw .cardsExceedDue(due: due)
        }
        guard left.minorUnits >= 0 else { throw .cardsExceedDue(due: due) }
        let cash: CashRounding
        do throws(MoneyError) {
            cash = try left.roundedForCash(increment: cashIncrement, rounding: cashMode)
        } catch {
            throw .notCovered(left: left)
        }
        guard let cashIndex = cashIndices.first else {
            // What cards leave may round to nothing in cash (CHF 0.02): nothing more to take.
            guard cash.rounded.minorUnits == 0 else { throw .notCovered(left: left) }
            return TillSettlement(tenders: tenders, cashAdjustment: cash.adjustment)
        }
        guard tenders[cashIndex].amount == cash.rounded else { throw .wrongCashAmount(index: cashIndex, expected: cash.rounded) }
        return TillSettlement(tenders: tenders, cashAdjustment: cash.adjustment)
    }
}

/// One way a customer paid at the till.
public struct TillTender: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case cash
        case card
    }

    public let kind: Kind
    /// What was taken (cash: after rounding to the cash increment).
    public let amount: Money
    /// The card terminal's reference; none for cash.
    public let reference: String?

    public init(kind: Kind, amount: Money, reference: String? = nil) {
        self.kind = kind
        self.amount = amount
        self.reference = reference
    }
}

/// Tenders that settle an amount due, and the cash rounding they include.
public struct TillSettlement: Sendable, Equatable {
    public let tenders: [TillTender]
    /// Cash taken minus the exact amount it paid: −0.02 when CHF 23.42 is paid with 23.40 in cash.
    public let cashAdjustment: Money
}

/// Why tenders do not settle what is due; `index` names the tender at fault.
public enum TillPaymentError: Error, Equatable {
    case noTenders
    case currencyMismatch(index: Int)
    case notPositive(index: Int)
    case cardNeedsReference(index: Int)
    case severalCashTenders(index: Int)
    case cardsExceedDue(due: Money)
    case notCovered(left: Money)
    case wrongCashAmount(index: Int, expected: Money)
}
