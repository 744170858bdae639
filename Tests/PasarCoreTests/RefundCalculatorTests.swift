import PasarCore
import Testing

/// A paid line and the steps its units come back in.
struct RefundCase: Sendable, CustomTestStringConvertible {
    let quantity: Int64
    let amount: String
    let discount: String
    let tax: String
    let inclusive: Bool
    let currency: Currency
    let steps: [Int64]

    var testDescription: String { "\(quantity) × \(amount) − \(discount), tax \(tax) \(inclusive ? "incl." : "added") \(currency.code) in \(steps)" }

    func line() throws -> RefundCalculator.PaidLine {
        RefundCalculator.PaidLine(
            quantity: quantity, amount: try money(amount, currency), discount: try money(discount, currency), tax: try money(tax, currency),
            pricesIncludeTax: inclusive)
    }
}

@Suite("Refunds are exact shares of what was paid")
struct RefundCalculatorTests {
    /// 3 units for 10.00 with 1.00 off and 1.44 tax included: the first unit carries the extra cents.
    @Test func theFirstUnitsCarryTheRemainders() throws {
        let line = try RefundCase(quantity: 3, amount: "10.00", discount: "1.00", tax: "1.44", inclusive: true, currency: eur, steps: []).line()
        let first = try RefundCalculator.refund(line, alreadyReturned: 0, returning: 1)
        #expect(first.amount.decimalString == "3.34")
        #expect(first.discount.decimalString == "0.34")
        #expect(first.gross.decimalString == "3.00")
        #expect(first.tax.decimalString == "0.48")
        #expect(first.net.decimalString == "2.52")
        let rest = try RefundCalculator.refund(line, alreadyReturned: 1, returning: 2)
        #expect(rest.gross.decimalString == "6.00")
        #expect(try first.gross.adding(rest.gross) == (try line.gross))
    }

    static let cases: [RefundCase] = [
        RefundCase(quantity: 3, amount: "10.00", discount: "1.00", tax: "1.44", inclusive: true, currency: eur, steps: [1, 1, 1]),
        RefundCase(quantity: 7, amount: "69.93", discount: "6.99", tax: "10.05", inclusive: true, currency: eur, steps: [2, 3, 2]),
        RefundCase(quantity: 7, amount: "69.93", discount: "6.99", tax: "5.04", inclusive: false, currency: eur, steps: [1, 1, 1, 1, 1, 1, 1]),
        RefundCase(quantity: 3, amount: "1000", discount: "101", tax: "82", inclusive: true, currency: jpy, steps: [1, 2]),
        RefundCase(quantity: 11, amount: "0.11", discount: "0.11", tax: "0.00", inclusive: true, currency: eur, steps: [5, 6]),
        RefundCase(quantity: 999, amount: "9990.00", discount: "0.01", tax: "1595.04", inclusive: true, currency: eur, steps: [333, 1, 665]),
    ]

    @Test(arguments: cases)
    func returningEveryUnitRefundsExactlyWhatWasPaid(_ fixture: RefundCase) throws {
        let line = try fixture.line()
        var returned: Int64 = 0
        var refunds: [RefundCalculator.Refund] = []
        for step in fixture.steps {
            let refund = try RefundCalculator.refund(line, alreadyReturned: returned, returning: step)
            #expect(try refund.net.adding(refund.tax) == refund.gross)
            #expect(!refund.gross.isNegative && !refund.tax.isNegative)
            refunds.append(refund)
            returned += step
            #expect(try Money.sum(refunds.map(\.gross), currency: fixture.currency).minorUnits <= (try line.gross).minorUnits, "never more than paid")
        }
        #expect(returned == fixture.quantity)
        #expect(try Money.sum(refunds.map(\.gross), currency: fixture.currency) == (try line.gross))
        #expect(try Money.sum(refunds.map(\.tax), currency: fixture.currency) == line.tax)
        #expect(try Money.sum(refunds.map(\.discount), currency: fixture.currency) == line.discount)
    }

    @Test func moreThanIsLeftIsRefused() throws {
        let line = try RefundCase(quantity: 3, amount: "10.00", discount: "0.00", tax: "1.60", inclusive: true, currency: eur, steps: []).line()
        #expect(throws: RefundError.moreThanBought(remaining: 1)) { try RefundCalculator.refund(line, alreadyReturned: 2, returning: 2) }
        #expect(throws: RefundError.nothingToReturn) { try RefundCalculator.refund(line, alreadyReturned: 0, returning: 0) }
    }
}
