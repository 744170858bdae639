import PasarCore
import PasarMarkets

/// A tender as typed at the till: `{"type": "card", "amount": "3.02", "reference": "TERM-7781"}`.
struct TenderInput: Decodable {
    let type: String
    let amount: String
    let reference: String?

    /// The tenders, checked against what is due (`TillPayment`), each problem naming the tender at
    /// fault under `field` (`tenders[1].amount`).
    static func settle(_ inputs: [TenderInput], due: Money, market: Market, field: String = "tenders") throws -> TillSettlement {
        guard !inputs.isEmpty else { throw Problem.invalidField(field, "collecting an unpaid order takes its payment: give cash and/or card tenders") }
        let tenders = try inputs.enumerated().map { index, input in
            guard let kind = TillTender.Kind(rawValue: input.type) else { throw Problem.invalidField("\(field)[\(index)].type", "must be cash or card") }
            guard let amount = try? Money(parsing: input.amount, currency: due.currency) else {
                throw Problem.invalidField("\(field)[\(index)].amount", "must be an amount in \(due.currency.code) such as \"23.40\"")
            }
            if let reference = input.reference, reference.isEmpty || reference.count > 100 {
                throw Problem.invalidField("\(field)[\(index)].reference", "must be 1 to 100 characters")
            }
            return TillTender(kind: kind, amount: amount, reference: input.reference)
        }
        do throws(TillPaymentError) {
            return try TillPayment.settle(due: due, tenders: tenders, cashIncrement: market.rounding.cashIncrementMinorUnits, cashMode: market.rounding.cashMode)
        } catch {
            switch error {
            case .noTenders: throw Problem.invalidField(field, "give cash and/or card tenders")
            case .currencyMismatch(let index): throw Problem.invalidField("\(field)[\(index)].amount", "must be in \(due.currency.code)")
            case .notPositive(let index): throw Problem.invalidField("\(field)[\(index)].amount", "must be more than zero")
            case .cardNeedsReference(let index): throw Problem.invalidField("\(field)[\(index)].reference", "a card tender needs the terminal's reference")
            case .severalCashTenders(let index): throw Problem.invalidField("\(field)[\(index)].type", "give cash once, as the amount taken")
            case .cardsExceedDue(let due): throw Problem.invalidField(field, "the cards pay more than the \(due.decimalString) \(due.currency.code) due")
            case .notCovered(let left): throw Problem.invalidField(field, "\(left.decimalString) \(left.currency.code) is still due")
            case .wrongCashAmount(let index, let expected):
                throw Problem.invalidField(
                    "\(field)[\(index)].amount", "the cash to take is \(expected.decimalString) \(expected.currency.code) (rounded to the cash increment)")
            }
        }
    }
}
